package fr.jalon.execution;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The maintained totals of the visible expenses (table EXECUTION_TOTAL), changed inside the caller's
 * transaction by whoever moves an expense's money or status:
 *
 * <ul>
 *   <li>{@link #apply(SpendLine, SpendLine)} — one expense created (before null), changed, or hidden
 *       (after null); a verdict or a declaration is a change like any other;
 *   <li>{@link #applyAll(Collection, Collection)} — a bulk step: the lines before and after, summed
 *       per row of the table first;
 *   <li>{@link #importShown(long)} / {@link #importHidden(long)} — an import confirmed or undone: one
 *       grouped query over its lines, then one update per group;
 *   <li>{@link #rebuild(long)} — recompute from the expenses (after data was written around the
 *       services: demo, bench).
 * </ul>
 *
 * <p>Each group is moved by {@code UPDATE … SET x = x + ?}, with an insert at zero first when the row
 * is missing (under a short table lock, before any row is touched, so two transactions never both
 * create it); rows are touched in key order so that two transactions never wait on each other in a
 * circle. Under concurrent transactions each update waits for the other's row lock and adds to the
 * committed value, so no change is lost.
 */
@ApplicationScoped
public class ExecutionTotals {
  static final String PAID_IN = "('PAID', 'DECLARED', 'ACCEPTED', 'REJECTED', 'PARTLY_ACCEPTED')";
  static final String BUDGET_YEAR = "CASE WHEN e.STATUS IN " + PAID_IN + " AND e.PAID_ON IS NOT NULL THEN YEAR(e.PAID_ON) ELSE e.EXPENSE_YEAR END";
  private static final String KEY_COLUMNS = "GRANT_ID, ACTION_ID, CATEGORY_ID, COFUNDING_ID, STATUS, EXPENSE_YEAR, BUDGET_YEAR";
  private static final String KEY_MATCH = "GRANT_ID = ? AND ACTION_ID = ? AND CATEGORY_ID = ? AND COFUNDING_ID = ? AND STATUS = ? AND EXPENSE_YEAR = ? AND BUDGET_YEAR = ?";
  private static final String UPDATE = "UPDATE EXECUTION_TOTAL SET LINE_COUNT = LINE_COUNT + ?, AMOUNT_EXCL = AMOUNT_EXCL + ?, AMOUNT_VAT = AMOUNT_VAT + ?,"
      + " AMOUNT_INCL = AMOUNT_INCL + ?, ELIGIBLE_AMOUNT = ELIGIBLE_AMOUNT + ?, RETAINED_AMOUNT = RETAINED_AMOUNT + ? WHERE " + KEY_MATCH;
  private static final String INSERT_MISSING = "INSERT INTO EXECUTION_TOTAL (" + KEY_COLUMNS + ")"
      + " SELECT CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS VARCHAR(16)), CAST(? AS INTEGER), CAST(? AS INTEGER)"
      + " FROM (VALUES (1)) AS ONE (X) WHERE NOT EXISTS (SELECT 1 FROM EXECUTION_TOTAL WHERE " + KEY_MATCH + ")";
  private static final String GROUPED = "SELECT GRANT_ID, ACTION_ID, CATEGORY_ID, COFUNDING_ID, STATUS, EXPENSE_YEAR, BYR, COUNT(*), SUM(AMOUNT_EXCL), SUM(AMOUNT_VAT),"
      + " SUM(AMOUNT_INCL), SUM(ELIGIBLE_AMOUNT), SUM(RETAINED) FROM (SELECT e.GRANT_ID, e.ACTION_ID, e.CATEGORY_ID, e.COFUNDING_ID, e.STATUS, e.EXPENSE_YEAR, " + BUDGET_YEAR + " AS BYR,"
      + " e.AMOUNT_EXCL, e.AMOUNT_VAT, e.AMOUNT_INCL, e.ELIGIBLE_AMOUNT, COALESCE(e.RETAINED_AMOUNT, 0) AS RETAINED FROM EXPENSE e WHERE %s) x GROUP BY GRANT_ID, ACTION_ID, CATEGORY_ID, COFUNDING_ID, STATUS, EXPENSE_YEAR, BYR";
  static final String VISIBLE = "(e.IMPORT_ID IS NULL OR e.IMPORT_ID IN (SELECT i.ID FROM ACCOUNTING_IMPORT i WHERE i.STATUS = 'CONFIRMED'))";

  @PersistenceContext EntityManager em;

  protected ExecutionTotals() {}

  /** Outside the container (persistence tests, the bench). */
  public ExecutionTotals(EntityManager em) {
    this.em = em;
  }

  /** What one expense moved: {@code before} null for a new line, {@code after} null for a line hidden. */
  public void apply(SpendLine before, SpendLine after) {
    applyAll(before == null ? List.of() : List.of(before), after == null ? List.of() : List.of(after));
  }

  /** What a set of expenses moved, summed per row of the table before anything is written. */
  public void applyAll(Collection<SpendLine> before, Collection<SpendLine> after) {
    Map<SpendLine.Key, Delta> deltas = new TreeMap<>();
    before.forEach(l -> deltas.computeIfAbsent(l.key(), k -> new Delta()).add(l, -1));
    after.forEach(l -> deltas.computeIfAbsent(l.key(), k -> new Delta()).add(l, 1));
    moveAll(deltas);
  }

  /** An import just confirmed: its lines join the totals (one grouped read of its lines). */
  public void importShown(long importId) {
    moveAll(grouped("e.IMPORT_ID = " + importId, 1));
  }

  /** An import just undone: its lines, as they are now, leave the totals. */
  public void importHidden(long importId) {
    moveAll(grouped("e.IMPORT_ID = " + importId, -1));
  }

  /**
   * The lines of expense statement {@code statementId} before a bulk change of their status
   * (declared, verdicts, sent back): they leave the totals; {@link #statementShown} puts them back
   * as they are after the change, in the same transaction.
   */
  public void statementHidden(long statementId) {
    moveAll(grouped("e.STATEMENT_ID = " + statementId, -1));
  }

  /** The lines of expense statement {@code statementId} after a bulk change: they join the totals again. */
  public void statementShown(long statementId) {
    moveAll(grouped("e.STATEMENT_ID = " + statementId, 1));
  }

  /** Recomputes the grant's totals from its visible expenses. */
  public void rebuild(long grantId) {
    em.createNativeQuery("DELETE FROM EXECUTION_TOTAL WHERE GRANT_ID = ?").setParameter(1, grantId).executeUpdate();
    em.createNativeQuery("INSERT INTO EXECUTION_TOTAL (" + KEY_COLUMNS + ", LINE_COUNT, AMOUNT_EXCL, AMOUNT_VAT, AMOUNT_INCL, ELIGIBLE_AMOUNT, RETAINED_AMOUNT) "
            + String.format(GROUPED, "e.GRANT_ID = " + grantId + " AND " + VISIBLE))
        .executeUpdate();
  }

  /**
   * Count and sums of the visible expenses on the list's fast filters (each null: any): read from
   * the table, so it costs the number of groups, not of expenses. {@code year} is the expense's own
   * year, as the list filters it.
   */
  public Sums sums(long grantId, Long actionId, Long categoryId, Long sourceId, String status, Integer year) {
    return sums(grantId, actionId, categoryId, sourceId, status == null ? null : List.of(status), year);
  }

  /** The same with a set of statuses ({@code null}: any; empty: none). */
  public Sums sums(long grantId, Long actionId, Long categoryId, Long sourceId, Collection<String> statuses, Integer year) {
    StringBuilder sql = new StringBuilder("SELECT SUM(LINE_COUNT), SUM(AMOUNT_EXCL), SUM(AMOUNT_VAT), SUM(AMOUNT_INCL), SUM(ELIGIBLE_AMOUNT), SUM(RETAINED_AMOUNT)"
        + " FROM EXECUTION_TOTAL WHERE GRANT_ID = ?1");
    if (actionId != null) sql.append(" AND ACTION_ID = ?2");
    if (categoryId != null) sql.append(" AND CATEGORY_ID = ?3");
    if (sourceId != null) sql.append(" AND COFUNDING_ID = ?4");
    if (statuses != null) {
      if (statuses.isEmpty()) {
        return new Sums(0, money(null), money(null), money(null), money(null), money(null));
      }
      // Status names are the chain's enum names; anything else is refused rather than written into SQL.
      if (!statuses.stream().allMatch(n -> n.matches("[A-Z_]{1,16}"))) {
        throw new IllegalArgumentException("statut inconnu : " + statuses);
      }
      sql.append(" AND STATUS IN (").append(String.join(", ", statuses.stream().map(n -> "'" + n + "'").toList())).append(")");
    }
    if (year != null) sql.append(" AND EXPENSE_YEAR = ?6");
    var q = em.createNativeQuery(sql.toString()).setParameter(1, grantId);
    if (actionId != null) q.setParameter(2, actionId);
    if (categoryId != null) q.setParameter(3, categoryId);
    if (sourceId != null) q.setParameter(4, sourceId);
    if (year != null) q.setParameter(6, year);
    Object[] r = (Object[]) q.getSingleResult();
    return new Sums(r[0] == null ? 0 : ((Number) r[0]).longValue(), money(r[1]), money(r[2]), money(r[3]), money(r[4]), money(r[5]));
  }

  /** Rule 10's numerator: the eligible amount of the expenses paid (or further along the chain). */
  public BigDecimal paidEligible(long grantId) {
    return money(em.createNativeQuery("SELECT SUM(ELIGIBLE_AMOUNT) FROM EXECUTION_TOTAL WHERE GRANT_ID = ? AND STATUS IN " + PAID_IN)
        .setParameter(1, grantId).getSingleResult());
  }

  /**
   * Rules 8/9: the eligible amount the operator retained on the lines it answered on, or empty while
   * it has answered on none.
   */
  public java.util.Optional<BigDecimal> acceptedEligible(long grantId) {
    Object[] r = (Object[]) em.createNativeQuery("SELECT SUM(LINE_COUNT), SUM(RETAINED_AMOUNT) FROM EXECUTION_TOTAL WHERE GRANT_ID = ?"
            + " AND STATUS IN ('ACCEPTED', 'REJECTED', 'PARTLY_ACCEPTED')")
        .setParameter(1, grantId).getSingleResult();
    return r[0] == null || num(r[0]) == 0 ? java.util.Optional.empty() : java.util.Optional.of(money(r[1]));
  }

  /** Count and sums of a set of expenses. */
  public record Sums(long count, BigDecimal amountExcl, BigDecimal amountVat, BigDecimal amountIncl, BigDecimal eligible, BigDecimal retained) {}

  private Map<SpendLine.Key, Delta> grouped(String where, int sign) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows = em.createNativeQuery(String.format(GROUPED, where)).getResultList();
    Map<SpendLine.Key, Delta> deltas = new TreeMap<>();
    for (Object[] r : rows) {
      SpendLine.Key key = new SpendLine.Key(num(r[0]), num(r[1]), num(r[2]), num(r[3]), (String) r[4], (int) num(r[5]), (int) num(r[6]));
      Delta d = new Delta();
      d.count = sign * num(r[7]);
      d.excl = money(r[8]).multiply(BigDecimal.valueOf(sign));
      d.vat = money(r[9]).multiply(BigDecimal.valueOf(sign));
      d.incl = money(r[10]).multiply(BigDecimal.valueOf(sign));
      d.eligible = money(r[11]).multiply(BigDecimal.valueOf(sign));
      d.retained = money(r[12]).multiply(BigDecimal.valueOf(sign));
      deltas.put(key, d);
    }
    return deltas;
  }

  /**
   * Rows missing are inserted first, under a table lock taken before this transaction holds any
   * row of the table (two transactions creating the same row would otherwise both insert it);
   * then each row is moved by an update that adds to whatever value is committed.
   */
  private void moveAll(Map<SpendLine.Key, Delta> deltas) {
    deltas.values().removeIf(Delta::isZero);
    List<Object[]> missing = new java.util.ArrayList<>();
    for (SpendLine.Key k : deltas.keySet()) {
      Object[] key = key(k);
      var q = em.createNativeQuery("SELECT COUNT(*) FROM EXECUTION_TOTAL WHERE " + KEY_MATCH);
      for (int i = 0; i < 7; i++) {
        q.setParameter(i + 1, key[i]);
      }
      if (((Number) q.getSingleResult()).longValue() == 0) {
        missing.add(key);
      }
    }
    if (!missing.isEmpty()) {
      em.createNativeQuery("LOCK TABLE EXECUTION_TOTAL IN EXCLUSIVE MODE").executeUpdate();
      for (Object[] key : missing) {
        var insert = em.createNativeQuery(INSERT_MISSING);
        for (int i = 0; i < 7; i++) {
          insert.setParameter(i + 1, key[i]);
          insert.setParameter(i + 8, key[i]);
        }
        insert.executeUpdate();
      }
    }
    deltas.forEach((k, d) -> update(key(k), d));
  }

  private static Object[] key(SpendLine.Key k) {
    return new Object[] {k.grantId(), k.actionId(), k.categoryId(), k.sourceId(), k.status(), k.expenseYear(), k.budgetYear()};
  }

  private int update(Object[] key, Delta d) {
    var q = em.createNativeQuery(UPDATE).setParameter(1, d.count).setParameter(2, d.excl).setParameter(3, d.vat).setParameter(4, d.incl)
        .setParameter(5, d.eligible).setParameter(6, d.retained);
    for (int i = 0; i < 7; i++) {
      q.setParameter(i + 7, key[i]);
    }
    return q.executeUpdate();
  }

  private static final class Delta {
    long count;
    BigDecimal excl = BigDecimal.ZERO;
    BigDecimal vat = BigDecimal.ZERO;
    BigDecimal incl = BigDecimal.ZERO;
    BigDecimal eligible = BigDecimal.ZERO;
    BigDecimal retained = BigDecimal.ZERO;

    void add(SpendLine l, int sign) {
      BigDecimal s = BigDecimal.valueOf(sign);
      count += sign;
      excl = excl.add(l.amountExcl().multiply(s));
      vat = vat.add(l.amountVat().multiply(s));
      incl = incl.add(l.amountIncl().multiply(s));
      eligible = eligible.add(l.eligible().multiply(s));
      retained = retained.add(l.retained().multiply(s));
    }

    boolean isZero() {
      return count == 0 && excl.signum() == 0 && vat.signum() == 0 && incl.signum() == 0 && eligible.signum() == 0 && retained.signum() == 0;
    }
  }

  static long num(Object o) {
    return ((Number) o).longValue();
  }

  static BigDecimal money(Object o) {
    return o == null ? BigDecimal.ZERO.setScale(2) : new BigDecimal(o.toString()).setScale(2, RoundingMode.UNNECESSARY);
  }
}
