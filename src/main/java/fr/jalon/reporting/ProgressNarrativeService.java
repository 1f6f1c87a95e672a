package fr.jalon.reporting;

import static fr.jalon.platform.Roles.ADMIN;
import static fr.jalon.platform.Roles.BOARD;
import static fr.jalon.platform.Roles.FINANCE;
import static fr.jalon.platform.Roles.PROJECT_MANAGER;

import fr.jalon.audit.AuditContext;
import fr.jalon.grant.Grant;
import fr.jalon.grant.GrantService;
import fr.jalon.plan.Action;
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
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The project manager's narratives per action and year, which the progress report carries, and the
 * grant's continuation text (what continues after the grant), which the final report carries.
 * Every role reads them; the project manager writes them ({@link #write}, {@link #writeContinuation}).
 */
@ApplicationScoped
public class ProgressNarrativeService {
  /** One action of a year with its narrative ({@code version} null while none was written). */
  public record NarrativeRow(Long actionId, String actionCode, String actionTitle, int year, String progress, String gaps, String nextPlan,
      LocalDateTime updatedAt, String updatedBy, Integer version) implements java.io.Serializable {}

  /** What the page or {@code PUT /api/progress-narratives/{year}/{actionId}} sends; {@code version} null for a first narrative. */
  public record NarrativeForm(String progress, String gaps, String nextPlan, Integer version) implements java.io.Serializable {}

  /** The grant's continuation text for the final report ({@code version} null while none was written). */
  public record ContinuationRow(String continuation, LocalDateTime updatedAt, String updatedBy, Integer version) implements java.io.Serializable {}

  /** What the page or {@code PUT /api/progress-narratives/continuation} sends; {@code version} null for a first text. */
  public record ContinuationForm(String continuation, Integer version) implements java.io.Serializable {}

  @PersistenceContext EntityManager em;
  @Inject GrantService grants;
  @Inject Clock clock;

  /** Every action of the grant whose dates meet {@code year}, in code order, with its narrative of that year. */
  @RolesAllowed({ADMIN, PROJECT_MANAGER, FINANCE, BOARD})
  public List<NarrativeRow> ofYear(int year) {
    return ofYear(grants.grant(), year);
  }

  /** The same outside the container (the progress report, tests). */
  public List<NarrativeRow> ofYear(Grant grant, int year) {
    checkYear(grant, year);
    Map<Long, ProgressNarrative> written = new HashMap<>();
    em.createQuery("SELECT n FROM ProgressNarrative n WHERE n.grant = :g AND n.year = :y", ProgressNarrative.class).setParameter("g", grant).setParameter("y", year)
        .getResultList().forEach(n -> written.put(n.action().id(), n));
    return em.createQuery("SELECT a FROM Action a WHERE a.grant = :g AND (a.startDate IS NULL OR a.startDate <= :end) AND (a.endDate IS NULL OR a.endDate >= :start)"
            + " ORDER BY a.code", Action.class)
        .setParameter("g", grant).setParameter("start", LocalDate.of(year, 1, 1)).setParameter("end", LocalDate.of(year, 12, 31)).getResultList().stream()
        .map(a -> row(a, year, written.get(a.id()))).toList();
  }

  @RolesAllowed({ADMIN, PROJECT_MANAGER, FINANCE, BOARD})
  public NarrativeRow get(int year, long actionId) {
    Grant grant = grants.grant();
    checkYear(grant, year);
    Action action = action(grant, actionId);
    return row(action, year, find(action, year));
  }

  /** Writes the narrative of an action for a year (the project manager's). */
  @RolesAllowed(PROJECT_MANAGER)
  @Transactional
  public NarrativeRow write(int year, long actionId, NarrativeForm form) {
    Grant grant = grants.grant();
    checkYear(grant, year);
    Action action = action(grant, actionId);
    if (form == null || (blank(form.progress()) && blank(form.gaps()) && blank(form.nextPlan()))) {
      throw new RuleViolation("progress", "narrative.required");
    }
    ProgressNarrative n = find(action, year);
    if (n == null) {
      if (form.version() != null) {
        throw new ConcurrentEditException(action.code() + " " + year);
      }
      n = new ProgressNarrative(action, year);
      n.write(form.progress(), form.gaps(), form.nextPlan(), LocalDateTime.now(clock), AuditContext.actor());
      em.persist(n);
    } else {
      if (form.version() == null || form.version() != n.version()) {
        throw new ConcurrentEditException(action.code() + " " + year);
      }
      n.write(form.progress(), form.gaps(), form.nextPlan(), LocalDateTime.now(clock), AuditContext.actor());
    }
    em.flush();
    return row(action, year, n);
  }

  /** What continues after the grant (pérennisation), as the final report carries it. */
  @RolesAllowed({ADMIN, PROJECT_MANAGER, FINANCE, BOARD})
  public ContinuationRow continuation() {
    return continuation(grants.grant());
  }

  /** The same outside the container (the final report, tests). */
  public ContinuationRow continuation(Grant grant) {
    ContinuationNarrative c = findContinuation(grant);
    return c == null ? new ContinuationRow(null, null, null, null) : new ContinuationRow(c.continuation(), c.updatedAt(), c.updatedBy(), c.version());
  }

  /** Writes what continues after the grant (the project manager's). */
  @RolesAllowed(PROJECT_MANAGER)
  @Transactional
  public ContinuationRow writeContinuation(ContinuationForm form) {
    Grant grant = grants.grant();
    ContinuationNarrative c = findContinuation(grant);
    String text = form == null ? null : form.continuation();
    Integer version = form == null ? null : form.version();
    if (blank(text)) {
      throw new RuleViolation("continuation", "continuation.required");
    }
    if (c == null) {
      if (version != null) {
        throw new ConcurrentEditException(grant.reference());
      }
      c = new ContinuationNarrative(grant);
      c.write(text, LocalDateTime.now(clock), AuditContext.actor());
      em.persist(c);
    } else {
      if (version == null || version != c.version()) {
        throw new ConcurrentEditException(grant.reference());
      }
      c.write(text, LocalDateTime.now(clock), AuditContext.actor());
    }
    em.flush();
    return continuation(grant);
  }

  private ContinuationNarrative findContinuation(Grant grant) {
    return em.createQuery("SELECT c FROM ContinuationNarrative c WHERE c.grant = :g", ContinuationNarrative.class).setParameter("g", grant)
        .getResultStream().findFirst().orElse(null);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private ProgressNarrative find(Action action, int year) {
    return em.createQuery("SELECT n FROM ProgressNarrative n WHERE n.action = :a AND n.year = :y", ProgressNarrative.class).setParameter("a", action).setParameter("y", year)
        .getResultStream().findFirst().orElse(null);
  }

  private Action action(Grant grant, long actionId) {
    Action a = em.find(Action.class, actionId);
    if (a == null || !a.grant().id().equals(grant.id())) {
      throw new NotFoundException(Messages.get("narrative.action.notFound", actionId));
    }
    return a;
  }

  private static void checkYear(Grant grant, int year) {
    if (!grant.years().contains(year)) {
      throw new RuleViolation("year", "narrative.year.outside", year, grant.years().get(0), grant.years().get(grant.years().size() - 1));
    }
  }

  private static NarrativeRow row(Action a, int year, ProgressNarrative n) {
    return n == null
        ? new NarrativeRow(a.id(), a.code(), a.title(), year, null, null, null, null, null, null)
        : new NarrativeRow(a.id(), a.code(), a.title(), year, n.progress(), n.gaps(), n.nextPlan(), n.updatedAt(), n.updatedBy(), n.version());
  }
}
