package fr.jalon.indicator;

import java.math.BigDecimal;
import java.util.List;

/**
 * One indicator in the table of a school year: its target, its value (computed for a derived one,
 * null when not recorded yet) and the value's breakdown.
 */
public record IndicatorRow(
    long id,
    String code,
    String label,
    String unit,
    IndicatorKind kind,
    BigDecimal baseline,
    boolean derived,
    BigDecimal target,
    BigDecimal value,
    List<Part> parts,
    String comment) {

  public record Part(String label, BigDecimal amount) {}

  /** True when a value and a target exist and the value reaches it. */
  public boolean reached() {
    return value != null && target != null && value.compareTo(target) >= 0;
  }

  /** Value ÷ target in percent, or null. */
  public BigDecimal achievement() {
    if (value == null || target == null || target.signum() == 0) {
      return null;
    }
    return value.multiply(new BigDecimal("100")).divide(target, 0, java.math.RoundingMode.HALF_UP);
  }
}
