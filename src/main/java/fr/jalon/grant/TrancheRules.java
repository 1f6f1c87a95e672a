package fr.jalon.grant;

import fr.jalon.platform.Messages;
import fr.jalon.platform.RuleViolation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Rules 9 and 10 on the tranches, plain so each is tested at its boundaries without a container:
 * the caps on the advance and on advance + interims, the spend ratio, and the live conditions that
 * decide whether a tranche may be requested.
 */
public final class TrancheRules {
  private static final BigDecimal HUNDRED = new BigDecimal("100");

  private TrancheRules() {}

  /** A tranche as the caps see it: its kind and the amount that counts (received, requested or planned). */
  public record Counted(TrancheKind kind, BigDecimal amount) {}

  /**
   * Rule 9: the advance at most the advance cap × maximum PIA amount; advance + interims at most the
   * interim cap (the long-grant one past the threshold) × maximum PIA amount. The balance is outside
   * both caps. Violations name {@code field}.
   */
  public static List<RuleViolation> caps(List<Counted> tranches, BigDecimal maxPiaAmount, long grantMonths, ParameterValues p, String field) {
    List<RuleViolation> violations = new ArrayList<>();
    BigDecimal advance = sum(tranches, TrancheKind.ADVANCE);
    BigDecimal upToInterims = advance.add(sum(tranches, TrancheKind.INTERIM));
    BigDecimal advanceCeiling = FundingRules.advanceCeiling(maxPiaAmount, p.advanceCap());
    if (advance.compareTo(advanceCeiling) > 0) {
      violations.add(new RuleViolation(field, "tranche.cap.advance", new Messages.Amount(advance), new Messages.Amount(advanceCeiling), new Messages.Rate(p.advanceCap())));
    }
    BigDecimal interimCeiling = FundingRules.interimCeiling(maxPiaAmount, grantMonths, p);
    if (upToInterims.compareTo(interimCeiling) > 0) {
      violations.add(new RuleViolation(field, "tranche.cap.interim", new Messages.Amount(upToInterims), new Messages.Amount(interimCeiling),
          new Messages.Rate(interimCapRate(grantMonths, p))));
    }
    return violations;
  }

  /** The interim cap that applies: the higher one when the grant runs past the long-grant threshold. */
  public static BigDecimal interimCapRate(long grantMonths, ParameterValues p) {
    return grantMonths > p.longGrantMonths() ? p.interimCapLong() : p.interimCap();
  }

  public static BigDecimal sum(List<Counted> tranches, TrancheKind kind) {
    return tranches.stream().filter(t -> t.kind() == kind).map(Counted::amount).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2);
  }

  /**
   * Rule 10: spend ratio = eligible cost of paid expenses ÷ planned eligible cost, in percent,
   * rounded down at two decimals so a threshold is never reached by rounding.
   */
  public static BigDecimal spendRatio(BigDecimal paidEligibleCost, BigDecimal plannedEligibleCost) {
    if (plannedEligibleCost == null || plannedEligibleCost.signum() <= 0) {
      return BigDecimal.ZERO.setScale(2);
    }
    return paidEligibleCost.multiply(HUNDRED).divide(plannedEligibleCost, 2, RoundingMode.DOWN);
  }

  /** The spend figures the conditions are evaluated against; {@code tracked} is false until expenses exist. */
  public record Spend(BigDecimal paidEligibleCost, BigDecimal plannedEligibleCost, boolean tracked) {
    public BigDecimal ratio() {
      return spendRatio(paidEligibleCost, plannedEligibleCost);
    }
  }

  /**
   * Rule 10, live: the previous tranche received, the spend ratio at its threshold, and each
   * milestone and report condition as its evaluator answers (none answering: not met, not yet
   * tracked). {@code previous} is the tranche just before, cancelled ones skipped; null for the first.
   */
  public static List<ConditionCheck> evaluate(Tranche tranche, Tranche previous, Spend spend, Function<TrancheCondition, Optional<ConditionEvaluator.Verdict>> verdicts) {
    List<ConditionCheck> checks = new ArrayList<>();
    if (previous == null) {
      checks.add(new ConditionCheck(ConditionCheck.Code.PREVIOUS_RECEIVED, true, "tranche.check.first", List.of()));
    } else {
      boolean received = previous.status() == TrancheStatus.RECEIVED;
      checks.add(new ConditionCheck(ConditionCheck.Code.PREVIOUS_RECEIVED, received, received ? "tranche.check.previous.met" : "tranche.check.previous.failed",
          List.of(previous.number(), new ConditionCheck.Label(statusKey(previous.status())))));
    }
    if (tranche.minSpendRatio() != null) {
      BigDecimal ratio = spend.ratio();
      boolean met = ratio.compareTo(tranche.minSpendRatio()) >= 0;
      String key = met ? "tranche.check.spend.met" : spend.tracked() ? "tranche.check.spend.failed" : "tranche.check.spend.untracked";
      checks.add(new ConditionCheck(ConditionCheck.Code.SPEND_RATIO, met, key, List.of(new Messages.Rate(ratio), new Messages.Rate(tranche.minSpendRatio()))));
    }
    for (TrancheCondition condition : tranche.conditions()) {
      boolean milestone = condition.kind() == ConditionKind.MILESTONE_VALIDATED;
      ConditionCheck.Code code = milestone ? ConditionCheck.Code.MILESTONE_VALIDATED : ConditionCheck.Code.REPORT_ACCEPTED;
      Object subject = milestone ? condition.milestoneId() : new ConditionCheck.Label("report.type." + condition.reportType());
      String prefix = milestone ? "tranche.check.milestone" : "tranche.check.report";
      Optional<ConditionEvaluator.Verdict> verdict = verdicts.apply(condition);
      if (verdict.isEmpty()) {
        checks.add(new ConditionCheck(code, false, prefix + ".untracked", List.of(subject)));
      } else {
        ConditionEvaluator.Verdict v = verdict.get();
        checks.add(new ConditionCheck(code, v.met(), prefix + (v.met() ? ".met" : ".failed"), List.of(subject, v.detail() == null ? "" : v.detail())));
      }
    }
    return checks;
  }

  /** The message key of a status label, for the check texts. */
  static String statusKey(TrancheStatus status) {
    return "tranche.status." + status.name();
  }

  /** The status shown: a planned tranche whose conditions all hold shows CONDITIONS_MET. */
  public static TrancheStatus liveStatus(Tranche tranche, List<ConditionCheck> checks) {
    if (tranche.status() == TrancheStatus.PLANNED && checks.stream().allMatch(ConditionCheck::met)) {
      return TrancheStatus.CONDITIONS_MET;
    }
    return tranche.status();
  }
}
