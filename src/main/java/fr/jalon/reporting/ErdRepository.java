package fr.jalon.reporting;

import fr.jalon.platform.DatabaseConfiguration;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * Reads and writes the frozen lines of expense statements in SQL, never as entities: a statement
 * of 100 000 lines is copied by one INSERT … SELECT and read back by one streamed query.
 */
@ApplicationScoped
public class ErdRepository {
  /** Rows per keyset page where the order has an index (the primary key): the data's SHA-256. */
  static final int PAGE = 2000;

  @PersistenceContext EntityManager em;
  /** Where the lines are read from when no transaction is open (the files of a report are made outside any). */
  @Resource(lookup = DatabaseConfiguration.JNDI_NAME) DataSource dataSource;

  protected ErdRepository() {}

  public ErdRepository(EntityManager em) {
    this(em, null);
  }

  public ErdRepository(EntityManager em, DataSource dataSource) {
    this.em = em;
    this.dataSource = dataSource;
  }

  /** A frozen line's content, as the expense held by the statement gives it: id, codes, amounts. */
  private static final String HELD = "SELECT e.ID, a.CODE, c.CODE, e.AMOUNT_EXCL, e.AMOUNT_INCL, e.ELIGIBLE_AMOUNT FROM EXPENSE e"
      + " JOIN PLAN_ACTION a ON a.ID = e.ACTION_ID JOIN COST_CATEGORY c ON c.ID = e.CATEGORY_ID";

  /**
   * Brings the statement's frozen lines in line with the expenses it holds (those claimed for it):
   * drops the lines whose expense left it or changed its codes or amounts, and copies those it
   * lacks. Only the difference is written, so an unchanged regeneration writes nothing. Both sides
   * are read once in id order and compared here: Derby's correlated NOT EXISTS, one probe per
   * line, took about five times longer on 114,151 unchanged lines (13 s against 2–3 s).
   */
  public void freezeLines(long reportId) {
    if (counts(reportId).lines() == 0) {
      em.createNativeQuery("INSERT INTO REPORT_LINE (REPORT_ID, EXPENSE_ID, ACTION_CODE, CATEGORY_CODE, AMOUNT_EXCL, AMOUNT_INCL, ELIGIBLE_AMOUNT)"
          + HELD.replace("SELECT e.ID", "SELECT ?1, e.ID") + " WHERE e.STATEMENT_ID = ?1").setParameter(1, reportId).executeUpdate();
      return;
    }
    List<Long> gone = new ArrayList<>();
    List<Long> added = new ArrayList<>();
    java.sql.Connection connection = em.unwrap(java.sql.Connection.class);
    try (java.sql.PreparedStatement frozenQuery = connection.prepareStatement(
            "SELECT EXPENSE_ID, ACTION_CODE, CATEGORY_CODE, AMOUNT_EXCL, AMOUNT_INCL, ELIGIBLE_AMOUNT FROM REPORT_LINE WHERE REPORT_ID = ? ORDER BY EXPENSE_ID");
        // Ids, not codes: the two small code tables are read once below instead of joined to every line.
        java.sql.PreparedStatement heldQuery = connection.prepareStatement(
            "SELECT ID, ACTION_ID, CATEGORY_ID, AMOUNT_EXCL, AMOUNT_INCL, ELIGIBLE_AMOUNT FROM EXPENSE WHERE STATEMENT_ID = ? ORDER BY ID")) {
      Map<Long, String> actions = codes(connection, "PLAN_ACTION");
      Map<Long, String> categories = codes(connection, "COST_CATEGORY");
      frozenQuery.setLong(1, reportId);
      heldQuery.setLong(1, reportId);
      frozenQuery.setFetchSize(PAGE);
      heldQuery.setFetchSize(PAGE);
      try (java.sql.ResultSet frozen = frozenQuery.executeQuery(); java.sql.ResultSet held = heldQuery.executeQuery()) {
        boolean f = frozen.next();
        boolean h = held.next();
        while (f || h) {
          long fid = f ? frozen.getLong(1) : Long.MAX_VALUE;
          long hid = h ? held.getLong(1) : Long.MAX_VALUE;
          if (fid < hid) {
            gone.add(fid);
          } else if (hid < fid) {
            added.add(hid);
          } else if (!sameLine(frozen, held, actions, categories)) {
            gone.add(fid);
            added.add(hid);
          }
          if (fid <= hid) {
            f = frozen.next();
          }
          if (hid <= fid) {
            h = held.next();
          }
        }
      }
      batch(connection, "DELETE FROM REPORT_LINE WHERE REPORT_ID = ? AND EXPENSE_ID = ?", reportId, gone);
      batch(connection, "INSERT INTO REPORT_LINE (REPORT_ID, EXPENSE_ID, ACTION_CODE, CATEGORY_CODE, AMOUNT_EXCL, AMOUNT_INCL, ELIGIBLE_AMOUNT)"
          + HELD.replace("SELECT e.ID", "SELECT CAST(? AS BIGINT), e.ID") + " WHERE e.ID = ?", reportId, added);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("Lignes de l’état " + reportId + " : " + e.getMessage(), e);
    }
  }

