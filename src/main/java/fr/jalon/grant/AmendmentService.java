package fr.jalon.grant;

import static fr.jalon.platform.Roles.ADMIN;
import static fr.jalon.platform.Roles.BOARD;
import static fr.jalon.platform.Roles.FINANCE;
import static fr.jalon.platform.Roles.PROJECT_MANAGER;

import fr.jalon.platform.NotFoundException;
import fr.jalon.platform.Messages;
import fr.jalon.platform.RuleViolation;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Amendments (avenants) to the agreement: the administrator records them, everybody reads them.
 * Rule 13: they are the only way parameters change once a tranche has been requested, and they
 * never touch the values of past periods.
 */
@ApplicationScoped
public class AmendmentService {
  @PersistenceContext EntityManager em;
  @Inject GrantService grants;
  @Inject jakarta.enterprise.event.Event<AmendmentRecorded> recorded;

  /** A budget version an amendment may approve: an approved one no amendment cites yet. */
  public record BudgetVersionChoice(long id, int number, String label) {}

  @RolesAllowed({ADMIN, PROJECT_MANAGER, FINANCE, BOARD})
  public List<AmendmentLine> list() {
    Grant grant = grants.grant();
    List<Amendment> amendments = em.createQuery(
            "SELECT a FROM Amendment a JOIN FETCH a.decision d JOIN FETCH d.meeting WHERE a.grant = :grant ORDER BY a.number", Amendment.class)
        .setParameter("grant", grant)
        .getResultList();
    Map<Long, String> versionLabels = budgetVersionLabels(grant);
    List<AmendmentLine> lines = new ArrayList<>();
    for (Amendment a : amendments) {
      lines.add(line(grant, a, versionLabels));
    }
    return lines;
  }

  @RolesAllowed({ADMIN, PROJECT_MANAGER, FINANCE, BOARD})
  public AmendmentLine get(long id) {
    Amendment a = em.find(Amendment.class, id);
    if (a == null || !a.grant().id().equals(grants.grant().id())) {
      throw new NotFoundException(Messages.get("amendment.notFound"));
    }
    return line(a.grant(), a, budgetVersionLabels(a.grant()));
  }

  /** Records the next amendment; all or nothing. */
  @RolesAllowed(ADMIN)
  @Transactional
  public AmendmentLine record(@NotNull NewAmendment request) {
    Grant grant = grants.grant();
    // One amendment at a time: the number is the next free one.
    em.lock(grant, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
    CopilDecision decision = request.decisionId() == null ? null : em.find(CopilDecision.class, request.decisionId());
    if (request.decisionId() != null && (decision == null || !decision.meeting().grant().id().equals(grant.id()))) {
      throw new RuleViolation("decisionId", "amendment.decision.unknown");
    }
    if (request.budgetVersionId() != null) {
      checkApprovableBudget(grant, request.budgetVersionId());
    }
    Number last = em.createQuery("SELECT MAX(a.number) FROM Amendment a WHERE a.grant = :grant", Integer.class)
        .setParameter("grant", grant)
        .getSingleResult();
    int number = last == null ? 1 : last.intValue() + 1;
    Amendment amendment = new Amendment(grant, number, request.signedOn(), request.effectiveFrom(), request.object(), decision,
        request.parameters(), request.budgetVersionId());
    em.persist(amendment);
    em.flush();
    recorded.fire(new AmendmentRecorded(amendment.id(), decision.id()));
    return line(grant, amendment, budgetVersionLabels(grant));
  }

  /** Approved budget versions no amendment cites yet: what the form offers. */
  @RolesAllowed(ADMIN)
  @SuppressWarnings("unchecked")
  public List<BudgetVersionChoice> approvableBudgetVersions() {
    List<Object[]> rows = em.createNativeQuery(
            "SELECT v.ID, v.NUMBER, v.LABEL FROM BUDGET_VERSION v WHERE v.GRANT_ID = ? AND v.STATUS = 'APPROVED'"
                + " AND NOT EXISTS (SELECT 1 FROM AMENDMENT a WHERE a.BUDGET_VERSION_ID = v.ID) ORDER BY v.NUMBER DESC")
        .setParameter(1, grants.grant().id())
        .getResultList();
    return rows.stream().map(r -> new BudgetVersionChoice(((Number) r[0]).longValue(), ((Number) r[1]).intValue(), (String) r[2])).toList();
  }

  private void checkApprovableBudget(Grant grant, long budgetVersionId) {
    boolean approvable = approvableBudgetVersions().stream().anyMatch(v -> v.id() == budgetVersionId);
    if (!approvable) {
      throw new RuleViolation("budgetVersionId", "amendment.budget.notApproved");
    }
  }

  private AmendmentLine line(Grant grant, Amendment a, Map<Long, String> versionLabels) {
    List<ParameterChange> changes = List.of();
    if (a.parameters() != null) {
      GrantParameters before = grant.parametersOn(a.parameters().effectiveFrom().minusDays(1));
      changes = ParameterChange.between(before.values(), a.parameters().values());
    }
    CopilDecision d = a.decision();
    return new AmendmentLine(a.id(), a.number(), a.signedOn(), a.effectiveFrom(), a.object(), d.id(), d.reference(), d.meeting().heldOn(),
        a.budgetVersionId(), a.budgetVersionId() == null ? null : versionLabels.get(a.budgetVersionId()), changes);
  }

  @SuppressWarnings("unchecked")
  private Map<Long, String> budgetVersionLabels(Grant grant) {
    List<Object[]> rows = em.createNativeQuery("SELECT ID, NUMBER, LABEL FROM BUDGET_VERSION WHERE GRANT_ID = ?")
        .setParameter(1, grant.id())
        .getResultList();
    Map<Long, String> labels = new HashMap<>();
    for (Object[] r : rows) {
      labels.put(((Number) r[0]).longValue(), "v" + r[1] + " — " + r[2]);
    }
    return labels;
  }
}
