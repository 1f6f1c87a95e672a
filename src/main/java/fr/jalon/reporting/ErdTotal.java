package fr.jalon.reporting;

import java.math.BigDecimal;

/**
 * One total of an expense statement against the approved budget: {@code section} is CATEGORY,
 * ACTION or ALL; earlier is what the earlier statements declared, cumulative = earlier + this one.
 */
public record ErdTotal(String section, String code, String label, BigDecimal budget, BigDecimal thisStatement, BigDecimal earlier, BigDecimal cumulative) {
  /** Cumulative over budget, as a percentage with one decimal; null without a budget. */
  public BigDecimal consumedPercent() {
    return budget == null || budget.signum() == 0 ? null : cumulative.multiply(new BigDecimal("100")).divide(budget, 1, java.math.RoundingMode.HALF_UP);
  }
}
