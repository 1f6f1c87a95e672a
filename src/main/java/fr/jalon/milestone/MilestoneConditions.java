package fr.jalon.milestone;

import fr.jalon.grant.ConditionEvaluator;
import fr.jalon.grant.ConditionKind;
import fr.jalon.platform.Dates;
import fr.jalon.platform.Messages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Locale;
import java.util.Optional;

/**
 * Answers the tranches' MILESTONE_VALIDATED conditions live (rule 10): met when the milestone is
 * VALIDATED, and with GO for a go/no-go milestone.
 */
@ApplicationScoped
public class MilestoneConditions implements ConditionEvaluator {
  @PersistenceContext EntityManager em;

  @Override
  public Optional<Verdict> evaluate(ConditionKind kind, Long milestoneId, String reportType) {
    if (kind != ConditionKind.MILESTONE_VALIDATED || milestoneId == null) {
      return Optional.empty();
    }
    return Optional.of(verdict(em.find(Milestone.class, milestoneId)));
  }

  /** The verdict on one milestone, e.g. "J3 — validé en COPIL le 12/03/2024". */
  static Verdict verdict(Milestone m) {
    if (m == null) {
      return new Verdict(false, Messages.get(Locale.FRENCH, "milestone.condition.unknown"));
    }
    if (m.releasesTranche()) {
      return new Verdict(true, Messages.get(Locale.FRENCH, "milestone.condition.met", m.code(), m.decision().reference(), Dates.format(m.decision().meeting().heldOn())));
    }
    if (m.noGo()) {
      return new Verdict(false, Messages.get(Locale.FRENCH, "milestone.condition.noGo", m.code(), m.decision().reference()));
    }
    return new Verdict(false, Messages.get(Locale.FRENCH, "milestone.condition.open", m.code(), Messages.get(Locale.FRENCH, "milestone.status." + m.status().name())));
  }
}
