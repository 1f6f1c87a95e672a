package fr.jalon.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.jalon.audit.AuditContext;
import fr.jalon.dashboard.DashboardFigures;
import fr.jalon.execution.ExecutionFigures;
import fr.jalon.expense.ExpenseFixtures;
import fr.jalon.expense.ExpenseService;
import fr.jalon.grant.Cofunding;
import fr.jalon.grant.Grant;
import fr.jalon.plan.Action;
import fr.jalon.plan.BudgetLine;
import fr.jalon.plan.BudgetVersion;
import fr.jalon.plan.CostCategory;
import fr.jalon.platform.ConcurrentEditException;
import fr.jalon.platform.FileStore;
import fr.jalon.platform.PlatformFixtures;
import fr.jalon.platform.TestDatabase;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A statement's generation in its steps, each committed on its own as in the container: while the
 * files are being made (paused here), the archive, the expense list, the dashboard's figures and a
 * write to an unrelated expense go through without waiting for a lock (Derby's lock timeout is set
 * to 2 s: in one long transaction, the uncommitted draft and claim made them time out); a second
 * regeneration asked with the same version is refused; a failure while the files are made leaves a
 * new report out entirely, and a regenerated draft without files but with its claim coherent.
 */
class ReportGenerationStepsTest {
  static final Clock TODAY = Clock.fixed(LocalDate.of(2026, 3, 10).atStartOfDay(ZoneId.systemDefault()).toInstant(), ZoneId.systemDefault());
  static final LocalDate FROM = LocalDate.of(2024, 1, 1);
  static final LocalDate TO = LocalDate.of(2024, 12, 31);
  static final int LINES = 300;

  TestDatabase db;
  @TempDir Path data;
  long grantId;
  long versionId;
  long unrelatedId;

  @BeforeEach
  void start() {
    db = new TestDatabase();
    AuditContext.actorResolver(() -> "finance");
    db.run(em -> {
      Grant g = ExpenseFixtures.grant();
      em.persist(g.beneficiary());
      em.persist(g);
      Action a1 = new Action(g, null, "A1", "Plateau technique", null, null, g.eligibilityStart(), g.endDate());
      CostCategory inv = new CostCategory(g, "INV", "Investissement", true, false, "2", 1);
      Cofunding pia = ExpenseFixtures.pia(g);
      List.of(a1, inv, pia.funder(), pia).forEach(em::persist);
      BudgetVersion budget = new BudgetVersion(g, 1, "Budget initial", null, LocalDateTime.of(2021, 1, 1, 9, 0), "admin");
      em.persist(budget);
      em.persist(new BudgetLine(budget, a1, inv, pia, 2024, new BigDecimal("900000.00")));
      em.flush();
      budget.approve(LocalDate.of(2021, 1, 15), "admin", null);
      for (int i = 0; i < LINES; i++) {
        LocalDate day = FROM.plusDays(i % 360);
        em.persist(ExpenseFixtures.paid(g, a1, inv, pia, "Fournisseur " + (i % 7), "F-" + i, day, new BigDecimal("100.00"), new BigDecimal("20.00"), day.plusDays(3), true, null));
      }
      // Paid after the period: no statement of 2024 touches it.
      var unrelated = ExpenseFixtures.paid(g, a1, inv, pia, "Usinage Sud", "S-1", LocalDate.of(2025, 2, 1), new BigDecimal("500.00"), new BigDecimal("100.00"),
          LocalDate.of(2025, 2, 10), true, null);
      em.persist(unrelated);
      em.flush();
      new fr.jalon.execution.ExecutionTotals(em).rebuild(g.id());
      grantId = g.id();
      versionId = budget.id();
      unrelatedId = unrelated.id();
    });
    // A reader or writer that meets a lock gives up after 2 s instead of Derby's default minute.
    db.run(em -> em.createNativeQuery("CALL SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY('derby.locks.waitTimeout', '2')").executeUpdate());
  }

  @AfterEach
  void stop() {
    AuditContext.actorResolver(() -> AuditContext.SYSTEM);
    db.close();
  }

  /** A stepped service on an entity manager of its own, whose ERD generator runs {@code beforeFiles} before making the files. */
  record Stepped(EntityManager em, ReportService reports) implements AutoCloseable {
    @Override
    public void close() {
      em.close();
    }
  }

