package fr.jalon.accounting;

import fr.jalon.expense.Expense;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.List;

/**
 * Writes staged lines with plain SQL: invisible until their import is confirmed, and audited once
 * for the whole import (rule 15), not line by line. A chunk is one JDBC batch on the transaction's
 * own connection (a native query per line cost a round of EclipseLink work each: the confirm of a
 * 500,000-line FEC spent most of its time there). A line's supplier organisation new to Jalon (a
 * CSV line's unknown SIRET) is recorded with the first line that names it. A credit note finds the
 * line it corrects by import and source key (index EXPENSE_IMPORT_KEY): Derby runs a batch in
 * order, so that line may be earlier in the same chunk.
 */
public final class ImportStaging {
  private static final String INSERT = "INSERT INTO EXPENSE (GRANT_ID, ACTION_ID, CATEGORY_ID, COFUNDING_ID, SUPPLIER_NAME, DESCRIPTION, INVOICE_NUMBER, INVOICE_DATE,"
      + " AMOUNT_EXCL, AMOUNT_VAT, AMOUNT_INCL, SHARE_CHARGED, ELIGIBLE_AMOUNT, STATUTORY_STAFF, STATUS, SORT_DATE, EXPENSE_YEAR, LIQUIDATED_ON, PAID_ON,"
      + " PAYMENT_ESTIMATED, CORRECTS_ID, PROVENANCE, SOURCE_KEY, IMPORT_ID, RECEIPT_COUNT, VERSION, SUPPLIER_ID)"
      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
      + " (SELECT MAX(c.ID) FROM EXPENSE c WHERE c.IMPORT_ID = ? AND c.SOURCE_KEY = ?), ?, ?, ?, 0, 0, ?)";

  private ImportStaging() {}

  /** Writes {@code chunk} staged for {@code importId}, in the caller's transaction. */
  public static void insert(EntityManager em, long importId, List<ImportRun.Staged> chunk) {
    boolean newSupplier = false;
    for (ImportRun.Staged s : chunk) {
      Expense e = s.expense();
      if (e.supplier() != null && e.supplier().id() == null) {
        em.persist(e.supplier());
        newSupplier = true;
      }
    }
    if (newSupplier) {
      em.flush();
    }
    // Inside the transaction, EclipseLink hands the connection it writes with: the batch is in the same transaction.
    Connection connection = em.unwrap(Connection.class);
    try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
      for (ImportRun.Staged s : chunk) {
        bind(insert, importId, s);
        insert.addBatch();
      }
      insert.executeBatch();
    } catch (SQLException e) {
      throw new IllegalStateException("Écriture des lignes importées impossible : " + e.getMessage(), e);
    }
  }

  private static void bind(PreparedStatement p, long importId, ImportRun.Staged staged) throws SQLException {
    Expense e = staged.expense();
    p.setLong(1, e.grant().id());
    p.setLong(2, e.action().id());
    p.setLong(3, e.category().id());
    p.setLong(4, e.source().id());
    text(p, 5, e.supplierName());
    p.setString(6, e.description().length() > 500 ? e.description().substring(0, 500) : e.description());
    text(p, 7, e.invoiceNumber());
    day(p, 8, e.invoiceDate());
    amount(p, 9, e.amountExcl());
    amount(p, 10, e.amountVat());
    amount(p, 11, e.amountIncl());
    amount(p, 12, e.sharePercent());
    amount(p, 13, e.eligibleAmount());
    if (e.statutoryStaff() == null) {
      p.setNull(14, Types.BOOLEAN);
    } else {
      p.setBoolean(14, e.statutoryStaff());
    }
    p.setString(15, e.status().name());
    day(p, 16, e.sortDate());
    p.setInt(17, e.year());
    day(p, 18, e.liquidatedOn());
    day(p, 19, e.paidOn());
    p.setBoolean(20, e.paymentEstimated());
    p.setLong(21, importId);
    p.setString(22, staged.correctsSourceKey() == null ? "" : staged.correctsSourceKey());
    p.setString(23, e.provenance().name());
    text(p, 24, e.sourceKey());
    p.setLong(25, importId);
    if (e.supplier() == null) {
      p.setNull(26, Types.BIGINT);
    } else {
      p.setLong(26, e.supplier().id());
    }
  }

  private static void text(PreparedStatement p, int i, String value) throws SQLException {
    if (value == null) {
      p.setNull(i, Types.VARCHAR);
    } else {
      p.setString(i, value);
    }
  }

  private static void day(PreparedStatement p, int i, LocalDate value) throws SQLException {
    if (value == null) {
      p.setNull(i, Types.DATE);
    } else {
      p.setDate(i, java.sql.Date.valueOf(value));
    }
  }

  private static void amount(PreparedStatement p, int i, BigDecimal value) throws SQLException {
    if (value == null) {
      p.setNull(i, Types.DECIMAL);
    } else {
      p.setBigDecimal(i, value);
    }
  }
}
