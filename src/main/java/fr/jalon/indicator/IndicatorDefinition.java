package fr.jalon.indicator;

import java.math.BigDecimal;

/**
 * An indicator as the project manager defines it. {@code breakdownParts} lists the parts a value
 * may be broken into ("Filles;Garçons"); a derived indicator names its {@code derivation} and, for
 * a share, the indicator and part it is computed from.
 */
public record IndicatorDefinition(
    String code,
    String label,
    String unit,
    IndicatorKind kind,
    BigDecimal baseline,
    String breakdownParts,
    Derivation derivation,
    Long sourceIndicatorId,
    String sourcePart,
    Integer version) {}
