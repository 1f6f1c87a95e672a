package fr.jalon.plan;

import static fr.jalon.platform.Roles.ADMIN;
import static fr.jalon.platform.Roles.BOARD;
import static fr.jalon.platform.Roles.FINANCE;
import static fr.jalon.platform.Roles.PROJECT_MANAGER;

import fr.jalon.grant.Grant;
import fr.jalon.grant.GrantService;
import fr.jalon.grant.Organisation;
import fr.jalon.plan.PlanRecords.ActionForm;
import fr.jalon.plan.PlanRecords.ActionRow;
import fr.jalon.platform.ConcurrentEditException;
import fr.jalon.platform.Messages;
import fr.jalon.platform.NotFoundException;
import fr.jalon.platform.RuleViolation;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/** Use cases on the action plan: the project manager keeps it, every role reads it. */
@ApplicationScoped
public class ActionService {
  @PersistenceContext EntityManager em;
  @Inject GrantService grants;
  @Inject PlanRepository repository;

  /** The whole plan in code order (A1, A1.1, A1.2, A2…), with each node's depth. */
  @RolesAllowed({ADMIN, PROJECT_MANAGER, FINANCE, BOARD})
  public List<ActionRow> list() {
    return repository.actions(grants.grant().id());
  }

  @RolesAllowed({ADMIN, PROJECT_MANAGER, FINANCE, BOARD})
  public ActionRow get(long id) {
    return list().stream().filter(a -> a.id() == id).findFirst().orElseThrow(() -> new NotFoundException(Messages.get("action.notFound", id)));
  }

  @RolesAllowed(PROJECT_MANAGER)
  @Transactional
  public ActionRow create(@NotNull ActionForm form) {
    Grant grant = grants.grant();
    Action parent = form.parentId() == null ? null : find(form.parentId());
    checkCodeFree(grant, form.code(), null);
    Action action = new Action(grant, parent, form.code(), form.title(), form.description(), organisation(form.leadOrganisationId()), form.startDate(), form.endDate());
    em.persist(action);
    em.flush();
    return get(action.id());
  }

  @RolesAllowed(PROJECT_MANAGER)
  @Transactional
  public ActionRow update(long id, @NotNull ActionForm form) {
    Action action = find(id);
    checkVersion(action, form.version());
    checkCodeFree(action.grant(), form.code(), id);
    action.describe(form.code(), form.title(), form.description(), organisation(form.leadOrganisationId()), form.startDate(), form.endDate());
    if (Boolean.TRUE.equals(form.closed())) {
      action.close();
    } else if (Boolean.FALSE.equals(form.closed())) {
      action.reopen();
    }
    em.flush();
    return get(id);
  }

  @RolesAllowed(PROJECT_MANAGER)
  @Transactional
  public ActionRow close(long id) {
    find(id).close();
    em.flush();
    return get(id);
  }

  @RolesAllowed(PROJECT_MANAGER)
  @Transactional
  public ActionRow reopen(long id) {
    find(id).reopen();
    em.flush();
    return get(id);
  }

  /** Deletes an action nothing hangs on; with budget lines (or sub-actions) it is refused and says why. */
  @RolesAllowed(PROJECT_MANAGER)
  @Transactional
  public void delete(long id) {
    Action action = find(id);
    long lines = repository.budgetLinesOf(id);
    if (lines > 0) {
      throw new RuleViolation("id", "action.delete.hasBudget", action.code(), lines);
    }
    if (repository.childrenOf(id) > 0) {
      throw new RuleViolation("id", "action.delete.hasChildren", action.code());
    }
    em.remove(action);
  }

  Action find(long id) {
    Action action = em.find(Action.class, id);
    if (action == null) {
      throw new NotFoundException(Messages.get("action.notFound", id));
    }
    return action;
  }

  private Organisation organisation(Long id) {
    if (id == null) {
      return null;
    }
    Organisation o = em.find(Organisation.class, id);
    if (o == null) {
      throw new RuleViolation("leadOrganisationId", "action.lead.unknown");
    }
    return o;
  }

  private void checkCodeFree(Grant grant, String code, Long exceptId) {
    if (code != null && !code.isBlank() && repository.codeTaken(grant.id(), code, exceptId)) {
      throw new RuleViolation("code", "action.code.taken", code.trim());
    }
  }

  private static void checkVersion(Action action, Integer version) {
    if (version != null && version != action.version()) {
      throw new ConcurrentEditException(action.code());
    }
  }
}
