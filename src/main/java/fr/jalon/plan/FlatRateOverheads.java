package fr.jalon.plan;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Flat-rate overheads (FG): a percentage of the direct eligible costs, set by the grant's
 * parameters and never typed. Plain, so the arithmetic is tested to the cent.
 */
public final class FlatRateOverheads {
  private FlatRateOverheads() {}

  /** {@code rate} % of the direct eligible costs, rounded down to the cent (never above the agreed rate); null rate → none. */
  public static BigDecimal of(BigDecimal directEligible, BigDecimal rate) {
    if (rate == null || rate.signum() == 0 || directEligible == null || directEligible.signum() <= 0) {
      return BigDecimal.ZERO.setScale(2);
    }
    return directEligible.multiply(rate).divide(new BigDecimal("100"), 2, RoundingMode.DOWN);
  }
}
