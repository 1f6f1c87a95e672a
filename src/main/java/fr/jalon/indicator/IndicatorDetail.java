package fr.jalon.indicator;

import java.math.BigDecimal;
import java.util.List;

/** An indicator with its series over the grant's school years: what the trend chart and the form show. */
public record IndicatorDetail(
    long id,
    String code,
    String label,
    String unit,
    IndicatorKind kind,
    BigDecimal baseline,
    List<String> breakdown,
    Derivation derivation,
    Long sourceIndicatorId,
    String sourcePart,
    int version,
    List<Point> series) {

  /** One school year: its target and its value (either may be null). */
  public record Point(int schoolYear, String label, BigDecimal target, BigDecimal value, List<IndicatorRow.Part> parts, String comment) {}
}