  private static boolean sameLine(java.sql.ResultSet frozen, java.sql.ResultSet held, Map<Long, String> actions, Map<Long, String> categories) throws java.sql.SQLException {
    return frozen.getString(2).equals(actions.get(held.getLong(2))) && frozen.getString(3).equals(categories.get(held.getLong(3)))
        && frozen.getBigDecimal(4).compareTo(held.getBigDecimal(4)) == 0 && frozen.getBigDecimal(5).compareTo(held.getBigDecimal(5)) == 0
        && frozen.getBigDecimal(6).compareTo(held.getBigDecimal(6)) == 0;
  }

  /** Every code of {@code table} (actions or cost categories: a few dozen rows) by id. */
  private static Map<Long, String> codes(java.sql.Connection connection, String table) throws java.sql.SQLException {
    Map<Long, String> codes = new java.util.HashMap<>();
    try (java.sql.Statement s = connection.createStatement(); java.sql.ResultSet rows = s.executeQuery("SELECT ID, CODE FROM " + table)) {
      while (rows.next()) {
        codes.put(rows.getLong(1), rows.getString(2));
      }
    }
    return codes;
  }

  /** Runs {@code sql} (report id, expense id) for each of {@code expenseIds}, in JDBC batches. */
  private static void batch(java.sql.Connection connection, String sql, long reportId, List<Long> expenseIds) throws java.sql.SQLException {
    try (java.sql.PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < expenseIds.size(); i++) {
        statement.setLong(1, reportId);
        statement.setLong(2, expenseIds.get(i));
        statement.addBatch();
        if (i % PAGE == PAGE - 1 || i == expenseIds.size() - 1) {
          statement.executeBatch();
        }
      }
    }
  }

  /** How many frozen lines the statement has, and their eligible total. */
  public ReportGenerator.Counts counts(long reportId) {
    Object[] r = (Object[]) em.createNativeQuery("SELECT COUNT(*), SUM(ELIGIBLE_AMOUNT) FROM REPORT_LINE WHERE REPORT_ID = ?").setParameter(1, reportId).getSingleResult();
    return new ReportGenerator.Counts(((Number) r[0]).intValue(), money(r[1]));
  }

  /** Removes the frozen lines of a draft given up. */
  public void forget(long reportId) {
    em.createNativeQuery("DELETE FROM REPORT_LINE WHERE REPORT_ID = ?").setParameter(1, reportId).executeUpdate();
  }

  /**
   * The lines in print order (action, payment date, id) to {@code sink}, streamed from one query:
   * the statement is sorted once, whatever its size (keyset pages sorted it again for each page).
   */
  public void lines(long reportId, Consumer<ErdLine> sink) {
    try (Cursor lines = cursor(reportId)) {
      for (ErdLine l = lines.next(); l != null; l = lines.next()) {
        sink.accept(l);
      }
    }
  }

  /**
   * An open forward-only cursor over the lines in print order, read through the caller's
   * transaction's connection; memory holds one fetch of rows, not the statement. The caller closes it.
   */
  public Cursor cursor(long reportId) {
    return cursorOpener(reportId).get();
  }

  /**
   * What opens {@link #cursor} later, on any thread: which connection it reads through is decided
   * now, on the caller's. Inside a transaction its connection sees what it wrote; outside, a
   * connection of its own (from the data source, never the entity manager, which belongs to the
   * caller's thread) reads committed rows.
   */
  public java.util.function.Supplier<Cursor> cursorOpener(long reportId) {
    boolean own = !em.isJoinedToTransaction() && dataSource != null;
    java.sql.Connection shared = own ? null : em.unwrap(java.sql.Connection.class);
    DataSource source = dataSource;
    return () -> {
      try {
        java.sql.Connection connection = own ? source.getConnection() : shared;
        try {
          java.sql.PreparedStatement s = connection.prepareStatement(LINES + " WHERE l.REPORT_ID = ? ORDER BY l.ACTION_CODE, e.PAID_ON, e.ID",
              java.sql.ResultSet.TYPE_FORWARD_ONLY, java.sql.ResultSet.CONCUR_READ_ONLY);
          try {
            s.setFetchSize(500);
            s.setLong(1, reportId);
            return new Cursor(s, s.executeQuery(), own ? connection : null);
          } catch (java.sql.SQLException e) {
            s.close();
            throw e;
          }
        } catch (java.sql.SQLException | RuntimeException e) {
          if (own) {
            connection.close();
          }
          throw e;
        }
      } catch (java.sql.SQLException e) {
        throw new IllegalStateException("Lignes de l’état " + reportId + " : " + e.getMessage(), e);
      }
    };
  }

  private static final String LINES = "SELECT e.ID, l.ACTION_CODE, a.TITLE, l.CATEGORY_CODE, c.LABEL, e.INVOICE_NUMBER, e.INVOICE_DATE, e.SUPPLIER_NAME, e.DESCRIPTION,"
      + " l.AMOUNT_EXCL, l.AMOUNT_INCL, l.ELIGIBLE_AMOUNT, e.PAID_ON, e.ORDER_NUMBER, k.INVOICE_NUMBER, k.SUPPLIER_NAME"
      + " FROM REPORT_LINE l JOIN EXPENSE e ON e.ID = l.EXPENSE_ID JOIN PLAN_ACTION a ON a.ID = e.ACTION_ID JOIN COST_CATEGORY c ON c.ID = e.CATEGORY_ID"
      + " LEFT JOIN EXPENSE k ON k.ID = e.CORRECTS_ID";

  /** The statement's lines, one at a time, from one open query. */
  public static final class Cursor implements AutoCloseable {
    private final java.sql.PreparedStatement statement;
    private final java.sql.ResultSet rows;
    /** The connection the cursor opened for itself (closed with it), or null: the transaction's. */
    private final java.sql.Connection owned;

    Cursor(java.sql.PreparedStatement statement, java.sql.ResultSet rows, java.sql.Connection owned) {
      this.statement = statement;
      this.rows = rows;
      this.owned = owned;
    }

    /** The next line, or null after the last. */
    public ErdLine next() {
      try {
        if (!rows.next()) {
          return null;
        }
        Object[] r = new Object[16];
        for (int i = 0; i < r.length; i++) {
          r[i] = rows.getObject(i + 1);
        }
        return line(r);
      } catch (java.sql.SQLException e) {
        throw new IllegalStateException("Lignes de l’état : " + e.getMessage(), e);
      }
    }

    @Override
    public void close() {
      try (java.sql.Connection c = owned) {
        statement.close();
      } catch (java.sql.SQLException e) {
        // Closing a read-only cursor: nothing was changed, nothing to undo.
      }
    }
  }

  private static ErdLine line(Object[] r) {
    String corrects = r[15] == null ? null : (r[14] == null ? "" : r[14] + " — ") + r[15];
    return new ErdLine(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3], (String) r[4], (String) r[5], day(r[6]), (String) r[7],
        (String) r[8], money(r[9]), money(r[10]), money(r[11]), day(r[12]), (String) r[13], corrects);
  }

  /** How many expenses statement {@code reportId} declares. */
  public long statementLineCount(long reportId) {
    return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM EXPENSE WHERE STATEMENT_ID = ?").setParameter(1, reportId).getSingleResult()).longValue();
  }

  /** One page of the expenses statement {@code reportId} declares, with their verdicts, in the statement's index order. */
  @SuppressWarnings("unchecked")
  public List<StatementLine> statementLines(long reportId, int first, int size) {
    var q = em.createNativeQuery("SELECT e.ID, a.CODE, e.INVOICE_NUMBER, e.INVOICE_DATE, e.SUPPLIER_NAME, e.DESCRIPTION, e.ELIGIBLE_AMOUNT, e.PAID_ON,"
        + " e.STATUS, e.RETAINED_AMOUNT, e.VERDICT_REASON FROM EXPENSE e JOIN PLAN_ACTION a ON a.ID = e.ACTION_ID WHERE e.STATEMENT_ID = ?"
        + " ORDER BY e.STATEMENT_ID, e.ACTION_ID, e.PAID_ON, e.ID OFFSET ? ROWS FETCH NEXT ? ROWS ONLY");
    q.setParameter(1, reportId).setParameter(2, Math.max(0, first)).setParameter(3, Math.max(1, size));
    List<StatementLine> lines = new ArrayList<>();
    for (Object[] r : (List<Object[]>) q.getResultList()) {
      lines.add(new StatementLine(((Number) r[0]).longValue(), (String) r[1], (String) r[2], day(r[3]), (String) r[4], (String) r[5], money(r[6]), day(r[7]),
          fr.jalon.expense.ExpenseStatus.valueOf((String) r[8]), r[9] == null ? null : money(r[9]), (String) r[10]));
    }
    return lines;
  }

  /** Every expense statement {@code reportId} declares, for a verdict on all its lines at once. */
  @SuppressWarnings("unchecked")
  public List<Long> statementExpenseIds(long reportId) {
    return ((List<Number>) em.createNativeQuery("SELECT ID FROM EXPENSE WHERE STATEMENT_ID = ? ORDER BY ID").setParameter(1, reportId).getResultList())
        .stream().map(Number::longValue).toList();
  }

  /**
   * Totals per category, per action and overall against the approved budget version
   * {@code budgetVersionId} (null: no budget), with what the earlier statements declared: those
   * submitted or accepted, of a statement type, whose period ends before this one starts.
   */
  @SuppressWarnings("unchecked")
  public List<ErdTotal> totals(Report report, Long budgetVersionId) {
    long id = report.id();
    String earlierReports = "SELECT r.ID FROM REPORT r WHERE r.GRANT_ID = ? AND r.REPORT_TYPE IN ('ERD', 'FINAL_ERD') AND r.STATUS IN ('SUBMITTED', 'ACCEPTED')"
        + " AND r.PERIOD_TO < ? AND r.ID <> ?";
    List<ErdTotal> result = new ArrayList<>();
    for (String[] section : new String[][] {{"CATEGORY", "CATEGORY_CODE", "COST_CATEGORY", "LABEL", "CATEGORY_ID"}, {"ACTION", "ACTION_CODE", "PLAN_ACTION", "TITLE", "ACTION_ID"}}) {
      Map<String, BigDecimal[]> sums = new LinkedHashMap<>();
      Map<String, String> labels = new LinkedHashMap<>();
      // Every code with a budget, in the plan's order, then codes spent without one.
      if (budgetVersionId != null) {
        String order = section[0].equals("CATEGORY") ? "t.SORT_ORDER, t.CODE" : "t.CODE";
        for (Object[] r : (List<Object[]>) em.createNativeQuery("SELECT t.CODE, t." + section[3] + ", SUM(b.AMOUNT) FROM BUDGET_LINE b JOIN " + section[2] + " t ON t.ID = b." + section[4]
                + " WHERE b.BUDGET_VERSION_ID = ? GROUP BY t.CODE, t." + section[3] + (section[0].equals("CATEGORY") ? ", t.SORT_ORDER" : "") + " ORDER BY " + order)
            .setParameter(1, budgetVersionId).getResultList()) {
          labels.put((String) r[0], (String) r[1]);
          sums.put((String) r[0], new BigDecimal[] {money(r[2]), zero(), zero()});
        }
      }
      for (Object[] r : (List<Object[]>) em.createNativeQuery("SELECT l." + section[1] + ", SUM(l.ELIGIBLE_AMOUNT) FROM REPORT_LINE l WHERE l.REPORT_ID = ? GROUP BY l." + section[1])
          .setParameter(1, id).getResultList()) {
        sums.computeIfAbsent((String) r[0], k -> new BigDecimal[] {null, zero(), zero()})[1] = money(r[1]);
      }
      for (Object[] r : (List<Object[]>) em.createNativeQuery("SELECT l." + section[1] + ", SUM(l.ELIGIBLE_AMOUNT) FROM REPORT_LINE l WHERE l.REPORT_ID IN (" + earlierReports + ")"
              + " GROUP BY l." + section[1])
          .setParameter(1, report.grant().id()).setParameter(2, Date.valueOf(report.periodFrom())).setParameter(3, id).getResultList()) {
        sums.computeIfAbsent((String) r[0], k -> new BigDecimal[] {null, zero(), zero()})[2] = money(r[1]);
      }
      for (String code : sums.keySet()) {
        if (!labels.containsKey(code)) {
          labels.put(code, label(section[2], section[3], report.grant().id(), code));
        }
      }
      sums.forEach((code, s) -> result.add(new ErdTotal(section[0], code, labels.get(code), s[0], s[1], s[2], s[1].add(s[2]))));
    }
    BigDecimal budget = result.stream().filter(t -> t.section().equals("CATEGORY") && t.budget() != null).map(ErdTotal::budget).reduce(zero(), BigDecimal::add);
    BigDecimal self = result.stream().filter(t -> t.section().equals("CATEGORY")).map(ErdTotal::thisStatement).reduce(zero(), BigDecimal::add);
    BigDecimal earlier = result.stream().filter(t -> t.section().equals("CATEGORY")).map(ErdTotal::earlier).reduce(zero(), BigDecimal::add);
    result.add(new ErdTotal("ALL", "", "", budgetVersionId == null ? null : budget, self, earlier, self.add(earlier)));
    return result;
  }

  private String label(String table, String column, long grantId, String code) {
    List<?> found = em.createNativeQuery("SELECT " + column + " FROM " + table + " WHERE GRANT_ID = ? AND CODE = ?").setParameter(1, grantId).setParameter(2, code).getResultList();
    return found.isEmpty() ? code : (String) found.get(0);
  }

  /**
   * The SHA-256 of the frozen lines (id, codes and amounts, in id order), streamed: what a later
   * re-verification recomputes to tell whether the data under a signed report changed.
   */
  @SuppressWarnings("unchecked")
  public String dataSha256(long reportId) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      long after = 0;
      while (true) {
        List<Object[]> rows = em.createNativeQuery("SELECT EXPENSE_ID, ACTION_CODE, CATEGORY_CODE, AMOUNT_EXCL, AMOUNT_INCL, ELIGIBLE_AMOUNT FROM REPORT_LINE"
                + " WHERE REPORT_ID = ? AND EXPENSE_ID > ? ORDER BY EXPENSE_ID")
            .setParameter(1, reportId).setParameter(2, after).setMaxResults(PAGE).getResultList();
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        for (Object[] r : rows) {
          String line = r[0] + ";" + r[1] + ";" + r[2] + ";" + money(r[3]).toPlainString() + ";" + money(r[4]).toPlainString() + ";" + money(r[5]).toPlainString() + "\n";
          buffer.writeBytes(line.getBytes(StandardCharsets.UTF_8));
          after = ((Number) r[0]).longValue();
        }
        sha.update(buffer.toByteArray());
        if (rows.size() < PAGE) {
          return HexFormat.of().formatHex(sha.digest());
        }
      }
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static BigDecimal zero() {
    return BigDecimal.ZERO.setScale(2);
  }

  static BigDecimal money(Object o) {
    return o == null ? zero() : new BigDecimal(o.toString()).setScale(2, RoundingMode.HALF_UP);
  }

  private static LocalDate day(Object o) {
    if (o == null) {
      return null;
    }
    if (o instanceof LocalDate d) {
      return d;
    }
    return ((java.sql.Date) o).toLocalDate();
  }
}
