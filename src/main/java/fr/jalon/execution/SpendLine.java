package fr.jalon.execution;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

/**
 * What one visible expense adds to the maintained totals: where it counts and its amounts. Built
 * before and after a change, the difference is what the totals move by.
 *
 * @param status the chain status by name, so later statuses (declared, verdicts) need no change here
 * @param expenseYear the expense's own year (invoice date, else commitment date), the list's year
 * @param paidOn the payment date, which gives the year once the expense is paid
 * @param retained the eligible amount the operator accepted (zero before a verdict)
 */
public record SpendLine(long grantId, long actionId, long categoryId, long sourceId, String status, int expenseYear, LocalDate paidOn,
    BigDecimal amountExcl, BigDecimal amountVat, BigDecimal amountIncl, BigDecimal eligible, BigDecimal retained) {

  /** Statuses that count as committed money: all but the draft and the cancelled. */
  public static final Set<String> NOT_COMMITTED = Set.of("DRAFT", "CANCELLED");
  /** Statuses that count as paid: the payment and what follows it (statement, verdicts). */
  public static final Set<String> PAID = Set.of("PAID", "DECLARED", "ACCEPTED", "REJECTED", "PARTLY_ACCEPTED");
  /** Statuses that count as declared: in a submitted statement, with or without a verdict. */
  public static final Set<String> DECLARED = Set.of("DECLARED", "ACCEPTED", "REJECTED", "PARTLY_ACCEPTED");

  public SpendLine {
    retained = retained == null ? BigDecimal.ZERO.setScale(2) : retained;
  }

  /** The year the figures count this line in. */
  public int budgetYear() {
    return PAID.contains(status) && paidOn != null ? paidOn.getYear() : expenseYear;
  }

  Key key() {
    return new Key(grantId, actionId, categoryId, sourceId, status, expenseYear, budgetYear());
  }

  /** A row of the totals table. */
  record Key(long grantId, long actionId, long categoryId, long sourceId, String status, int expenseYear, int budgetYear) implements Comparable<Key> {
    @Override
    public int compareTo(Key o) {
      return java.util.Comparator.comparingLong(Key::grantId).thenComparingLong(Key::actionId).thenComparingLong(Key::categoryId)
          .thenComparingLong(Key::sourceId).thenComparing(Key::status).thenComparingInt(Key::expenseYear).thenComparingInt(Key::budgetYear).compare(this, o);
    }
  }
}