  Stepped stepped(Runnable beforeFiles) {
    return stepped(beforeFiles, null);
  }

  /** As {@link #stepped(Runnable)}, the files' lines read by {@code reader} when given. */
  Stepped stepped(Runnable beforeFiles, java.util.function.Function<ErdRepository, ErdRepository> reader) {
    EntityManager em = db.factory().createEntityManager();
    FileStore files = PlatformFixtures.fileStore(em, data, TODAY);
    ExpenseService expenses = ExpenseFixtures.expenseService(em, files, TODAY);
    ReportService reports = ReportFixtures.steppedReportService(em, expenses, files, TODAY, db.dataSource());
    ErdGenerator plain = (ErdGenerator) reports.generator(ReportType.ERD);
    ErdGenerator hooked = new ErdGenerator() {
      @Override
      public Generated generate(Report report, Path folder, Locale locale) {
        beforeFiles.run();
        return super.generate(report, folder, locale);
      }
    };
    hooked.em = plain.em;
    hooked.expenses = plain.expenses;
    hooked.lines = reader == null ? plain.lines : reader.apply(plain.lines);
    hooked.engine = plain.engine;
    hooked.clock = plain.clock;
    hooked.executor = plain.executor;
    reports.generators = ReportFixtures.instance(List.of(hooked));
    return new Stepped(em, reports);
  }

  <T> T tx(Function<ReportService, T> work) {
    return db.inTransaction(em -> {
      FileStore files = PlatformFixtures.fileStore(em, data, TODAY);
      return work.apply(ReportFixtures.reportService(em, ExpenseFixtures.expenseService(em, files, TODAY), files, TODAY));
    });
  }

  long count(String sql) {
    Number n = db.inTransaction(em -> (Number) em.createNativeQuery(sql).getSingleResult());
    return n.longValue();
  }

  static ReportService.GenerateRequest erd() {
    return new ReportService.GenerateRequest(ReportType.ERD, FROM, TO, null);
  }

