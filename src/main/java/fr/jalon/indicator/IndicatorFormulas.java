package fr.jalon.indicator;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How derived indicators are computed: plain, so each formula is tested without a container. */
public final class IndicatorFormulas {
  private static final BigDecimal HUNDRED = new BigDecimal("100");

  private IndicatorFormulas() {}

  /** Co-funding leverage = non-PIA resources ÷ PIA received, two decimals; none before any PIA money. */
  public static BigDecimal leverage(BigDecimal nonPiaResources, BigDecimal piaReceived) {
    if (nonPiaResources == null || piaReceived == null || piaReceived.signum() == 0) {
      return null;
    }
    return nonPiaResources.divide(piaReceived, 2, RoundingMode.HALF_UP);
  }

  /** A part's share of the whole in percent, one decimal; none without both. */
  public static BigDecimal share(BigDecimal whole, BigDecimal part) {
    if (whole == null || part == null || whole.signum() == 0) {
      return null;
    }
    return part.multiply(HUNDRED).divide(whole, 1, RoundingMode.HALF_UP).setScale(2);
  }
}
