package fr.jalon.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import fr.jalon.audit.AuditContext;
import fr.jalon.dashboard.ReportCalendar;
import fr.jalon.expense.ExpenseFixtures;
import fr.jalon.expense.ExpenseService;
import fr.jalon.grant.Cofunding;
import fr.jalon.grant.Grant;
import fr.jalon.grant.GrantFixtures;
import fr.jalon.plan.Action;
import fr.jalon.plan.CostCategory;
import fr.jalon.platform.FileStore;
import fr.jalon.platform.PlatformFixtures;
import fr.jalon.platform.Roles;
import fr.jalon.platform.TestDatabase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The periodic generation against the real schema, with two persistence units over one database
 * standing for two instances (or one instance before and after a restart): each period's draft is
 * generated once, with the clock moved across the period's end; concurrent passes make one report;
 * a refusal is recorded, notified and not retried; a first start does not generate the history;
 * the project manager and finance are notified; a submitted report stops the dashboard's warning.
 */
class PeriodicReportsTest {
  static final LocalDate Y2024_FROM = LocalDate.of(2024, 1, 1);
  static final LocalDate Y2024_TO = LocalDate.of(2024, 12, 31);

  TestDatabase db;
  final List<EntityManagerFactory> factories = new ArrayList<>();
  @TempDir Path data;

  @BeforeEach
  void start() {
    db = new TestDatabase();
    db.run(em -> {
      Grant g = ExpenseFixtures.grant();
      em.persist(g.beneficiary());
      em.persist(g);
      Action a1 = new Action(g, null, "A1", "Plateau technique", null, null, g.eligibilityStart(), g.endDate());
      CostCategory inv = new CostCategory(g, "INV", "Investissement", true, false, "2", 1);
      Cofunding pia = ExpenseFixtures.pia(g);
      List.of(a1, inv, pia.funder(), pia).forEach(em::persist);
      for (int i = 0; i < 5; i++) {
        LocalDate day = LocalDate.of(2024, 2 + i, 10);
        em.persist(ExpenseFixtures.paid(g, a1, inv, pia, "Usinage Sud", "F-" + i, day, new BigDecimal("1000.00"), new BigDecimal("200.00"), day.plusDays(5), true, null));
      }
      // Paid in 2025 without its receipt: the 2025 statement is refused.
      em.persist(ExpenseFixtures.paid(g, a1, inv, pia, "Usinage Sud", "S-1", LocalDate.of(2025, 3, 1), new BigDecimal("800.00"), new BigDecimal("160.00"), LocalDate.of(2025, 3, 10), false, null));
      em.flush();
      new fr.jalon.execution.ExecutionTotals(em).rebuild(g.id());
    });
  }

  @AfterEach
  void stop() {
    factories.forEach(EntityManagerFactory::close);
    db.close();
  }

  /** One instance of Jalon: its own persistence unit on the shared database, its own services, its clock. */
  PeriodicReports instance(LocalDate today) {
    EntityManagerFactory emf = db.factory();
    factories.add(emf);
    PeriodicReports p = new PeriodicReports();
    p.runs = new TxRuns(emf, data, clock(today));
    return p;
  }

  static Clock clock(LocalDate day) {
    return Clock.fixed(day.atTime(6, 0).atZone(ZoneId.of("Europe/Paris")).toInstant(), ZoneId.of("Europe/Paris"));
  }

  /** The steps, each in a transaction of its own on {@code emf}, as the container runs them. */
  static final class TxRuns extends ReportRuns {
    private final EntityManagerFactory emf;
    private final Path data;
    private final Clock clock;

    TxRuns(EntityManagerFactory emf, Path data, Clock clock) {
      this.emf = emf;
      this.data = data;
      this.clock = clock;
    }

    <T> T tx(Function<ReportRuns, T> work) {
      EntityManager em = emf.createEntityManager();
      try {
        em.getTransaction().begin();
        FileStore files = PlatformFixtures.fileStore(em, data, clock);
        ExpenseService expenses = ExpenseFixtures.expenseService(em, files, clock);
        ReportRuns r = new ReportRuns();
        r.em = em;
        r.grants = GrantFixtures.grantService(em);
        r.reports = ReportFixtures.reportService(em, expenses, files, clock);
        r.clock = clock;
        T result = work.apply(r);
        em.getTransaction().commit();
        return result;
      } finally {
        if (em.getTransaction().isActive()) {
          em.getTransaction().rollback();
        }
        em.close();
      }
    }

    @Override
    public Map<ReportType, Rhythm> rhythms() {
      return tx(ReportRuns::rhythms);
    }

    @Override
    public List<DuePeriods.Period> due(LocalDate today) {
      return tx(r -> r.due(today));
    }

