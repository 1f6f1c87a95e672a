package fr.jalon.milestone;

import static fr.jalon.platform.Roles.ADMIN;
import static fr.jalon.platform.Roles.BOARD;
import static fr.jalon.platform.Roles.FINANCE;
import static fr.jalon.platform.Roles.PROJECT_MANAGER;

import fr.jalon.audit.AuditContext;
import fr.jalon.audit.AuditEntry;
import fr.jalon.grant.Amendment;
import fr.jalon.grant.CopilDecision;
import fr.jalon.grant.Grant;
import fr.jalon.grant.GrantService;
import fr.jalon.grant.Tranche;
import fr.jalon.grant.TrancheService;
import fr.jalon.grant.TrancheStatus;
import fr.jalon.milestone.MilestoneRecords.EvidenceFile;
import fr.jalon.milestone.MilestoneRecords.Filter;
import fr.jalon.milestone.MilestoneRecords.HistoryEntry;
import fr.jalon.milestone.MilestoneRecords.MilestoneDetail;
import fr.jalon.milestone.MilestoneRecords.MilestoneForm;
import fr.jalon.milestone.MilestoneRecords.MilestoneRow;
import fr.jalon.milestone.MilestoneRecords.NoGoLift;
import fr.jalon.milestone.MilestoneRecords.Page;
import fr.jalon.milestone.MilestoneRecords.Rebaseline;
import fr.jalon.milestone.MilestoneRecords.Transition;
import fr.jalon.plan.Action;
import fr.jalon.platform.ConcurrentEditException;
import fr.jalon.platform.FileKind;
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
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Use cases on milestones (rule 11): the project manager defines them, moves them along and attaches
 * evidence; the administrator moves a baseline by amendment and lifts a NO_GO by the amendment that
 * cites it; everybody reads. A NO_GO validation suspends the tranches after the milestone's tranche.
 */
@ApplicationScoped
public class MilestoneService {
  /** What evidence may be: PDF, office documents, images (checked by content, not by name). */
  public static final Set<FileKind> EVIDENCE_KINDS = Set.of(FileKind.PDF, FileKind.OFFICE_DOCUMENT, FileKind.LEGACY_OFFICE_DOCUMENT, FileKind.PNG, FileKind.JPEG);

  @PersistenceContext EntityManager em;
  @Inject GrantService grants;
  @Inject TrancheService tranches;
  @Inject FileStore files;
  @Inject Clock clock;

  /** One page of the list, filtered and ordered by baseline date, paged in the database. */
  @RolesAllowed({ADMIN, PROJECT_MANAGER, FINANCE, BOARD})
  public Page<MilestoneRow> list(@NotNull Filter filter, int first, int size) {
    Grant grant = grants.grant();
    String where = where(filter);
    TypedQuery<Milestone> q = em.createQuery("SELECT m FROM Milestone m JOIN FETCH m.action LEFT JOIN FETCH m.tranche WHERE " + where
        + " ORDER BY m.baselineDate, m.code", Milestone.class);
    TypedQuery<Long> c = em.createQuery("SELECT COUNT(m) FROM Milestone m WHERE " + where, Long.class);
    bind(q, grant, filter);
    bind(c, grant, filter);
    q.setFirstResult(Math.max(0, first));
    if (size > 0) {
      q.setMaxResults(size);
    }
    return new Page<>(q.getResultList().stream().map(this::row).toList(), c.getSingleResult());
  }

  /** Every milestone of the grant, for the timeline. */
  @RolesAllowed({ADMIN, PROJECT_MANAGER, FINANCE, BOARD})
  public List<MilestoneRow> all() {
    return list(Filter.none(), 0, 0).rows();
  }

  @RolesAllowed({ADMIN, PROJECT_MANAGER, FINANCE, BOARD})
  public MilestoneDetail detail(long id) {
    return detail(find(id));
  }

  @RolesAllowed(PROJECT_MANAGER)
  @Transactional
  public MilestoneDetail create(@NotNull MilestoneForm form) {
    Grant grant = grants.grant();
    checkCodeFree(grant, form.code(), null);
    Milestone m = new Milestone(grant, form.code(), form.title(), action(form.actionId()), form.baselineDate(), form.acceptanceCriteria(),
        Boolean.TRUE.equals(form.goNoGo()), tranche(form.trancheId()));
    if (form.forecastDate() != null && !form.forecastDate().equals(form.baselineDate())) {
      m.replan(form.forecastDate());
    }
    em.persist(m);
    em.flush();
    return detail(m);
  }

