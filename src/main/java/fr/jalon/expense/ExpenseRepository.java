package fr.jalon.expense;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads on expenses, as projections, in the database: the list by keyset (never by offset), the
 * filtered count and totals, the sums other capabilities ask for. Lines of an import not yet
 * confirmed are invisible everywhere.
 */
@ApplicationScoped
public class ExpenseRepository {
  /** A line is visible when typed, or when its import has been confirmed. */
  /** {@link #VISIBLE} in SQL, for the expense aliased {@code e}. */
  static final String VISIBLE_SQL = "(e.IMPORT_ID IS NULL OR e.IMPORT_ID IN (SELECT i.ID FROM ACCOUNTING_IMPORT i WHERE i.STATUS = 'CONFIRMED'))";
  static final String VISIBLE = "(e.importId IS NULL OR e.importId IN (SELECT i.id FROM AccountingImport i WHERE i.status = fr.jalon.accounting.ImportStatus.CONFIRMED))";

  private static final String ROW = "SELECT NEW fr.jalon.expense.ExpenseRow(e.id, e.sortDate, e.action.code, e.category.code, e.source.funder.name, e.supplierName,"
      + " e.description, e.invoiceNumber, e.invoiceDate, e.amountExcl, e.amountVat, e.amountIncl, e.eligibleAmount, e.status, e.paidOn, e.paymentEstimated,"
      + " e.provenance, e.receiptCount, c.id) FROM Expense e LEFT JOIN e.corrects c";

  @PersistenceContext EntityManager em;
  @jakarta.inject.Inject fr.jalon.execution.ExecutionTotals maintained;

  protected ExpenseRepository() {}

  /** Outside the container (persistence tests, the bench). */
  public ExpenseRepository(EntityManager em) {
    this.em = em;
    this.maintained = new fr.jalon.execution.ExecutionTotals(em);
  }

  /** The sort orders the list offers; each is backed by an index ending with the id. */
  public enum Sort {
    DATE_DESC("e.sortDate", false),
    DATE_ASC("e.sortDate", true),
    AMOUNT_DESC("e.amountIncl", false),
    AMOUNT_ASC("e.amountIncl", true);

    final String column;
    final boolean ascending;

    Sort(String column, boolean ascending) {
      this.column = column;
      this.ascending = ascending;
    }

    Object valueOf(ExpenseRow row) {
      return column.equals("e.sortDate") ? row.date() : row.amountIncl();
    }

    Object parse(String text) {
      return column.equals("e.sortDate") ? LocalDate.parse(text) : new BigDecimal(text);
    }
  }

  /** One page after the cursor {@code after} (null: the first page). */
  public ExpensePage page(long grantId, ExpenseFilter filter, Sort sort, String after, int size) {
    Sort s = sort == null ? Sort.DATE_DESC : sort;
    List<Condition> conditions = conditions(grantId, filter);
    if (after != null && !after.isBlank()) {
      conditions.add(cursor(s, after));
    }
    List<Long> page = s == Sort.DATE_DESC ? newestIds(conditions, filter, size + 1) : ids(conditions, s, size + 1);
    List<ExpenseRow> rows = new ArrayList<>();
    if (!page.isEmpty()) {
      // Then the page's rows with their joined labels.
      Map<Long, ExpenseRow> byId = new java.util.HashMap<>();
      em.createQuery(ROW + " WHERE e.id IN :ids", ExpenseRow.class).setParameter("ids", page).getResultList().forEach(r -> byId.put(r.id(), r));
      page.forEach(id -> rows.add(byId.get(id)));
    }
    String next = null;
    if (rows.size() > size) {
      rows.remove(size);
      ExpenseRow last = rows.get(size - 1);
      next = cursorOf(s, last);
    }
    return new ExpensePage(rows, next);
  }

  /**
   * The page's ids in the default order, newest first, read from one index that carries every
   * column the fast filters test (V16__expense_list_covering.sql), named to Derby because it cannot
   * know which filter narrows most: it takes every value of a column as common as any other, while
   * most expenses of a grant are paid or further along and few are still on their way. So a status
   * still on its way is walked first, then the action (dozens per grant), the category, the funding
   * source; a year is a date range on whichever index is walked.
   */
  private List<Long> newestIds(List<Condition> conditions, ExpenseFilter filter, int limit) {
    StringBuilder sql = new StringBuilder("SELECT ID FROM EXPENSE --DERBY-PROPERTIES index=").append(indexFor(filter)).append("\n WHERE ");
    List<Object> values = new ArrayList<>();
    for (int i = 0; i < conditions.size(); i++) {
      sql.append(i == 0 ? "" : " AND ").append(conditions.get(i).sql(values));
    }
    sql.append(" ORDER BY SORT_DATE DESC, ID DESC");
    var q = em.createNativeQuery(sql.toString());
    for (int i = 0; i < values.size(); i++) {
      q.setParameter(i + 1, values.get(i));
    }
    List<?> ids = q.setMaxResults(limit).getResultList();
    return ids.stream().map(id -> ((Number) id).longValue()).toList();
  }