    @Override
    public long claim(DuePeriods.Period period) {
      return tx(r -> r.claim(period));
    }

    @Override
    public long generate(long runId, Locale locale) {
      return tx(r -> r.generate(runId, locale));
    }

    @Override
    public void refused(long runId, ReportRun.Outcome outcome, String message) {
      tx(r -> {
        r.refused(runId, outcome, message);
        return null;
      });
    }
  }

  long reports(LocalDate from, LocalDate to) {
    return db.inTransaction(em -> em.createQuery("SELECT COUNT(r) FROM Report r WHERE r.type = :t AND r.periodFrom = :f AND r.periodTo = :to", Long.class)
        .setParameter("t", ReportType.ERD).setParameter("f", from).setParameter("to", to).getSingleResult());
  }

  List<ReportRun> runs() {
    return db.inTransaction(em -> em.createQuery("SELECT r FROM ReportRun r ORDER BY r.periodTo", ReportRun.class).getResultList());
  }

  List<Notification> notifications() {
    return db.inTransaction(em -> em.createQuery("SELECT n FROM Notification n ORDER BY n.id", Notification.class).getResultList());
  }

  @Test
  void aPeriodsDraftIsGeneratedOnceAcrossARestartWithTheClockMovedAcrossItsEnd() {
    // Before the end of 2024: the 2024 statement is not due yet (the latest ended period, 2023, is).
    PeriodicReports first = instance(LocalDate.of(2024, 12, 31));
    first.generateDue(LocalDate.of(2024, 12, 31));
    assertThat(reports(Y2024_FROM, Y2024_TO)).isZero();

    // The clock moves past the period's end: generated.
    PeriodicReports.Outcome o = first.generateDue(LocalDate.of(2025, 1, 1));
    assertThat(o.generated()).isEqualTo(1);
    assertThat(reports(Y2024_FROM, Y2024_TO)).isEqualTo(1);

    // A restart: another persistence unit, other services, later days. Nothing more.
    PeriodicReports restarted = instance(LocalDate.of(2025, 1, 2));
    assertThat(restarted.generateDue(LocalDate.of(2025, 1, 2)).generated()).isZero();
    assertThat(restarted.generateDue(LocalDate.of(2025, 2, 27)).generated()).isZero();
    assertThat(reports(Y2024_FROM, Y2024_TO)).isEqualTo(1);
    assertThat(runs()).filteredOn(r -> r.periodTo().equals(Y2024_TO)).singleElement().satisfies(r -> {
      assertThat(r.outcome()).isEqualTo(ReportRun.Outcome.GENERATED);
      assertThat(r.dueOn()).isEqualTo(LocalDate.of(2025, 3, 1));
      assertThat(r.reportId()).isNotNull();
    });
  }

