package fr.jalon.grant;

import fr.jalon.platform.RuleViolation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The checks a grant change must pass, each refusal naming its field with a message key. Plain,
 * so the rules are tested without a container.
 */
public final class GrantRules {
  public static final BigDecimal HUNDRED = new BigDecimal("100");
  public static final int MAX_YEARS = 10;
  public static final BigDecimal MAX_AMOUNT = new BigDecimal("9999999999999.99");

  private GrantRules() {}

  public static List<RuleViolation> check(GrantChange c) {
    List<RuleViolation> v = new ArrayList<>();
    text(v, "reference", c.reference(), 60);
    text(v, "title", c.title(), 300);
    text(v, "programme", c.programme(), 200);
    text(v, "operatorName", c.operatorName(), 200);
    text(v, "ministry", c.ministry(), 200);
    required(v, "signatureDate", c.signatureDate());
    required(v, "eligibilityStart", c.eligibilityStart());
    required(v, "endDate", c.endDate());
    if (c.eligibilityStart() != null && c.endDate() != null) {
      if (!c.endDate().isAfter(c.eligibilityStart())) {
        v.add(new RuleViolation("endDate", "grant.endDate.beforeStart"));
      } else if (c.endDate().isAfter(c.eligibilityStart().plusYears(MAX_YEARS))) {
        v.add(new RuleViolation("endDate", "grant.endDate.tooLong", MAX_YEARS));
      }
    }
    if (c.signatureDate() != null && c.endDate() != null && c.signatureDate().isAfter(c.endDate())) {
      v.add(new RuleViolation("signatureDate", "grant.signatureDate.afterEnd"));
    }
    amount(v, "maxPiaAmount", c.maxPiaAmount(), true);
    amount(v, "eligibleBudget", c.eligibleBudget(), true);
    ParameterValues p = c.parameters();
    if (p == null) {
      v.add(new RuleViolation("parameters", "field.required"));
      return v;
    }
    v.addAll(checkParameters(p));
    // Rule 8: the aid rate (maximum PIA ÷ eligible budget) never exceeds the maximum PIA rate.
    if (positive(c.maxPiaAmount()) && positive(c.eligibleBudget()) && valid(p.maxPiaRate())) {
      BigDecimal ceiling = FundingRules.share(c.eligibleBudget(), p.maxPiaRate());
      if (c.maxPiaAmount().compareTo(ceiling) > 0) {
        v.add(new RuleViolation("maxPiaAmount", "grant.maxPia.aboveRate", new fr.jalon.platform.Messages.Amount(ceiling), new fr.jalon.platform.Messages.Rate(p.maxPiaRate())));
      }
    }
    return v;
  }

  /** The checks on a parameter set alone: what a grant edit and an amendment both pass. */
  public static List<RuleViolation> checkParameters(ParameterValues p) {
    List<RuleViolation> v = new ArrayList<>();
    rate(v, "parameters.maxPiaRate", p.maxPiaRate(), true);
    rate(v, "parameters.maxPublicAidRate", p.maxPublicAidRate(), true);
    rate(v, "parameters.minCofundingRatio", p.minCofundingRatio(), true);
    rate(v, "parameters.advanceCap", p.advanceCap(), true);
    rate(v, "parameters.interimCap", p.interimCap(), true);
    rate(v, "parameters.interimCapLong", p.interimCapLong(), true);
    rate(v, "parameters.fungibilityThreshold", p.fungibilityThreshold(), true);
    rate(v, "parameters.flatRateOverheads", p.flatRateOverheads(), false);
    whole(v, "parameters.longGrantMonths", p.longGrantMonths(), 1, 240);
    whole(v, "parameters.finalPaymentGraceDays", p.finalPaymentGraceDays(), 0, 730);
    whole(v, "parameters.reportDueDays", p.reportDueDays(), 0, 365);
    amount(v, "parameters.procurementThreshold", p.procurementThreshold(), false);
    required(v, "parameters.statutoryStaffEligible", p.statutoryStaffEligible());
    required(v, "parameters.separatePaymentOrder", p.separatePaymentOrder());
    required(v, "parameters.reportingPeriod", p.reportingPeriod());
    if (valid(p.advanceCap()) && valid(p.interimCap()) && p.interimCap().compareTo(p.advanceCap()) < 0) {
      v.add(new RuleViolation("parameters.interimCap", "grant.interimCap.belowAdvance"));
    }
    if (valid(p.interimCap()) && valid(p.interimCapLong()) && p.interimCapLong().compareTo(p.interimCap()) < 0) {
      v.add(new RuleViolation("parameters.interimCapLong", "grant.interimCapLong.belowInterim"));
    }
    return v;
  }

  /** Months the grant runs, from the eligibility start to the end date. */
  public static long months(LocalDate start, LocalDate end) {
    return ChronoUnit.MONTHS.between(start, end.plusDays(1));
  }

  private static void text(List<RuleViolation> v, String field, String value, int max) {
    if (value == null || value.isBlank()) {
      v.add(new RuleViolation(field, "field.required"));
    } else if (value.trim().length() > max) {
      v.add(new RuleViolation(field, "field.tooLong", max));
    }
  }

  private static void required(List<RuleViolation> v, String field, Object value) {
    if (value == null) {
      v.add(new RuleViolation(field, "field.required"));
    }
  }

  private static void amount(List<RuleViolation> v, String field, BigDecimal value, boolean strictlyPositive) {
    if (value == null) {
      v.add(new RuleViolation(field, "field.required"));
    } else if (strictlyPositive ? value.signum() <= 0 : value.signum() < 0) {
      v.add(new RuleViolation(field, strictlyPositive ? "field.positive" : "field.notNegative"));
    } else if (value.stripTrailingZeros().scale() > 2) {
      v.add(new RuleViolation(field, "field.cents"));
    } else if (value.compareTo(MAX_AMOUNT) > 0) {
      v.add(new RuleViolation(field, "field.tooLarge"));
    }
  }

  private static void rate(List<RuleViolation> v, String field, BigDecimal value, boolean mandatory) {
    if (value == null) {
      if (mandatory) {
        v.add(new RuleViolation(field, "field.required"));
      }
    } else if (value.signum() < 0 || value.compareTo(HUNDRED) > 0) {
      v.add(new RuleViolation(field, "field.rate"));
    } else if (value.stripTrailingZeros().scale() > 2) {
      v.add(new RuleViolation(field, "field.rate.decimals"));
    }
  }

  private static void whole(List<RuleViolation> v, String field, Integer value, int min, int max) {
    if (value == null) {
      v.add(new RuleViolation(field, "field.required"));
    } else if (value < min || value > max) {
      v.add(new RuleViolation(field, "field.between", min, max));
    }
  }

  private static boolean valid(BigDecimal rate) {
    return rate != null && rate.signum() >= 0 && rate.compareTo(HUNDRED) <= 0;
  }

  private static boolean positive(BigDecimal amount) {
    return amount != null && amount.signum() > 0;
  }
}