  static String indexFor(ExpenseFilter filter) {
    ExpenseFilter f = filter == null ? ExpenseFilter.none() : filter;
    if (f.status() != null && !ExpenseStatus.paidOnes().contains(f.status())) return "EXPENSE_BY_STATUS";
    if (f.actionId() != null) return "EXPENSE_BY_ACTION";
    if (f.categoryId() != null) return "EXPENSE_BY_CATEGORY";
    if (f.sourceId() != null) return "EXPENSE_BY_SOURCE";
    if (f.status() != null) return "EXPENSE_BY_STATUS";
    return "EXPENSE_BY_DATE_DESC";
  }

  /** The page's ids in the other orders. */
  private List<Long> ids(List<Condition> conditions, Sort s, int limit) {
    Map<String, Object> params = new LinkedHashMap<>();
    String dir = s.ascending ? " ASC" : " DESC";
    TypedQuery<Long> ids = em.createQuery("SELECT e.id FROM Expense e" + jpql(conditions, params) + " ORDER BY " + s.column + dir + ", e.id" + dir, Long.class);
    params.forEach(ids::setParameter);
    return ids.setMaxResults(limit).getResultList();
  }

  /**
   * After the cursor's line in the list's order, spelled so the walked index starts right there:
   * {@code date <= d AND (date < d OR id < i)} rather than the equivalent
   * {@code date < d OR (date = d AND id < i)}, which Derby can only test row by row.
   */
  private static Condition cursor(Sort s, String after) {
    int cut = after.lastIndexOf('~');
    if (cut < 0) {
      throw new fr.jalon.platform.RuleViolation("after", "expense.cursor.invalid");
    }
    Object value;
    long id;
    try {
      value = s.parse(after.substring(0, cut));
      id = Long.parseLong(after.substring(cut + 1));
    } catch (RuntimeException e) {
      throw new fr.jalon.platform.RuleViolation("after", "expense.cursor.invalid");
    }
    String strict = s.ascending ? ">" : "<";
    String column = s.column.equals("e.sortDate") ? "SORT_DATE" : "AMOUNT_INCL";
    return new Condition(s.column + " " + strict + "= {} AND (" + s.column + " " + strict + " {} OR e.id " + strict + " {})",
        column + " " + strict + "= {} AND (" + column + " " + strict + " {} OR ID " + strict + " {})", value, value, id);
  }

  /** Every row of the filtered set, in the list's order: for the exports. */
  public java.util.stream.Stream<ExpenseRow> stream(long grantId, ExpenseFilter filter) {
    Map<String, Object> params = new LinkedHashMap<>();
    String where = jpql(conditions(grantId, filter), params);
    TypedQuery<ExpenseRow> q = em.createQuery(ROW + where + " ORDER BY e.sortDate DESC, e.id DESC", ExpenseRow.class);
    params.forEach(q::setParameter);
    return q.getResultStream();
  }

  static String cursorOf(Sort s, ExpenseRow row) {
    Object v = s.valueOf(row);
    return (v instanceof BigDecimal b ? b.toPlainString() : v.toString()) + "~" + row.id();
  }

  /**
   * Count and totals of the filtered set: from the maintained totals when only fast filters are set
   * (cost grows with the number of groups, not of expenses), else summed over the expenses.
   */
  public ExpenseTotals totals(long grantId, ExpenseFilter filter) {
    ExpenseFilter f = filter == null ? ExpenseFilter.none() : filter;
    if (f.onlyFast()) {
      List<String> statuses = f.status() != null ? List.of(f.status().name()) : null;
      if (f.paid()) {
        statuses = ExpenseStatus.paidOnes().stream().map(Enum::name).filter(n -> f.status() == null || n.equals(f.status().name())).toList();
      }
      var s = maintained.sums(grantId, f.actionId(), f.categoryId(), f.sourceId(), statuses, f.year());
      return new ExpenseTotals(s.count(), s.amountExcl(), s.amountIncl(), s.eligible());
    }
    return scanned(grantId, f);
  }

