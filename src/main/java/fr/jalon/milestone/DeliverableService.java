package fr.jalon.milestone;

import static fr.jalon.platform.Roles.ADMIN;
import static fr.jalon.platform.Roles.BOARD;
import static fr.jalon.platform.Roles.FINANCE;
import static fr.jalon.platform.Roles.PROJECT_MANAGER;

import fr.jalon.audit.AuditContext;
import fr.jalon.grant.Grant;
import fr.jalon.grant.GrantService;
import fr.jalon.milestone.MilestoneRecords.DeliverableForm;
import fr.jalon.milestone.MilestoneRecords.DeliverableReview;
import fr.jalon.milestone.MilestoneRecords.DeliverableRow;
import fr.jalon.plan.Action;
import fr.jalon.platform.ConcurrentEditException;
import fr.jalon.platform.FileStore;
import fr.jalon.platform.Messages;
import fr.jalon.platform.NotFoundException;
import fr.jalon.platform.RuleViolation;
import fr.jalon.platform.StoredFile;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

/** Use cases on deliverables: the project manager defines, submits (with the file) and reviews them; everybody reads. */
@ApplicationScoped
public class DeliverableService {
  @PersistenceContext EntityManager em;
  @Inject GrantService grants;
  @Inject FileStore files;
  @Inject Clock clock;

  @RolesAllowed({ADMIN, PROJECT_MANAGER, FINANCE, BOARD})
  public List<DeliverableRow> list() {
    return em.createQuery("SELECT d FROM Deliverable d LEFT JOIN FETCH d.milestone LEFT JOIN FETCH d.file WHERE d.grant = :grant ORDER BY d.dueDate, d.code", Deliverable.class)
        .setParameter("grant", grants.grant())
        .getResultStream()
        .map(this::row)
        .toList();
  }

  @RolesAllowed({ADMIN, PROJECT_MANAGER, FINANCE, BOARD})
  public DeliverableRow get(long id) {
    return row(find(id));
  }

  @RolesAllowed(PROJECT_MANAGER)
  @Transactional
  public DeliverableRow create(@NotNull DeliverableForm form) {
    Grant grant = grants.grant();
    checkCodeFree(grant, form.code(), null);
    Deliverable d = new Deliverable(grant, form.code(), form.title(), action(form.actionId()), milestone(form.milestoneId()), form.dueDate());
    em.persist(d);
    em.flush();
    return row(d);
  }

  @RolesAllowed(PROJECT_MANAGER)
  @Transactional
  public DeliverableRow update(long id, @NotNull DeliverableForm form) {
    Deliverable d = find(id);
    checkVersion(d, form.version());
    checkCodeFree(d.grant(), form.code(), d.id());
    d.describe(form.code(), form.title(), action(form.actionId()), milestone(form.milestoneId()), form.dueDate());
    em.flush();
    return row(d);
  }

  /** Submits the deliverable with its file (PDF, office document, image), today. */
  @RolesAllowed(PROJECT_MANAGER)
  @Transactional
  public DeliverableRow submit(long id, @NotNull InputStream content, String fileName) {
    Deliverable d = find(id);
    if (d.status() != DeliverableStatus.EXPECTED && d.status() != DeliverableStatus.REJECTED) {
      throw new RuleViolation("status", "deliverable.submit.notOpen", d.code());
    }
    StoredFile file = files.store(content, fileName, MilestoneService.EVIDENCE_KINDS, "file", AuditContext.actor());
    d.submit(file, null, clock);
    em.flush();
    return row(d);
  }

  @RolesAllowed(PROJECT_MANAGER)
  @Transactional
  public DeliverableRow review(long id, @NotNull DeliverableReview review) {
    Deliverable d = find(id);
    checkVersion(d, review.version());
    if (review.review() == null) {
      throw new RuleViolation("review", "field.required");
    }
    switch (review.review()) {
      case ACCEPT -> d.accept();
      case REJECT -> d.reject();
    }
    em.flush();
    return row(d);
  }

  @RolesAllowed({ADMIN, PROJECT_MANAGER, FINANCE, BOARD})
  public StoredFile file(long id) {
    StoredFile f = find(id).file();
    if (f == null) {
      throw new NotFoundException(Messages.get("file.notFound"));
    }
    return f;
  }

  private DeliverableRow row(Deliverable d) {
    return new DeliverableRow(d.id(), d.code(), d.title(), d.action() == null ? null : d.action().id(), d.action() == null ? null : d.action().code(),
        d.milestone() == null ? null : d.milestone().id(), d.milestone() == null ? null : d.milestone().code(), d.dueDate(), d.submittedOn(),
        d.file() == null ? null : d.file().id(), d.file() == null ? null : d.file().originalName(), d.status(), d.late(clock), d.version());
  }

  private void checkCodeFree(Grant grant, String code, Long self) {
    if (code == null || code.isBlank()) {
      return;
    }
    boolean taken = em.createQuery("SELECT d.id FROM Deliverable d WHERE d.grant = :grant AND UPPER(d.code) = :code", Long.class)
        .setParameter("grant", grant)
        .setParameter("code", code.trim().toUpperCase(Locale.ROOT))
        .getResultStream()
        .anyMatch(other -> !other.equals(self));
    if (taken) {
      throw new RuleViolation("code", "deliverable.code.taken", code.trim());
    }
  }

  private static void checkVersion(Deliverable d, Integer version) {
    if (version == null) {
      throw new RuleViolation("version", "field.required");
    }
    if (version != d.version()) {
      throw new ConcurrentEditException(d.code());
    }
  }

  private Action action(Long id) {
    Action a = id == null ? null : em.find(Action.class, id);
    if (id != null && (a == null || !a.grant().id().equals(grants.grant().id()))) {
      throw new RuleViolation("actionId", "milestone.action.unknown");
    }
    return a;
  }

  private Milestone milestone(Long id) {
    Milestone m = id == null ? null : em.find(Milestone.class, id);
    if (id != null && (m == null || !m.grant().id().equals(grants.grant().id()))) {
      throw new RuleViolation("milestoneId", "milestone.notFound");
    }
    return m;
  }

  private Deliverable find(long id) {
    Deliverable d = em.find(Deliverable.class, id);
    if (d == null || !d.grant().id().equals(grants.grant().id())) {
      throw new NotFoundException(Messages.get("deliverable.notFound"));
    }
    return d;
  }
}
