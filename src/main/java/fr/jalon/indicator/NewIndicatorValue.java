package fr.jalon.indicator;

import java.math.BigDecimal;
import java.util.Map;

/** A value typed for a school year ({@code schoolYear} = the year it starts), with its parts by name. */
public record NewIndicatorValue(Integer schoolYear, BigDecimal amount, Map<String, BigDecimal> parts, String comment) {}