  /** Paused in the middle of a generation until {@link #release}. */
  static final class Pause implements Runnable {
    final CountDownLatch reached = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    @Override
    public void run() {
      reached.countDown();
      try {
        release.await(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    void awaitReached() throws InterruptedException {
      assertThat(reached.await(60, TimeUnit.SECONDS)).as("the generation reached its files").isTrue();
    }
  }

  @Test
  void whileTheFilesAreMadeOtherWorkIsNotBlocked() throws Exception {
    Pause pause = new Pause();
    try (Stepped s = stepped(pause)) {
      CompletableFuture<ReportRow> made = CompletableFuture.supplyAsync(() -> s.reports().generate(erd(), Locale.FRENCH));
      pause.awaitReached();
      // Each of these would fail with Derby's lock timeout (2 s) if it met a lock of the generation.
      // The archive shows the draft (committed, no files yet), its claim is readable, the dashboard answers, an unrelated line changes.
      List<ReportRow> archive = tx(ReportService::archive);
      assertThat(archive).singleElement().satisfies(r -> {
        assertThat(r.status()).isEqualTo(ReportStatus.DRAFT);
        assertThat(r.files()).isEmpty();
        assertThat(r.lineCount()).isEqualTo(LINES);
      });
      assertThat(count("SELECT COUNT(*) FROM EXPENSE WHERE STATEMENT_ID IS NOT NULL")).isEqualTo(LINES);
      var cells = db.inTransaction(em -> DashboardFigures.cells(new ExecutionFigures(em).figures(grantId, versionId, ExecutionFigures.Scope.all(), DashboardFigures.AXES)));
      assertThat(DashboardFigures.total(cells).paid()).isPositive();
      int changed = db.inTransaction(em -> em.createNativeQuery("UPDATE EXPENSE SET DESCRIPTION = 'Révision de la broche', VERSION = VERSION + 1 WHERE ID = ?")
          .setParameter(1, unrelatedId).executeUpdate());
      assertThat(changed).isEqualTo(1);
      assertThat(made).isNotDone();
      pause.release.countDown();
      ReportRow row = made.get(60, TimeUnit.SECONDS);
      assertThat(row.files()).hasSize(3);
      assertThat(row.lineCount()).isEqualTo(LINES);
      assertThat(tx(r -> r.report(row.id())).files()).hasSize(3);
    }
  }

  @Test
  void aSecondRegenerationWithTheSameVersionIsRefusedAndTheFirstReplacesTheFiles() throws Exception {
    ReportRow first = tx(r -> r.generate(erd(), Locale.FRENCH));
    Pause pause = new Pause();
    try (Stepped s = stepped(pause)) {
      CompletableFuture<ReportRow> again = CompletableFuture.supplyAsync(() -> s.reports().regenerate(first.id(), new ReportService.Regenerate(first.version()), Locale.FRENCH));
      pause.awaitReached();
      assertThatThrownBy(() -> tx(r -> r.regenerate(first.id(), new ReportService.Regenerate(first.version()), Locale.FRENCH))).isInstanceOf(ConcurrentEditException.class);
      // Review is refused while the draft has no files: they would not show what it holds.
      assertThat(tx(r -> r.report(first.id())).files()).isEmpty();
      assertThatThrownBy(() -> tx(r -> r.transition(first.id(), new ReportService.Transition(ReportStatus.IN_REVIEW, null, null, r.find(first.id()).version()), Locale.FRENCH)))
          .isInstanceOf(fr.jalon.platform.RuleViolation.class);
      pause.release.countDown();
      ReportRow row = again.get(60, TimeUnit.SECONDS);
      assertThat(row.version()).isGreaterThan(first.version());
      ReportRow stored = tx(r -> r.report(first.id()));
      // The earlier files are replaced, not added to.
      assertThat(stored.files()).hasSize(3);
      assertThat(stored.files().stream().map(ReportRow.File::id).toList()).doesNotContainAnyElementsOf(first.files().stream().map(ReportRow.File::id).toList());
    }
  }

  @Test
  void aNewReportWhoseFilesFailIsRemovedAndItsLinesFreed() {
    try (Stepped s = stepped(() -> {
      throw new IllegalStateException("disque plein");
    })) {
      assertThatThrownBy(() -> s.reports().generate(erd(), Locale.FRENCH)).hasMessageContaining("disque plein");
    }
    assertThat(tx(ReportService::archive)).isEmpty();
    assertThat(count("SELECT COUNT(*) FROM EXPENSE WHERE STATEMENT_ID IS NOT NULL")).isZero();
    assertThat(count("SELECT COUNT(*) FROM REPORT_LINE")).isZero();
    // Nothing left in the way: the same statement generates.
    assertThat(tx(r -> r.generate(erd(), Locale.FRENCH)).files()).hasSize(3);
  }

  @Test
  void aDraftWhoseRegenerationFailsKeepsItsClaimAndHasNoFiles() {
    ReportRow first = tx(r -> r.generate(erd(), Locale.FRENCH));
    try (Stepped s = stepped(() -> {
      throw new IllegalStateException("disque plein");
    })) {
      assertThatThrownBy(() -> s.reports().regenerate(first.id(), new ReportService.Regenerate(first.version()), Locale.FRENCH)).hasMessageContaining("disque plein");
    }
    ReportRow after = tx(r -> r.report(first.id()));
    assertThat(after.status()).isEqualTo(ReportStatus.DRAFT);
    assertThat(after.files()).isEmpty();
    assertThat(after.lineCount()).isEqualTo(LINES);
    assertThat(count("SELECT COUNT(*) FROM EXPENSE WHERE STATEMENT_ID = " + first.id())).isEqualTo(LINES);
    assertThat(tx(r -> r.regenerate(first.id(), new ReportService.Regenerate(after.version()), Locale.FRENCH)).files()).hasSize(3);
  }

  @Test
  void aLineThatCannotBeReadFailsTheGenerationAndLeavesNothing() {
    try (Stepped s = stepped(() -> {}, plain -> new ErdRepository(plain.em, plain.dataSource) {
      @Override
      public java.util.function.Supplier<Cursor> cursorOpener(long reportId) {
        return () -> {
          throw new IllegalStateException("page illisible");
        };
      }
    })) {
      assertThatThrownBy(() -> s.reports().generate(erd(), Locale.FRENCH)).hasMessageContaining("page illisible");
    }
    assertThat(tx(ReportService::archive)).isEmpty();
    assertThat(count("SELECT COUNT(*) FROM EXPENSE WHERE STATEMENT_ID IS NOT NULL")).isZero();
    assertThat(tx(r -> r.generate(erd(), Locale.FRENCH)).lineCount()).isEqualTo(LINES);
  }
}