  /** The same count and totals summed over the expenses themselves, whatever the filters. */
  public ExpenseTotals scanned(long grantId, ExpenseFilter filter) {
    Map<String, Object> params = new LinkedHashMap<>();
    String where = jpql(conditions(grantId, filter), params);
    var q = em.createQuery("SELECT COUNT(e), SUM(e.amountExcl), SUM(e.amountIncl), SUM(e.eligibleAmount) FROM Expense e" + where, Object[].class);
    params.forEach(q::setParameter);
    Object[] r = q.getSingleResult();
    return new ExpenseTotals(((Number) r[0]).longValue(), money(r[1]), money(r[2]), money(r[3]));
  }

  /**
   * One condition of the list's filter, in JPQL (totals, exports, other orders) and in SQL (the
   * newest-first page), each {@code {}} standing for the next value. A collection value is written
   * into the SQL as a list of literals: it only ever holds ids or status names.
   */
  record Condition(String jpql, String sql, List<Object> values) {
    Condition(String jpql, String sql, Object... values) {
      this(jpql, sql, java.util.Arrays.asList(values));
    }

    String jpql(Map<String, Object> params) {
      StringBuilder out = new StringBuilder();
      String[] parts = jpql.split("\\{}", -1);
      for (int i = 0; i < parts.length; i++) {
        out.append(parts[i]);
        if (i < values.size()) {
          String name = "p" + params.size();
          params.put(name, values.get(i));
          out.append(':').append(name);
        }
      }
      return out.toString();
    }

    String sql(List<Object> bound) {
      StringBuilder out = new StringBuilder();
      String[] parts = sql.split("\\{}", -1);
      for (int i = 0; i < parts.length; i++) {
        out.append(parts[i]);
        if (i < values.size()) {
          Object v = values.get(i);
          if (v instanceof java.util.Collection<?> many) {
            out.append('(').append(String.join(", ", many.stream().map(Condition::literal).toList())).append(')');
          } else {
            bound.add(v instanceof LocalDate d ? java.sql.Date.valueOf(d) : v instanceof Enum<?> e ? e.name() : v);
            out.append('?');
          }
        }
      }
      return out.toString();
    }

    private static String literal(Object v) {
      if (v instanceof Long id) return id.toString();
      if (v instanceof Enum<?> e) return "'" + e.name() + "'";
      throw new IllegalArgumentException("valeur de liste inattendue : " + v);
    }
  }

  private static String jpql(List<Condition> conditions, Map<String, Object> params) {
    StringBuilder w = new StringBuilder(" WHERE ");
    for (int i = 0; i < conditions.size(); i++) {
      w.append(i == 0 ? "" : " AND ").append(conditions.get(i).jpql(params));
    }
    return w.toString();
  }

  private List<Condition> conditions(long grantId, ExpenseFilter f) {
    List<Condition> c = new ArrayList<>();
    c.add(new Condition("e.grant.id = {}", "GRANT_ID = {}", grantId));
    // Staged or undone imports are few: naming them keeps the query on one table, so Derby walks an
    // index in the list's order and stops at the page instead of sorting every expense.
    List<Long> hidden = em.createQuery("SELECT i.id FROM AccountingImport i WHERE i.status <> fr.jalon.accounting.ImportStatus.CONFIRMED", Long.class).getResultList();
    if (!hidden.isEmpty()) {
      c.add(new Condition("(e.importId IS NULL OR e.importId NOT IN {})", "(IMPORT_ID IS NULL OR IMPORT_ID NOT IN {})", hidden));
    }
    ExpenseFilter filter = f == null ? ExpenseFilter.none() : f;
    if (filter.actionId() != null) {
      c.add(new Condition("e.action.id = {}", "ACTION_ID = {}", filter.actionId()));
    }
    if (filter.categoryId() != null) {
      c.add(new Condition("e.category.id = {}", "CATEGORY_ID = {}", filter.categoryId()));
    }
    if (filter.sourceId() != null) {
      c.add(new Condition("e.source.id = {}", "COFUNDING_ID = {}", filter.sourceId()));
    }
    if (filter.status() != null) {
      c.add(new Condition("e.status = {}", "STATUS = {}", filter.status()));
    }
    if (filter.paid()) {
      c.add(new Condition("e.status IN {}", "STATUS IN {}", ExpenseStatus.paidOnes()));
    }
    if (filter.year() != null) {
      // The year is the sort date's year (Expense): as a date range it bounds the walk of any index.
      LocalDate first = LocalDate.of(filter.year(), 1, 1);
      c.add(new Condition("e.sortDate >= {} AND e.sortDate < {}", "SORT_DATE >= {} AND SORT_DATE < {}", first, first.plusYears(1)));
    }
    if (filter.supplier() != null && !filter.supplier().isBlank()) {
      c.add(new Condition("LOWER(e.supplierName) LIKE {} ESCAPE '\\'", "LOWER(SUPPLIER_NAME) LIKE {} ESCAPE '\\'", like(filter.supplier())));
    }
    if (filter.minAmount() != null) {
      c.add(new Condition("e.amountIncl >= {}", "AMOUNT_INCL >= {}", filter.minAmount()));
    }
    if (filter.maxAmount() != null) {
      c.add(new Condition("e.amountIncl <= {}", "AMOUNT_INCL <= {}", filter.maxAmount()));
    }
    if (filter.text() != null && !filter.text().isBlank()) {
      String t = like(filter.text());
      c.add(new Condition("(LOWER(e.description) LIKE {} ESCAPE '\\' OR LOWER(e.invoiceNumber) LIKE {} ESCAPE '\\' OR LOWER(e.procurementReference) LIKE {} ESCAPE '\\')",
          "(LOWER(DESCRIPTION) LIKE {} ESCAPE '\\' OR LOWER(INVOICE_NUMBER) LIKE {} ESCAPE '\\' OR LOWER(PROCUREMENT_REF) LIKE {} ESCAPE '\\')", t, t, t));
    }
    return c;
  }

