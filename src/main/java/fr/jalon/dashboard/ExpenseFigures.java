package fr.jalon.dashboard;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The budget-vs-actual cells the dashboard adds up: per year × category × action, planned (the
 * approved budget in force), committed and paid eligible amounts. The dashboard reads these cells
 * only through this class.
 */
@ApplicationScoped
public class ExpenseFigures {
  /** A line is visible when typed, or when its import has been confirmed (as in the expense list). */
  private static final String VISIBLE =
      "(e.importId IS NULL OR e.importId IN (SELECT i.id FROM AccountingImport i WHERE i.status = fr.jalon.accounting.ImportStatus.CONFIRMED))";

  @PersistenceContext EntityManager em;

  protected ExpenseFigures() {}

  /** Outside the container (persistence tests). */
  public ExpenseFigures(EntityManager em) {
    this.em = em;
  }

  /** One cell: the year, the category and the action, with planned, committed and paid. */
  public record Cell(int year, long categoryId, long actionId, BigDecimal planned, BigDecimal committed, BigDecimal paid) {}

  /** Every non-empty cell of the grant; {@code budgetVersionId} null when no budget is approved. */
  public List<Cell> cells(long grantId, Long budgetVersionId) {
    Map<List<Long>, BigDecimal[]> sums = new LinkedHashMap<>();
    if (budgetVersionId != null) {
      for (Object[] r : em.createQuery("SELECT l.year, l.category.id, l.action.id, SUM(l.amount) FROM BudgetLine l WHERE l.budgetVersion.id = :v"
              + " GROUP BY l.year, l.category.id, l.action.id", Object[].class)
          .setParameter("v", budgetVersionId)
          .getResultList()) {
        add(sums, r, 0, r[3]);
      }
    }
    for (Object[] r : em.createQuery("SELECT e.year, e.category.id, e.action.id, e.status, SUM(e.eligibleAmount) FROM Expense e WHERE e.grant.id = :g AND "
            + VISIBLE + " GROUP BY e.year, e.category.id, e.action.id, e.status", Object[].class)
        .setParameter("g", grantId)
        .getResultList()) {
      fr.jalon.expense.ExpenseStatus status = (fr.jalon.expense.ExpenseStatus) r[3];
      if (status.committed()) {
        add(sums, r, 1, r[4]);
      }
      if (status == fr.jalon.expense.ExpenseStatus.PAID) {
        add(sums, r, 2, r[4]);
      }
    }
    return sums.entrySet().stream()
        .map(e -> new Cell(e.getKey().get(0).intValue(), e.getKey().get(1), e.getKey().get(2), e.getValue()[0], e.getValue()[1], e.getValue()[2]))
        .toList();
  }

  private static void add(Map<List<Long>, BigDecimal[]> sums, Object[] r, int bucket, Object amount) {
    List<Long> key = List.of(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), ((Number) r[2]).longValue());
    BigDecimal[] s = sums.computeIfAbsent(key, k -> new BigDecimal[] {zero(), zero(), zero()});
    s[bucket] = s[bucket].add(amount == null ? zero() : ((BigDecimal) amount).setScale(2, RoundingMode.UNNECESSARY));
  }

  private static BigDecimal zero() {
    return BigDecimal.ZERO.setScale(2);
  }
}
