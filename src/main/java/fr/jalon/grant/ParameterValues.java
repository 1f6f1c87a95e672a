package fr.jalon.grant;

import java.math.BigDecimal;

/**
 * The grant's parameters as typed in a form or sent as JSON. Rates are percentages (50 = 50 %).
 * Defaults follow the usual PIA 3 financing agreement; each grant keeps its own.
 */
public record ParameterValues(
    BigDecimal maxPiaRate,
    BigDecimal maxPublicAidRate,
    BigDecimal minCofundingRatio,
    BigDecimal advanceCap,
    BigDecimal interimCap,
    BigDecimal interimCapLong,
    Integer longGrantMonths,
    BigDecimal fungibilityThreshold,
    BigDecimal flatRateOverheads,
    Boolean statutoryStaffEligible,
    BigDecimal procurementThreshold,
    Boolean separatePaymentOrder,
    Integer finalPaymentGraceDays,
    Integer reportDueDays,
    ReportingPeriod reportingPeriod) {

  public static ParameterValues defaults() {
    return new ParameterValues(
        new BigDecimal("50.00"),
        new BigDecimal("100.00"),
        new BigDecimal("50.00"),
        new BigDecimal("30.00"),
        new BigDecimal("80.00"),
        new BigDecimal("90.00"),
        48,
        new BigDecimal("30.00"),
        null,
        false,
        new BigDecimal("40000.00"),
        true,
        90,
        60,
        ReportingPeriod.YEAR);
  }

  /** The same values with rates and amounts at two decimals: what is stored, so 50 equals 50.00. */
  public ParameterValues normalised() {
    return new ParameterValues(cents(maxPiaRate), cents(maxPublicAidRate), cents(minCofundingRatio), cents(advanceCap), cents(interimCap),
        cents(interimCapLong), longGrantMonths, cents(fungibilityThreshold), cents(flatRateOverheads), statutoryStaffEligible,
        cents(procurementThreshold), separatePaymentOrder, finalPaymentGraceDays, reportDueDays, reportingPeriod);
  }

  private static BigDecimal cents(BigDecimal value) {
    return value == null ? null : value.setScale(2, java.math.RoundingMode.HALF_UP);
  }
}