  private static String like(String typed) {
    return "%" + typed.trim().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }

  /** Rule 10's numerator: the eligible amount of the paid expenses, from the maintained totals. */
  public BigDecimal paidEligible(long grantId) {
    return maintained.paidEligible(grantId);
  }

  /** Rule 7: other lines of the same invoice (supplier + number + date), cancelled ones aside. */
  public List<Expense> sameInvoice(long grantId, String supplierName, String invoiceNumber, LocalDate invoiceDate, Long exceptId) {
    if (invoiceNumber == null || invoiceDate == null) {
      return List.of();
    }
    return em.createQuery("SELECT e FROM Expense e WHERE e.grant.id = :grant AND e.invoiceNumber = :number AND e.invoiceDate = :date"
            + " AND LOWER(e.supplierName) = :supplier AND e.status <> fr.jalon.expense.ExpenseStatus.CANCELLED AND e.corrects IS NULL AND " + VISIBLE, Expense.class)
        .setParameter("grant", grantId)
        .setParameter("number", invoiceNumber.trim())
        .setParameter("date", invoiceDate)
        .setParameter("supplier", supplierName.trim().toLowerCase(Locale.ROOT))
        .getResultStream()
        .filter(e -> !e.id().equals(exceptId))
        .toList();
  }

  /**
   * Whether a visible line already carries this source key (an import's double check, once per
   * line read: at a million expenses it must be an index probe, so Derby is told the index rather
   * than left to weigh it against the grant's own indexes).
   */
  public boolean sourceKeyTaken(long grantId, String sourceKey) {
    return !em.createNativeQuery("SELECT e.ID FROM EXPENSE e --DERBY-PROPERTIES index=EXPENSE_SOURCE_KEY\n"
            + "WHERE e.SOURCE_KEY = ? AND e.GRANT_ID = ? AND e.STATUS <> 'CANCELLED' AND " + VISIBLE_SQL)
        .setParameter(1, sourceKey)
        .setParameter(2, grantId)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  /**
   * Whether a visible, not cancelled line of the same invoice (supplier + number + date) is already
   * recorded: {@link #sameInvoice}'s question as an import asks it once per line, on the invoice index.
   */
  public boolean invoiceTaken(long grantId, String supplierName, String invoiceNumber, LocalDate invoiceDate) {
    if (invoiceNumber == null || invoiceDate == null) {
      return false;
    }
    return !em.createNativeQuery("SELECT e.ID FROM EXPENSE e --DERBY-PROPERTIES index=EXPENSE_INVOICE\n"
            + "WHERE e.INVOICE_NUMBER = ? AND e.INVOICE_DATE = ? AND e.GRANT_ID = ? AND LOWER(e.SUPPLIER_NAME) = ? AND e.STATUS <> 'CANCELLED'"
            + " AND e.CORRECTS_ID IS NULL AND " + VISIBLE_SQL)
        .setParameter(1, invoiceNumber.trim())
        .setParameter(2, java.sql.Date.valueOf(invoiceDate))
        .setParameter(3, grantId)
        .setParameter(4, supplierName.trim().toLowerCase(Locale.ROOT))
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  public List<ExpenseReceipt> receipts(long expenseId) {
    return em.createQuery("SELECT r FROM ExpenseReceipt r WHERE r.expense.id = :id ORDER BY r.id", ExpenseReceipt.class).setParameter("id", expenseId).getResultList();
  }

  private static BigDecimal zero() {
    return BigDecimal.ZERO.setScale(2);
  }

  private static BigDecimal money(Object o) {
    return o == null ? zero() : ((BigDecimal) o).setScale(2, java.math.RoundingMode.UNNECESSARY);
  }
}
