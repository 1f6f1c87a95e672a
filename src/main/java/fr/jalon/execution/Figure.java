package fr.jalon.execution;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Budget against actual for one group (the coordinates not grouped on are null): planned (the
 * approved budget in force), committed, paid, declared and accepted eligible amounts.
 *
 * @param actionCode the action's code when grouped by action
 * @param categoryCode the category's code when grouped by category
 * @param sourceLabel the funder's name when grouped by funding source
 */
public record Figure(Long actionId, String actionCode, Long categoryId, String categoryCode, Long sourceId, String sourceLabel, Integer year,
    BigDecimal planned, BigDecimal committed, BigDecimal paid, BigDecimal declared, BigDecimal accepted) implements java.io.Serializable {

  private static final BigDecimal HUNDRED = new BigDecimal("100");

  /** Committed − paid. */
  public BigDecimal stillToPay() {
    return committed.subtract(paid);
  }

  /** Planned − committed (negative when over budget). */
  public BigDecimal available() {
    return planned.subtract(committed);
  }

  /** Paid ÷ planned, in per cent with two decimals (rounded down); null when nothing is planned. */
  public BigDecimal consumptionRate() {
    return planned.signum() == 0 ? null : paid.multiply(HUNDRED).divide(planned, 2, RoundingMode.DOWN);
  }

  /** Committed ÷ planned, in per cent with two decimals (rounded down); null when nothing is planned. */
  public BigDecimal commitmentRate() {
    return planned.signum() == 0 ? null : committed.multiply(HUNDRED).divide(planned, 2, RoundingMode.DOWN);
  }

  /** Committed above planned: the line is over budget. */
  public boolean overBudget() {
    return committed.compareTo(planned) > 0;
  }
}
