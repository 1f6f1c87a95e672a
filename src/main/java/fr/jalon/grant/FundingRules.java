package fr.jalon.grant;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The grant's money rules (DESIGN.md rules 8 and 9), plain so each is tested to the cent without a
 * container. Rates are percentages (40 = 40 %); amounts are euros at scale 2. The tranche and
 * co-funding screens of the funding issue build on these.
 */
public final class FundingRules {
  private static final BigDecimal HUNDRED = new BigDecimal("100");

  private FundingRules() {}

  /** Aid rate = maximum PIA amount ÷ planned eligible cost, never above the maximum PIA rate. */
  public static BigDecimal aidRate(BigDecimal maxPiaAmount, BigDecimal plannedEligibleCost, BigDecimal maxPiaRate) {
    BigDecimal rate = maxPiaAmount.multiply(HUNDRED).divide(plannedEligibleCost, 6, RoundingMode.HALF_UP);
    return rate.min(maxPiaRate);
  }

  /** Rule 9: the most the advance may be. */
  public static BigDecimal advanceCeiling(BigDecimal maxPiaAmount, BigDecimal advanceCap) {
    return share(maxPiaAmount, advanceCap);
  }

  /** Rule 9: the most advance + interim tranches may total; the higher cap past the long-grant threshold. */
  public static BigDecimal interimCeiling(BigDecimal maxPiaAmount, long grantMonths, ParameterValues p) {
    return share(maxPiaAmount, grantMonths > p.longGrantMonths() ? p.interimCapLong() : p.interimCap());
  }

  /** Rule 8: PIA due = min(aid rate × accepted eligible cost, maximum PIA amount). */
  public static BigDecimal piaDue(BigDecimal aidRate, BigDecimal acceptedEligibleCost, BigDecimal maxPiaAmount) {
    return share(acceptedEligibleCost, aidRate).min(maxPiaAmount.setScale(2, RoundingMode.UNNECESSARY));
  }

  /** Rule 9: balance = PIA due − PIA received; negative means money to repay (reversement). */
  public static BigDecimal balance(BigDecimal piaDue, BigDecimal piaReceived) {
    return piaDue.subtract(piaReceived).setScale(2, RoundingMode.UNNECESSARY);
  }

  /**
   * Rule 8: co-funding ratio = non-PIA resources (cash + in-kind) ÷ (planned eligible cost +
   * in-kind), as a percentage with two decimals.
   */
  public static BigDecimal cofundingRatio(BigDecimal nonPiaResources, BigDecimal plannedEligibleCost, BigDecimal inKind) {
    return nonPiaResources.multiply(HUNDRED).divide(plannedEligibleCost.add(inKind), 2, RoundingMode.HALF_UP);
  }

  /** Rule 8: total public aid ≤ max public aid rate × eligible cost. */
  public static boolean publicAidWithinCap(BigDecimal totalPublicAid, BigDecimal eligibleCost, BigDecimal maxPublicAidRate) {
    return totalPublicAid.compareTo(share(eligibleCost, maxPublicAidRate)) <= 0;
  }

  /** {@code rate} % of {@code amount}, rounded down to the cent: a ceiling is never exceeded by rounding. */
  static BigDecimal share(BigDecimal amount, BigDecimal rate) {
    return amount.multiply(rate).divide(HUNDRED, 2, RoundingMode.DOWN);
  }
}