  @Test
  void aClaimAlreadyMadeIsSwallowedOnlyAsADuplicateKey() {
    PeriodicReports one = instance(LocalDate.of(2025, 1, 1));
    DuePeriods.Period p = new DuePeriods.Period(ReportType.ERD, Y2024_FROM, Y2024_TO, LocalDate.of(2025, 3, 1));
    one.runs.claim(p);
    RuntimeException duplicate = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class, () -> instance(LocalDate.of(2025, 1, 1)).runs.claim(p));
    assertThat(PeriodicReports.duplicateKey(duplicate)).isTrue();
    assertThat(PeriodicReports.duplicateKey(new IllegalStateException("autre"))).isFalse();
    // The claim stands: the period is no longer due for anybody.
    assertThat(instance(LocalDate.of(2025, 1, 1)).runs.due(LocalDate.of(2025, 1, 1))).noneMatch(d -> d.to().equals(Y2024_TO));
  }

  @Test
  void twoInstancesPassingAtOnceMakeOneReport() throws Exception {
    LocalDate day = LocalDate.of(2025, 1, 5);
    PeriodicReports a = instance(day);
    PeriodicReports b = instance(day);
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<PeriodicReports.Outcome> fa = pool.submit(() -> {
        go.await();
        return a.generateDue(day);
      });
      Future<PeriodicReports.Outcome> fb = pool.submit(() -> {
        go.await();
        return b.generateDue(day);
      });
      go.countDown();
      int generated = fa.get().generated() + fb.get().generated();
      assertThat(generated).isEqualTo(1);
    } finally {
      pool.shutdown();
    }
    assertThat(reports(Y2024_FROM, Y2024_TO)).isEqualTo(1);
    assertThat(runs()).hasSize(1);
  }

  @Test
  void aFirstStartGeneratesTheLatestEndedPeriodNotTheHistory() {
    // Eligible since 2020-09-01: on 2026-01-02 the periods 2020 to 2025 have ended; only 2025 is taken.
    instance(LocalDate.of(2026, 1, 2)).generateDue(LocalDate.of(2026, 1, 2));
    assertThat(runs()).extracting(ReportRun::periodFrom, ReportRun::periodTo).containsExactly(org.assertj.core.groups.Tuple.tuple(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)));
  }

  @Test
  void aRefusedGenerationIsRecordedNotifiedAndNotRetried() {
    PeriodicReports p = instance(LocalDate.of(2026, 1, 2));
    PeriodicReports.Outcome o = p.generateDue(LocalDate.of(2026, 1, 2));
    assertThat(o.refused()).isEqualTo(1);
    ReportRun run = runs().get(0);
    assertThat(run.outcome()).isEqualTo(ReportRun.Outcome.REFUSED);
    assertThat(run.failure()).contains("S-1").contains("justificatif");
    assertThat(run.reportId()).isNull();
    assertThat(notifications()).extracting(Notification::role, Notification::kind)
        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(Roles.PROJECT_MANAGER, Notification.Kind.GENERATION_FAILED),
            org.assertj.core.groups.Tuple.tuple(Roles.FINANCE, Notification.Kind.GENERATION_FAILED));

    assertThat(instance(LocalDate.of(2026, 1, 3)).generateDue(LocalDate.of(2026, 1, 3))).isEqualTo(new PeriodicReports.Outcome(0, 0, 0));
    assertThat(runs()).hasSize(1);
    assertThat(notifications()).hasSize(2);
  }

  @Test
  void theProjectManagerAndFinanceAreToldADraftIsWaitingWithItsDueDate() {
    instance(LocalDate.of(2025, 1, 1)).generateDue(LocalDate.of(2025, 1, 1));
    List<Notification> all = notifications();
    assertThat(all).extracting(Notification::role).containsExactlyInAnyOrder(Roles.PROJECT_MANAGER, Roles.FINANCE);
    assertThat(all).allSatisfy(n -> {
      assertThat(n.kind()).isEqualTo(Notification.Kind.DRAFT_READY);
      assertThat(n.dueOn()).isEqualTo(LocalDate.of(2025, 3, 1));
      assertThat(n.reportId()).isNotNull();
    });

    db.run(em -> {
      NotificationService finance = notificationService(em, Roles.FINANCE);
      NotificationService board = notificationService(em, Roles.BOARD);
      assertThat(finance.unread()).isEqualTo(1);
      assertThat(board.unread()).isZero();
      assertThat(board.mine(Locale.FRENCH)).isEmpty();
      NotificationService.NotificationRow row = finance.mine(Locale.FRENCH).get(0);
      assertThat(row.text()).isEqualTo("Brouillon « État récapitulatif des dépenses » du 01/01/2024 au 31/12/2024 généré par Jalon : à remettre avant le 01/03/2025.");
      finance.markRead(row.id(), new NotificationService.Read(row.version()), Locale.FRENCH);
      assertThat(finance.unread()).isZero();
      assertThat(notificationService(em, Roles.PROJECT_MANAGER).unread()).isEqualTo(1);
      org.junit.jupiter.api.Assertions.assertThrows(fr.jalon.platform.NotFoundException.class,
          () -> board.markRead(row.id(), new NotificationService.Read(row.version()), Locale.FRENCH));
    });
  }

  NotificationService notificationService(EntityManager em, String role) {
    NotificationService s = new NotificationService();
    s.em = em;
    s.grants = GrantFixtures.grantService(em);
    s.clock = clock(LocalDate.of(2025, 1, 2));
    s.inRole = r -> r.equals(role);
    return s;
  }

  @Test
  void aSubmittedReportStopsTheDashboardsLateWarningForItsPeriod() {
    instance(LocalDate.of(2025, 1, 1)).generateDue(LocalDate.of(2025, 1, 1));
    LocalDate today = LocalDate.of(2025, 6, 1);
    Function<EntityManager, List<ReportCalendar.DueReport>> late = em -> {
      ArchiveSubmissions archive = new ArchiveSubmissions();
      archive.em = em;
      archive.grants = GrantFixtures.grantService(em);
      Grant g = archive.grants.grant();
      ReportCalendar calendar = new ReportCalendar(g.eligibilityStart(), g.endDate(), d -> g.parametersOn(d).values());
      return calendar.next(today, archive::submitted, true).stream()
          .filter(d -> d.type() == ReportCalendar.ReportType.ERD && d.warning() == ReportCalendar.Warning.LATE).toList();
    };
    assertThat(db.inTransaction(late)).extracting(ReportCalendar.DueReport::periodEnd).contains(Y2024_TO);
    // A draft does not count; a submitted one does.
    db.run(em -> em.createNativeQuery("UPDATE REPORT SET STATUS = 'SUBMITTED' WHERE PERIOD_TO = ?").setParameter(1, Y2024_TO).executeUpdate());
    assertThat(db.inTransaction(late)).extracting(ReportCalendar.DueReport::periodEnd).doesNotContain(Y2024_TO).isNotEmpty();
  }

  @Test
  void aTypeTurnedOffByTheAdministratorIsNotGenerated() {
    db.run(em -> {
      ScheduleService schedule = new ScheduleService();
      schedule.em = em;
      ScheduleService.ScheduleRow erd = schedule.settings().stream().filter(r -> r.type() == ReportType.ERD).findFirst().orElseThrow();
      assertThat(erd.rhythm()).isEqualTo(Rhythm.REPORTING_PERIOD);
      schedule.change(List.of(new ScheduleService.ScheduleRow(ReportType.ERD, Rhythm.OFF, erd.version())));
      org.junit.jupiter.api.Assertions.assertThrows(fr.jalon.platform.RuleViolation.class,
          () -> schedule.change(List.of(new ScheduleService.ScheduleRow(ReportType.FINAL, Rhythm.YEAR, null))));
    });
    assertThat(instance(LocalDate.of(2025, 1, 1)).generateDue(LocalDate.of(2025, 1, 1)).generated()).isZero();
    assertThat(runs()).isEmpty();
  }

  @Test
  void dueDatesFollowTheRhythmAndTheGrantsDelay() {
    Grant g = ExpenseFixtures.grant();
    Function<LocalDate, fr.jalon.grant.ParameterValues> params = d -> g.parametersOn(d).values();
    // Quarterly, 60 days: on 15/02/2025 Q4 2024 (due 01/03/2025) is taken, Q3 2024 (due 29/11/2024) is not.
    assertThat(DuePeriods.toGenerate(ReportType.BUDGET_EXECUTION, Rhythm.QUARTER, g.eligibilityStart(), g.endDate(), params, LocalDate.of(2025, 2, 15)))
        .containsExactly(new DuePeriods.Period(ReportType.BUDGET_EXECUTION, LocalDate.of(2024, 10, 1), LocalDate.of(2024, 12, 31), LocalDate.of(2025, 3, 1)));
    // Long after: still the latest ended one, late, and only it.
    assertThat(DuePeriods.toGenerate(ReportType.BUDGET_EXECUTION, Rhythm.QUARTER, g.eligibilityStart(), g.endDate(), params, LocalDate.of(2025, 6, 15)))
        .extracting(DuePeriods.Period::to).containsExactly(LocalDate.of(2025, 3, 31));
    // School year: the first runs from the eligibility start to 31 August; due 30 October.
    List<DuePeriods.Period> school = DuePeriods.all(ReportType.INDICATORS, Rhythm.SCHOOL_YEAR, g.eligibilityStart(), g.endDate(), params);
    assertThat(school.get(0)).isEqualTo(new DuePeriods.Period(ReportType.INDICATORS, LocalDate.of(2020, 9, 1), LocalDate.of(2021, 8, 31), LocalDate.of(2021, 10, 30)));
    assertThat(school.get(school.size() - 1).to()).isEqualTo(g.endDate());
    // The day a period ends, it is not generated yet; the next day it is.
    assertThat(DuePeriods.toGenerate(ReportType.ERD, Rhythm.REPORTING_PERIOD, g.eligibilityStart(), g.endDate(), params, LocalDate.of(2024, 12, 31)))
        .extracting(DuePeriods.Period::to).containsExactly(LocalDate.of(2023, 12, 31));
    assertThat(DuePeriods.toGenerate(ReportType.ERD, Rhythm.REPORTING_PERIOD, g.eligibilityStart(), g.endDate(), params, LocalDate.of(2025, 1, 1)))
        .extracting(DuePeriods.Period::to).containsExactly(LocalDate.of(2024, 12, 31));
    assertThat(DuePeriods.toGenerate(ReportType.ERD, Rhythm.OFF, g.eligibilityStart(), g.endDate(), params, LocalDate.of(2025, 1, 1))).isEmpty();
    // The dashboard's warnings on the due date: D-30, D-7 (the due day included), then late.
    assertThat(ReportCalendar.warning(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 1, 31))).isEqualTo(ReportCalendar.Warning.D30);
    assertThat(ReportCalendar.warning(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 1))).isEqualTo(ReportCalendar.Warning.D7);
    assertThat(ReportCalendar.warning(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 2))).isEqualTo(ReportCalendar.Warning.LATE);
    assertThat(Set.of(ReportCalendar.ReportType.values())).allSatisfy(t -> assertThat(ArchiveSubmissions.map(t).name()).isEqualTo(t.name()));
  }
}
