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
 * invoice it corrects by import and source key, on the index EXPENSE_IMPORT_KEY named in the
 * query: left to itself Derby walked every line of the import so far for each line written, which
 * made a 500,000-line confirm quadratic. Only credit notes ask, in a second batch after the chunk's
 * invoices, so the invoice they correct may be in the same chunk (only invoices are corrected).
 */
public final class ImportStaging {
  private static final String INSERT = "INSERT INTO EXPENSE (GRANT_ID, ACTION_ID, CATEGORY_ID, COFUNDING_ID, SUPPLIER_NAME, DESCRIPTION, INVOICE_NUMBER, INVOICE_DATE,"
      + " AMOUNT_EXCL, AMOUNT_VAT, AMOUNT_INCL, SHARE_CHARGED, ELIGIBLE_AMOUNT, STATUTORY_STAFF, STATUS, SORT_DATE, EXPENSE_YEAR, LIQUIDATED_ON, PAID_ON,"
      + " PAYMENT_ESTIMATED, CORRECTS_ID, PROVENANCE, SOURCE_KEY, IMPORT_ID, RECEIPT_COUNT, VERSION, SUPPLIER_ID)"
      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, %s, ?, ?, ?, 0, 0, ?)";
  private static final String INSERT_LINE = INSERT.formatted("NULL");
  private static final String INSERT_CORRECTION = INSERT.formatted(
      "(SELECT MAX(c.ID) FROM EXPENSE c --DERBY-PROPERTIES index=EXPENSE_IMPORT_KEY\n WHERE c.IMPORT_ID = ? AND c.SOURCE_KEY = ?)");

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
    try (PreparedStatement lines = connection.prepareStatement(INSERT_LINE); PreparedStatement corrections = connection.prepareStatement(INSERT_CORRECTION)) {
      int correcting = 0;
      for (ImportRun.Staged s : chunk) {
        PreparedStatement insert = s.correctsSourceKey() == null ? lines : corrections;
        bind(insert, importId, s);
        insert.addBatch();
        correcting += insert == corrections ? 1 : 0;
      }
      lines.executeBatch();
      if (correcting > 0) {
        corrections.executeBatch();
      }
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
    int next = 21;
    if (staged.correctsSourceKey() != null) {
      p.setLong(next++, importId);
      p.setString(next++, staged.correctsSourceKey());
    }
    p.setString(next++, e.provenance().name());
    text(p, next++, e.sourceKey());
    p.setLong(next++, importId);
    if (e.supplier() == null) {
      p.setNull(next, Types.BIGINT);
    } else {
      p.setLong(next, e.supplier().id());
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
