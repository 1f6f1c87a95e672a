package fr.jalon.grant;

import java.util.Optional;

/**
 * Tells whether a tranche's release condition holds, live. The milestone capability will answer
 * MILESTONE_VALIDATED, the reporting capability REPORT_ACCEPTED; each is a CDI bean implementing
 * this, found through {@code Instance<ConditionEvaluator>}, so the tranche code never changes when
 * they arrive. Until one answers, a condition is "not met — not yet tracked", never faked.
 */
public interface ConditionEvaluator {
  /** The verdict on this condition, or empty when this evaluator does not track its kind. */
  Optional<Verdict> evaluate(ConditionKind kind, Long milestoneId, String reportType);

  /** Met or not, and what the screen shows beside it (e.g. "J3 — validé en COPIL le 12/03/2024"). */
  record Verdict(boolean met, String detail) {}
}
