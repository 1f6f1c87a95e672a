package fr.jalon.accounting;

import fr.jalon.expense.Expense;
import jakarta.persistence.EntityManager;

/**
 * Writes staged lines with plain SQL: invisible until their import is confirmed, and audited once
 * for the whole import (rule 15), not line by line. A line's supplier organisation new to Jalon (a
 * CSV line's unknown SIRET) is recorded with the first line that names it.
 */
public final class ImportStaging {
  private static final String INSERT = "INSERT INTO EXPENSE (GRANT_ID, ACTION_ID, CATEGORY_ID, COFUNDING_ID, SUPPLIER_NAME, DESCRIPTION, INVOICE_NUMBER, INVOICE_DATE,"
      + " AMOUNT_EXCL, AMOUNT_VAT, AMOUNT_INCL, SHARE_CHARGED, ELIGIBLE_AMOUNT, STATUTORY_STAFF, STATUS, SORT_DATE, EXPENSE_YEAR, LIQUIDATED_ON, PAID_ON,"
      + " PAYMENT_ESTIMATED, CORRECTS_ID, PROVENANCE, SOURCE_KEY, IMPORT_ID, RECEIPT_COUNT, VERSION, SUPPLIER_ID)"
      + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20,"
      + " (SELECT MAX(c.ID) FROM EXPENSE c WHERE c.IMPORT_ID = ?21 AND c.SOURCE_KEY = ?22), ?23, ?24, ?25, 0, 0, ?26)";

  private ImportStaging() {}

  public static void insert(EntityManager em, long importId, ImportRun.Staged staged) {
    Expense e = staged.expense();
    if (e.supplier() != null && e.supplier().id() == null) {
      em.persist(e.supplier());
      em.flush();
    }
    em.createNativeQuery(INSERT)
        .setParameter(1, e.grant().id())
        .setParameter(2, e.action().id())
        .setParameter(3, e.category().id())
        .setParameter(4, e.source().id())
        .setParameter(5, e.supplierName())
        .setParameter(6, e.description().length() > 500 ? e.description().substring(0, 500) : e.description())
        .setParameter(7, e.invoiceNumber())
        .setParameter(8, e.invoiceDate())
        .setParameter(9, e.amountExcl())
        .setParameter(10, e.amountVat())
        .setParameter(11, e.amountIncl())
        .setParameter(12, e.sharePercent())
        .setParameter(13, e.eligibleAmount())
        .setParameter(14, e.statutoryStaff())
        .setParameter(15, e.status().name())
        .setParameter(16, e.sortDate())
        .setParameter(17, e.year())
        .setParameter(18, e.liquidatedOn())
        .setParameter(19, e.paidOn())
        .setParameter(20, e.paymentEstimated())
        .setParameter(21, importId)
        .setParameter(22, staged.correctsSourceKey() == null ? "" : staged.correctsSourceKey())
        .setParameter(23, e.provenance().name())
        .setParameter(24, e.sourceKey())
        .setParameter(25, importId)
        .setParameter(26, e.supplier() == null ? null : e.supplier().id())
        .executeUpdate();
  }
}
