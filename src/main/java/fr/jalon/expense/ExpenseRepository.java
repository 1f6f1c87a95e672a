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
    Map<String, Object> params = new LinkedHashMap<>();
    StringBuilder where = where(grantId, filter, params);
    if (after != null && !after.isBlank()) {
      int cut = after.lastIndexOf('~');
      if (cut < 0) {
        throw new fr.jalon.platform.RuleViolation("after", "expense.cursor.invalid");
      }
      try {
        params.put("afterValue", s.parse(after.substring(0, cut)));
        params.put("afterId", Long.parseLong(after.substring(cut + 1)));
      } catch (RuntimeException e) {
        throw new fr.jalon.platform.RuleViolation("after", "expense.cursor.invalid");
      }
      String cmp = s.ascending ? ">" : "<";
      where.append(" AND (").append(s.column).append(' ').append(cmp).append(" :afterValue OR (").append(s.column).append(" = :afterValue AND e.id ")
          .append(cmp).append(" :afterId))");
    }
    String dir = s.ascending ? " ASC" : " DESC";
    // First the page's ids from the expense table alone (an index in the list's order, see V11__expense_list_order.sql),
    // then their rows with the joined labels.
    TypedQuery<Long> ids = em.createQuery("SELECT e.id FROM Expense e" + where + " ORDER BY " + s.column + dir + ", e.id" + dir, Long.class);
    params.forEach(ids::setParameter);
    List<Long> page = ids.setMaxResults(size + 1).getResultList();
    List<ExpenseRow> rows = new ArrayList<>();
    if (!page.isEmpty()) {
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

  /** Every row of the filtered set, in the list's order: for the exports. */
  public java.util.stream.Stream<ExpenseRow> stream(long grantId, ExpenseFilter filter) {
    Map<String, Object> params = new LinkedHashMap<>();
    StringBuilder where = where(grantId, filter, params);
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
    StringBuilder where = where(grantId, filter, params);
    var q = em.createQuery("SELECT COUNT(e), SUM(e.amountExcl), SUM(e.amountIncl), SUM(e.eligibleAmount) FROM Expense e" + where, Object[].class);
    params.forEach(q::setParameter);
    Object[] r = q.getSingleResult();
    return new ExpenseTotals(((Number) r[0]).longValue(), money(r[1]), money(r[2]), money(r[3]));
  }

  private StringBuilder where(long grantId, ExpenseFilter f, Map<String, Object> params) {
    StringBuilder w = new StringBuilder(" WHERE e.grant.id = :grant");
    params.put("grant", grantId);
    // Staged or undone imports are few: naming them keeps the query on one table, so Derby walks an
    // index in the list's order and stops at the page instead of sorting every expense.
    List<Long> hidden = em.createQuery("SELECT i.id FROM AccountingImport i WHERE i.status <> fr.jalon.accounting.ImportStatus.CONFIRMED", Long.class).getResultList();
    if (!hidden.isEmpty()) {
      w.append(" AND (e.importId IS NULL OR e.importId NOT IN :hidden)");
      params.put("hidden", hidden);
    }
    ExpenseFilter filter = f == null ? ExpenseFilter.none() : f;
    if (filter.actionId() != null) {
      w.append(" AND e.action.id = :action");
      params.put("action", filter.actionId());
    }
    if (filter.categoryId() != null) {
      w.append(" AND e.category.id = :category");
      params.put("category", filter.categoryId());
    }
    if (filter.sourceId() != null) {
      w.append(" AND e.source.id = :source");
      params.put("source", filter.sourceId());
    }
    if (filter.status() != null) {
      w.append(" AND e.status = :status");
      params.put("status", filter.status());
    }
    if (filter.paid()) {
      w.append(" AND e.status IN :paidOnes");
      params.put("paidOnes", ExpenseStatus.paidOnes());
    }
    if (filter.year() != null) {
      w.append(" AND e.year = :year");
      params.put("year", filter.year());
    }
    if (filter.supplier() != null && !filter.supplier().isBlank()) {
      w.append(" AND LOWER(e.supplierName) LIKE :supplier ESCAPE '\\'");
      params.put("supplier", like(filter.supplier()));
    }
    if (filter.minAmount() != null) {
      w.append(" AND e.amountIncl >= :min");
      params.put("min", filter.minAmount());
    }
    if (filter.maxAmount() != null) {
      w.append(" AND e.amountIncl <= :max");
      params.put("max", filter.maxAmount());
    }
    if (filter.text() != null && !filter.text().isBlank()) {
      w.append(" AND (LOWER(e.description) LIKE :text ESCAPE '\\' OR LOWER(e.invoiceNumber) LIKE :text ESCAPE '\\' OR LOWER(e.procurementReference) LIKE :text ESCAPE '\\')");
      params.put("text", like(filter.text()));
    }
    return w;
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

  /** Whether a visible line already carries this source key (an import's double check). */
  public boolean sourceKeyTaken(long grantId, String sourceKey) {
    return !em.createQuery("SELECT e.id FROM Expense e WHERE e.grant.id = :grant AND e.sourceKey = :key AND e.status <> fr.jalon.expense.ExpenseStatus.CANCELLED AND " + VISIBLE, Long.class)
        .setParameter("grant", grantId)
        .setParameter("key", sourceKey)
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