  /** Changes what a milestone is and its forecast; a different baseline is refused (only an amendment moves it). */
  @RolesAllowed(PROJECT_MANAGER)
  @Transactional
  public MilestoneDetail update(long id, @NotNull MilestoneForm form) {
    Milestone m = find(id);
    checkVersion(m, form.version());
    if (form.baselineDate() != null && !form.baselineDate().equals(m.baselineDate())) {
      throw new RuleViolation("baselineDate", "milestone.baseline.amendmentOnly");
    }
    checkCodeFree(m.grant(), form.code(), m.id());
    m.describe(form.code(), form.title(), action(form.actionId()), form.acceptanceCriteria(), Boolean.TRUE.equals(form.goNoGo()), tranche(form.trancheId()));
    if (form.forecastDate() != null && !form.forecastDate().equals(m.forecastDate())) {
      m.replan(form.forecastDate());
    }
    em.flush();
    return detail(m);
  }

  /** One step of the milestone's life; a NO_GO validation suspends the tranches after its tranche (rule 11). */
  @RolesAllowed(PROJECT_MANAGER)
  @Transactional
  public MilestoneDetail transition(long id, @NotNull Transition t) {
    Milestone m = find(id);
    if (t.step() == null) {
      throw new RuleViolation("step", "field.required");
    }
    checkVersion(m, t.version());
    switch (t.step()) {
      case START -> m.start();
      case REACH -> m.declareReached(t.date(), clock);
      case VALIDATE -> {
        m.validate(decision(t.decisionId()));
        if (m.noGo()) {
          em.flush();
          tranches.suspendAfter(m.tranche().number(), noGoReason(m));
        }
      }
      case REJECT -> m.reject(decision(t.decisionId()), t.date());
      case ABANDON -> m.abandon();
      case REPLAN -> m.replan(t.date());
    }
    em.flush();
    return detail(m);
  }

  /** Stores an evidence file (PDF, office document, image; refused with the reason otherwise) on an open milestone. */
  @RolesAllowed(PROJECT_MANAGER)
  @Transactional
  public MilestoneDetail addEvidence(long id, @NotNull InputStream content, String fileName) {
    Milestone m = find(id);
    if (m.status().closed()) {
      throw new RuleViolation("evidence", "milestone.evidence.closed", m.code());
    }
    StoredFile file = files.store(content, fileName, EVIDENCE_KINDS, "evidence", AuditContext.actor());
    m.addEvidence(file);
    em.flush();
    return detail(m);
  }

  /** An evidence file of this milestone, for download (every role). */
  @RolesAllowed({ADMIN, PROJECT_MANAGER, FINANCE, BOARD})
  public StoredFile evidence(long id, long fileId) {
    return find(id).evidence().stream().filter(f -> f.id() == fileId).findFirst()
        .orElseThrow(() -> new NotFoundException(Messages.get("file.notFound")));
  }

  /** Moves the baseline by the amendment that does so: the only way it moves. */
  @RolesAllowed(ADMIN)
  @Transactional
  public MilestoneDetail rebaseline(long id, @NotNull Rebaseline request) {
    Milestone m = find(id);
    checkVersion(m, request.version());
    m.rebaseline(amendment(request.amendmentId()), request.baselineDate());
    em.flush();
    return detail(m);
  }

  /**
   * Rule 11: an amendment citing the NO_GO decision of this milestone lifts the suspension; the
   * tranches it suspended are resumed. Returns how many.
   */
  @RolesAllowed(ADMIN)
  @Transactional
  public int liftNoGo(long id, @NotNull NoGoLift request) {
    Milestone m = find(id);
    String reason = m.noGo() ? noGoReason(m) : null;
    m.liftNoGo(amendment(request.amendmentId()));
    int resumed = 0;
    for (Tranche t : em.createQuery("SELECT t FROM Tranche t WHERE t.grant = :grant AND t.number > :n ORDER BY t.number", Tranche.class)
        .setParameter("grant", m.grant())
        .setParameter("n", m.tranche().number())
        .getResultList()) {
      if (t.status() == TrancheStatus.SUSPENDED && Objects.equals(t.statusReason(), reason)) {
        t.resume();
        resumed++;
      }
    }
    em.flush();
    return resumed;
  }

  /** The reason the suspended tranches carry, by which the lift finds them again. */
  static String noGoReason(Milestone m) {
    return Messages.get(Locale.FRENCH, "milestone.noGo.reason", m.decision().reference(), m.code());
  }

  private MilestoneRow row(Milestone m) {
    return new MilestoneRow(m.id(), m.code(), m.title(), m.action().id(), m.action().code(), m.action().title(), m.baselineDate(), m.forecastDate(),
        m.status(), m.goNoGo(), m.tranche() == null ? null : m.tranche().number(), m.late(clock), m.slipping());
  }

