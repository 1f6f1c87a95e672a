package fr.jalon.milestone;

import fr.jalon.grant.AmendmentRecorded;
import fr.jalon.grant.DecisionOutcome;
import fr.jalon.milestone.MilestoneRecords.NoGoLift;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Rule 11: recording an amendment that cites a milestone's NO_GO decision lifts it at once, in the
 * same transaction — the suspended tranches after that milestone resume.
 */
@ApplicationScoped
public class NoGoLifting {
  @PersistenceContext EntityManager em;
  @Inject MilestoneService milestones;

  void onAmendment(@Observes AmendmentRecorded recorded) {
    for (Long id : em.createQuery("SELECT m.id FROM Milestone m WHERE m.decision.id = :decision AND m.decision.outcome = :noGo"
            + " AND m.status = :validated AND m.noGoLiftedBy IS NULL", Long.class)
        .setParameter("decision", recorded.decisionId())
        .setParameter("noGo", DecisionOutcome.NO_GO)
        .setParameter("validated", MilestoneStatus.VALIDATED)
        .getResultList()) {
      milestones.liftNoGo(id, new NoGoLift(recorded.amendmentId()));
    }
  }
}
