package fr.jalon.grant;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.function.Predicate;

/**
 * The funding plan with its totals and rule 8's checks: the co-funding ratio on committed and on
 * received money against the grant's minimum, the aid rate against the maximum PIA rate, and the
 * public funders' commitments against the public-aid cap. Each {@code …Ok} false is a warning.
 */
public record CofundingSummary(
    BigDecimal plannedEligibleCost,
    List<CofundingLine> lines,
    BigDecimal totalCommitted,
    BigDecimal totalReceived,
    BigDecimal totalExpected,
    BigDecimal nonPiaCommitted,
    BigDecimal inKindCommitted,
    BigDecimal cofundingRatioCommitted,
    BigDecimal nonPiaReceived,
    BigDecimal inKindReceived,
    BigDecimal cofundingRatioReceived,
    BigDecimal minCofundingRatio,
    boolean cofundingRatioCommittedOk,
    boolean cofundingRatioReceivedOk,
    BigDecimal maxPiaAmount,
    BigDecimal aidRate,
    BigDecimal maxPiaRate,
    boolean aidRateOk,
    BigDecimal publicAidCommitted,
    BigDecimal publicAidCeiling,
    BigDecimal maxPublicAidRate,
    boolean publicAidOk) {

  private static final BigDecimal HUNDRED = new BigDecimal("100");

  /** Adds up the lines (each already carrying its received sum) and checks rule 8. */
  public static CofundingSummary of(List<CofundingLine> lines, BigDecimal plannedEligibleCost, BigDecimal maxPiaAmount, ParameterValues p) {
    Predicate<CofundingLine> nonPia = l -> l.kind() != FunderKind.PIA;
    Predicate<CofundingLine> inKind = l -> l.nature() == FundingNature.IN_KIND;
    BigDecimal nonPiaCommitted = committed(lines, nonPia);
    BigDecimal inKindCommitted = committed(lines, inKind);
    BigDecimal nonPiaReceived = received(lines, nonPia);
    BigDecimal inKindReceived = received(lines, inKind);
    BigDecimal ratioCommitted = FundingRules.cofundingRatio(nonPiaCommitted, plannedEligibleCost, inKindCommitted);
    BigDecimal ratioReceived = FundingRules.cofundingRatio(nonPiaReceived, plannedEligibleCost, inKindReceived);
    BigDecimal aidRate = maxPiaAmount.multiply(HUNDRED).divide(plannedEligibleCost, 2, RoundingMode.HALF_UP);
    BigDecimal publicAid = committed(lines, l -> l.kind().isPublic());
    BigDecimal publicCeiling = FundingRules.share(plannedEligibleCost, p.maxPublicAidRate());
    return new CofundingSummary(
        plannedEligibleCost,
        List.copyOf(lines),
        committed(lines, l -> true),
        received(lines, l -> true),
        lines.stream().map(CofundingLine::expected).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add),
        nonPiaCommitted,
        inKindCommitted,
        ratioCommitted,
        nonPiaReceived,
        inKindReceived,
        ratioReceived,
        p.minCofundingRatio(),
        ratioCommitted.compareTo(p.minCofundingRatio()) >= 0,
        ratioReceived.compareTo(p.minCofundingRatio()) >= 0,
        maxPiaAmount,
        aidRate,
        p.maxPiaRate(),
        aidRate.compareTo(p.maxPiaRate()) <= 0,
        publicAid,
        publicCeiling,
        p.maxPublicAidRate(),
        FundingRules.publicAidWithinCap(publicAid, plannedEligibleCost, p.maxPublicAidRate()));
  }

  private static BigDecimal committed(List<CofundingLine> lines, Predicate<CofundingLine> which) {
    return lines.stream().filter(which).map(CofundingLine::committed).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
  }

  private static BigDecimal received(List<CofundingLine> lines, Predicate<CofundingLine> which) {
    return lines.stream().filter(which).map(CofundingLine::received).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
  }
}