  private MilestoneDetail detail(Milestone m) {
    CopilDecision d = m.decision();
    List<EvidenceFile> evidence = m.evidence().stream()
        .map(f -> new EvidenceFile(f.id(), f.originalName(), f.contentType(), f.sizeBytes(), f.storedAt(), f.storedBy())).toList();
    List<HistoryEntry> history = em.createQuery("SELECT a FROM AuditEntry a WHERE a.entityType = 'Milestone' AND a.entityId = :key ORDER BY a.id", AuditEntry.class)
        .setParameter("key", m.code())
        .getResultStream()
        .map(a -> new HistoryEntry(a.at(), a.actor(), a.action(), a.changes()))
        .toList();
    return new MilestoneDetail(m.id(), m.code(), m.title(), m.action().id(), m.action().code(), m.action().title(), m.baselineDate(), m.forecastDate(),
        m.acceptanceCriteria(), m.goNoGo(), m.tranche() == null ? null : m.tranche().id(), m.tranche() == null ? null : m.tranche().number(), m.status(),
        m.reachedOn(), d == null ? null : d.id(), d == null ? null : d.citation(), d == null ? null : d.outcome(),
        m.baselineAmendment() == null ? null : m.baselineAmendment().number(), m.noGoLiftedBy() == null ? null : m.noGoLiftedBy().number(),
        m.late(clock), m.slipping(), evidence, history, m.version());
  }

  private String where(Filter f) {
    StringBuilder s = new StringBuilder("m.grant = :grant");
    if (f.actionId() != null) {
      s.append(" AND m.action.id = :action");
    }
    if (f.status() != null) {
      s.append(" AND m.status = :status");
    }
    if (f.year() != null) {
      s.append(" AND m.baselineDate >= :from AND m.baselineDate <= :to");
    }
    if (Boolean.TRUE.equals(f.late())) {
      s.append(" AND m.baselineDate < :today AND m.status IN (fr.jalon.milestone.MilestoneStatus.PLANNED, fr.jalon.milestone.MilestoneStatus.IN_PROGRESS)");
    }
    return s.toString();
  }

  private void bind(TypedQuery<?> q, Grant grant, Filter f) {
    q.setParameter("grant", grant);
    if (f.actionId() != null) {
      q.setParameter("action", f.actionId());
    }
    if (f.status() != null) {
      q.setParameter("status", f.status());
    }
    if (f.year() != null) {
      q.setParameter("from", LocalDate.of(f.year(), 1, 1));
      q.setParameter("to", LocalDate.of(f.year(), 12, 31));
    }
    if (Boolean.TRUE.equals(f.late())) {
      q.setParameter("today", LocalDate.now(clock));
    }
  }

  private void checkCodeFree(Grant grant, String code, Long self) {
    if (code == null || code.isBlank()) {
      return;
    }
    boolean taken = em.createQuery("SELECT m.id FROM Milestone m WHERE m.grant = :grant AND UPPER(m.code) = :code", Long.class)
        .setParameter("grant", grant)
        .setParameter("code", code.trim().toUpperCase(Locale.ROOT))
        .getResultStream()
        .anyMatch(other -> !other.equals(self));
    if (taken) {
      throw new RuleViolation("code", "milestone.code.taken", code.trim());
    }
  }

  private static void checkVersion(Milestone m, Integer version) {
    if (version == null) {
      throw new RuleViolation("version", "field.required");
    }
    if (version != m.version()) {
      throw new ConcurrentEditException(m.code());
    }
  }

  private Action action(Long id) {
    Action a = id == null ? null : em.find(Action.class, id);
    if (id != null && (a == null || !a.grant().id().equals(grants.grant().id()))) {
      throw new RuleViolation("actionId", "milestone.action.unknown");
    }
    return a;
  }

  private Tranche tranche(Long id) {
    Tranche t = id == null ? null : em.find(Tranche.class, id);
    if (id != null && (t == null || !t.grant().id().equals(grants.grant().id()))) {
      throw new RuleViolation("trancheId", "milestone.tranche.unknown");
    }
    return t;
  }

  private CopilDecision decision(Long id) {
    return id == null ? null : em.find(CopilDecision.class, id);
  }

  private Amendment amendment(Long id) {
    Amendment a = id == null ? null : em.find(Amendment.class, id);
    if (a == null) {
      throw new RuleViolation("amendmentId", "milestone.amendment.unknown");
    }
    return a;
  }

  Milestone find(long id) {
    Milestone m = em.find(Milestone.class, id);
    if (m == null || !m.grant().id().equals(grants.grant().id())) {
      throw new NotFoundException(Messages.get("milestone.notFound"));
    }
    return m;
  }
}
