package fr.jalon.grant;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** One parameter an amendment changed, before → after; {@code parameter} names the field (e.g. advanceCap). */
public record ParameterChange(String parameter, Object before, Object after) {

  /** The parameters that differ between two sets, in the order the grant page lists them. */
  public static List<ParameterChange> between(ParameterValues before, ParameterValues after) {
    ParameterValues b = before.normalised();
    ParameterValues a = after.normalised();
    List<ParameterChange> changes = new ArrayList<>();
    add(changes, "maxPiaRate", b.maxPiaRate(), a.maxPiaRate());
    add(changes, "maxPublicAidRate", b.maxPublicAidRate(), a.maxPublicAidRate());
    add(changes, "minCofundingRatio", b.minCofundingRatio(), a.minCofundingRatio());
    add(changes, "advanceCap", b.advanceCap(), a.advanceCap());
    add(changes, "interimCap", b.interimCap(), a.interimCap());
    add(changes, "interimCapLong", b.interimCapLong(), a.interimCapLong());
    add(changes, "longGrantMonths", b.longGrantMonths(), a.longGrantMonths());
    add(changes, "fungibilityThreshold", b.fungibilityThreshold(), a.fungibilityThreshold());
    add(changes, "flatRateOverheads", b.flatRateOverheads(), a.flatRateOverheads());
    add(changes, "statutoryStaffEligible", b.statutoryStaffEligible(), a.statutoryStaffEligible());
    add(changes, "procurementThreshold", b.procurementThreshold(), a.procurementThreshold());
    add(changes, "separatePaymentOrder", b.separatePaymentOrder(), a.separatePaymentOrder());
    add(changes, "finalPaymentGraceDays", b.finalPaymentGraceDays(), a.finalPaymentGraceDays());
    add(changes, "reportDueDays", b.reportDueDays(), a.reportDueDays());
    add(changes, "reportingPeriod", b.reportingPeriod(), a.reportingPeriod());
    return changes;
  }

  private static void add(List<ParameterChange> changes, String name, Object before, Object after) {
    if (!Objects.equals(before, after)) {
      changes.add(new ParameterChange(name, before, after));
    }
  }

  private static final java.util.Set<String> RATES = java.util.Set.of("maxPiaRate", "maxPublicAidRate", "minCofundingRatio", "advanceCap",
      "interimCap", "interimCapLong", "fungibilityThreshold", "flatRateOverheads");

  /** True for the parameters that are percentages (the others are amounts, counts, yes/no or a period). */
  public boolean isRate() {
    return RATES.contains(parameter);
  }
}
