package fr.jalon.reporting;

import static fr.jalon.platform.Roles.FINANCE;
import static fr.jalon.platform.Roles.PROJECT_MANAGER;

import fr.jalon.grant.Grant;
import fr.jalon.grant.GrantService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The steps of the periodic generation, each in a transaction of its own (see {@link
 * PeriodicReports}): list the periods to generate, claim one (the INSERT that only one caller can
 * make), generate its draft and tell the project manager and finance, or record why it was refused.
 */
@ApplicationScoped
public class ReportRuns {
  /** The roles told that a draft is waiting. */
  static final List<String> RECIPIENTS = List.of(PROJECT_MANAGER, FINANCE);

  @PersistenceContext EntityManager em;
  @Inject GrantService grants;
  @Inject ReportService reports;
  @Inject Clock clock;

  /** The rhythm of each type: the stored settings; a type without a row is off. */
  @Transactional
  public Map<ReportType, Rhythm> rhythms() {
    return em.createQuery("SELECT s FROM ScheduleSetting s", ScheduleSetting.class).getResultList().stream()
        .collect(Collectors.toMap(ScheduleSetting::type, ScheduleSetting::rhythm));
  }

  /** The periods to generate on {@code today} that no claim holds yet (the claim still decides). */
  @Transactional
  public List<DuePeriods.Period> due(LocalDate today) {
    if (!grants.exists()) {
      return List.of();
    }
    Grant grant = grants.grant();
    Set<String> claimed = new HashSet<>(em.createQuery("SELECT r FROM ReportRun r WHERE r.grantId = :g", ReportRun.class)
        .setParameter("g", grant.id()).getResultList().stream().map(r -> key(r.type(), r.periodFrom(), r.periodTo())).toList());
    List<DuePeriods.Period> result = new ArrayList<>();
    Set<ReportType> generatable = new HashSet<>(reports.generatableTypes());
    for (Map.Entry<ReportType, Rhythm> e : rhythms().entrySet()) {
      if (e.getKey().scope() != ReportType.Scope.PERIOD || !generatable.contains(e.getKey())) {
        continue; // A type nobody can generate yet is left unclaimed, for when its generator arrives.
      }
      DuePeriods.toGenerate(e.getKey(), e.getValue(), grant.eligibilityStart(), grant.endDate(), day -> grant.parametersOn(day).values(), today).stream()
          .filter(p -> !claimed.contains(key(p.type(), p.from(), p.to()))).forEach(result::add);
    }
    result.sort(java.util.Comparator.comparing(DuePeriods.Period::to).thenComparing(DuePeriods.Period::type));
    return result;
  }

  /** Claims a period: alone in its transaction, so a duplicate key (another instance, an earlier run) fails here and nowhere else. */
  @Transactional(TxType.REQUIRES_NEW)
  public long claim(DuePeriods.Period period) {
    ReportRun run = new ReportRun(grants.grant().id(), period.type(), period.from(), period.to(), period.due(), LocalDateTime.now(clock));
    em.persist(run);
    em.flush();
    return run.id();
  }

  /**
   * Generates the claimed period's draft through the lifecycle (its files are made outside any
   * transaction); the run records the draft and the project manager and finance are told in the
   * transaction that stores its files, so a draft is never ready without its notice nor the reverse.
   */
  public long generate(long runId, Locale locale) {
    ReportRun claimed = em.find(ReportRun.class, runId);
    ReportRow row = reports.generate(new ReportService.GenerateRequest(claimed.type(), claimed.periodFrom(), claimed.periodTo(), null), locale, made -> {
      ReportRun run = em.find(ReportRun.class, runId);
      run.generated(made.id());
      notify(run, Notification.Kind.DRAFT_READY, made.id(), null);
      em.flush();
    });
    return row.id();
  }

  /** Records why a claimed period has no draft; a refusal (not a report made by hand already) is told too. It is not retried. */
  @Transactional(TxType.REQUIRES_NEW)
  public void refused(long runId, ReportRun.Outcome outcome, String message) {
    ReportRun run = em.find(ReportRun.class, runId);
    run.refused(outcome, message);
    if (outcome == ReportRun.Outcome.REFUSED) {
      notify(run, Notification.Kind.GENERATION_FAILED, null, message);
    }
    em.flush();
  }

  private void notify(ReportRun run, Notification.Kind kind, Long reportId, String detail) {
    for (String role : RECIPIENTS) {
      em.persist(new Notification(run, role, kind, reportId, detail, LocalDateTime.now(clock)));
    }
  }

  private static String key(ReportType type, LocalDate from, LocalDate to) {
    return type + "|" + from + "|" + to;
  }
}
