package fr.jalon.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.jalon.audit.AuditContext;
import fr.jalon.expense.ExpenseFixtures;
import fr.jalon.expense.ExpenseService;
import fr.jalon.expense.ExpenseStatus;
import fr.jalon.grant.Cofunding;
import fr.jalon.grant.ConditionEvaluator;
import fr.jalon.grant.Grant;
import fr.jalon.grant.GrantFixtures;
import fr.jalon.grant.TrancheKind;
import fr.jalon.grant.TrancheOverview;
import fr.jalon.grant.TrancheRow;
import fr.jalon.grant.TrancheService;
import fr.jalon.milestone.MilestoneFixtures;
import fr.jalon.plan.Action;
import fr.jalon.plan.CostCategory;
import fr.jalon.platform.FileStore;
import fr.jalon.platform.PlatformFixtures;
import fr.jalon.platform.RuleViolation;
import fr.jalon.platform.TestDatabase;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DESIGN.md's golden example through the real services: max PIA 2 000 000, planned 5 000 000 (40 %),
 * 1 800 000 received; the balance tranche waits for the final progress report and the final ERD
 * accepted; the operator accepts 4 400 000 of eligible cost → PIA due 1 760 000, balance −40 000:
 * 40 000 to repay, which the tranche request pack shows.
 */
class BalanceTrancheTest {
  static final Clock TODAY = Clock.fixed(LocalDate.of(2030, 2, 1).atStartOfDay(ZoneId.systemDefault()).toInstant(), ZoneId.systemDefault());

  TestDatabase db;
  @TempDir Path data;

  record Ctx(ExpenseService expenses, TrancheService tranches, ReportService reports) {}

  <T> T tx(Function<Ctx, T> work) {
    return db.inTransaction(em -> {
      FileStore files = PlatformFixtures.fileStore(em, data, TODAY);
      ExpenseService expenses = ExpenseFixtures.expenseService(em, files, TODAY);
      ReportConditions conditions = new ReportConditions();
      conditions.em = em;
      TrancheService tranches = GrantFixtures.trancheService(em, TODAY, ReportFixtures.<ConditionEvaluator>instance(List.of(conditions)),
          ReportFixtures.instance(List.of(ExpenseFixtures.paidExpenses(expenses))), ReportFixtures.instance(List.of(ExpenseFixtures.paidExpenses(expenses))));
      ReportService reports = ReportFixtures.reportService(em, expenses, files, TODAY);
      TrancheRequestGenerator pack = new TrancheRequestGenerator();
      pack.em = em;
      pack.tranches = tranches;
      pack.milestones = MilestoneFixtures.milestoneService(em, TODAY, tranches);
      pack.erd = (ErdGenerator) reports.generator(ReportType.ERD);
      pack.engine = ReportFixtures.ENGINE;
      pack.clock = TODAY;
      reports.generators = ReportFixtures.instance(List.of(pack.erd, pack));
      return work.apply(new Ctx(expenses, tranches, reports));
    });
  }

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
      // 111 paid lines of 40 000,00 € incl. VAT (the beneficiary does not recover VAT): 4 440 000,00 € eligible.
      for (int i = 0; i < 111; i++) {
        LocalDate day = LocalDate.of(2021, 1, 4).plusDays(i * 20L);
        em.persist(ExpenseFixtures.paid(g, a1, inv, pia, "Fournisseur " + i % 5, "G-" + i, day, new BigDecimal("33333.33"), new BigDecimal("6666.67"), day.plusDays(3), true, null));
      }
      em.flush();
      new fr.jalon.execution.ExecutionTotals(em).rebuild(g.id());
    });
    tx(c -> {
      TrancheRow advance = c.tranches().schedule(new TrancheService.NewTranche(1, TrancheKind.ADVANCE, new BigDecimal("600000.00"), LocalDate.of(2020, 10, 15), null, null), Locale.FRENCH);
      c.tranches().request(advance.id(), new TrancheService.TrancheRequest(new BigDecimal("600000.00"), LocalDate.of(2020, 10, 5)), Locale.FRENCH);
      c.tranches().recordReceipt(advance.id(), new TrancheService.TrancheReceipt(new BigDecimal("600000.00"), LocalDate.of(2020, 11, 20), "VIR-1"), Locale.FRENCH);
      TrancheRow interim = c.tranches().schedule(new TrancheService.NewTranche(2, TrancheKind.INTERIM, new BigDecimal("1200000.00"), LocalDate.of(2025, 6, 30), null, null), Locale.FRENCH);
      c.tranches().request(interim.id(), new TrancheService.TrancheRequest(new BigDecimal("1200000.00"), LocalDate.of(2025, 6, 1)), Locale.FRENCH);
      c.tranches().recordReceipt(interim.id(), new TrancheService.TrancheReceipt(new BigDecimal("1200000.00"), LocalDate.of(2025, 7, 1), "VIR-2"), Locale.FRENCH);
      return c.tranches().schedule(new TrancheService.NewTranche(3, TrancheKind.BALANCE, new BigDecimal("200000.00"), LocalDate.of(2030, 3, 31), null, null), Locale.FRENCH);
    });
  }

  @AfterEach
  void stop() {
    AuditContext.actorResolver(() -> AuditContext.SYSTEM);
    db.close();
  }

  TrancheRow balance(Ctx c) {
    return c.tranches().overview(Locale.FRENCH).tranches().stream().filter(t -> t.kind() == TrancheKind.BALANCE).findFirst().orElseThrow();
  }

  @Test
  void theBalanceWaitsForTheFinalReportsAndShowsTheGoldenExamplesAmountToRepay() throws Exception {
    TrancheRow before = tx(this::balance);
    assertThat(before.requestable()).isFalse();
    assertThat(before.checks()).filteredOn(ch -> ch.code() == fr.jalon.grant.ConditionCheck.Code.REPORT_ACCEPTED).hasSize(2).noneMatch(TrancheRow.Check::met);

    // The final ERD over the whole grant, through the lifecycle; the operator accepts 4 400 000,00 € of its 4 440 000,00 €.
    ReportRow erd = tx(c -> c.reports().generate(new ReportService.GenerateRequest(ReportType.FINAL_ERD, LocalDate.of(2020, 9, 1), LocalDate.of(2029, 12, 31), null), Locale.FRENCH));
    assertThat(erd.totalEligible()).isEqualByComparingTo("4440000.00");
    long id = erd.id();
    step(id, ReportStatus.IN_REVIEW, null, null);
    tx(c -> c.reports().sign(id, new ReportService.SignRequest(SignatoryRole.LEGAL_REPRESENTATIVE, "Anne Proviseur", "Proviseure", LocalDate.of(2030, 1, 10), c.reports().find(id).version())));
    tx(c -> c.reports().sign(id, new ReportService.SignRequest(SignatoryRole.PUBLIC_ACCOUNTANT, "Marc Comptable", "Agent comptable", LocalDate.of(2030, 1, 11), c.reports().find(id).version())));
    step(id, ReportStatus.SIGNED, null, null);
    step(id, ReportStatus.SUBMITTED, LocalDate.of(2030, 1, 12), null);
    step(id, ReportStatus.ACCEPTED, LocalDate.of(2030, 1, 25), null);
    List<Long> lines = db.inTransaction(em -> em.createQuery("SELECT e.id FROM Expense e ORDER BY e.id", Long.class).getResultList());
    tx(c -> c.reports().recordVerdicts(id, new ReportService.Verdicts(List.of(
        new ExpenseService.Verdict(lines.subList(1, lines.size()), ExpenseStatus.ACCEPTED, null, null),
        new ExpenseService.Verdict(List.of(lines.get(0)), ExpenseStatus.REJECTED, null, "Facture hors convention")))));
    assertThat(tx(this::balance).checks()).filteredOn(ch -> ch.code() == fr.jalon.grant.ConditionCheck.Code.REPORT_ACCEPTED && ch.met()).hasSize(1);

    // The final progress report has no generator yet: its lifecycle alone, on the entity.
    db.run(em -> {
      Report progress = new Report(em.find(Grant.class, 1L), ReportType.FINAL_PROGRESS, LocalDate.of(2020, 9, 1), LocalDate.of(2029, 12, 31), null, LocalDateTime.of(2030, 1, 5, 9, 0), "finance");
      em.persist(progress);
      LocalDate today = LocalDate.now(TODAY);
      progress.moveTo(ReportStatus.IN_REVIEW, null, null, today);
      progress.sign(SignatoryRole.LEGAL_REPRESENTATIVE, "Anne Proviseur", "Proviseure", LocalDate.of(2030, 1, 10), "finance", LocalDateTime.of(2030, 1, 10, 9, 0), today);
      progress.moveTo(ReportStatus.SIGNED, null, null, today);
      progress.moveTo(ReportStatus.SUBMITTED, LocalDate.of(2030, 1, 12), null, today);
      progress.moveTo(ReportStatus.ACCEPTED, LocalDate.of(2030, 1, 26), null, today);
    });

    TrancheOverview o = tx(c -> c.tranches().overview(Locale.FRENCH));
    assertThat(o.aidRate()).isEqualByComparingTo("40.00");
    assertThat(o.piaReceived()).isEqualByComparingTo("1800000.00");
    assertThat(o.piaDue()).isEqualByComparingTo("1760000.00");
    assertThat(o.balance()).isEqualByComparingTo("-40000.00");
    TrancheRow after = tx(this::balance);
    assertThat(after.checks()).filteredOn(ch -> ch.code() == fr.jalon.grant.ConditionCheck.Code.REPORT_ACCEPTED).hasSize(2).allMatch(TrancheRow.Check::met);
    assertThatThrownBy(() -> tx(c -> c.tranches().request(after.id(), new TrancheService.TrancheRequest(new BigDecimal("1.00"), LocalDate.of(2030, 1, 31)), Locale.FRENCH)))
        .isInstanceOf(RuleViolation.class).satisfies(e -> assertThat(((RuleViolation) e).message(Locale.FRENCH).replace('\u202F', ' ').replace('\u00A0', ' ')).contains("40 000,00"));

    // The pack for the balance tranche: cover with the amount to repay, conditions met, the ERD, the progress summary.
    ReportRow pack = tx(c -> c.reports().generate(new ReportService.GenerateRequest(ReportType.TRANCHE_REQUEST, null, null, after.id()), Locale.FRENCH));
    Path pdf = db.inTransaction(em -> PlatformFixtures.fileStore(em, data, TODAY).pathOf(PlatformFixtures.fileStore(em, data, TODAY).find(pack.files().get(0).id())));
    String text;
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      text = new PDFTextStripper().getText(doc).replace('\u202F', ' ').replace('\u00A0', ' ');
    }
    assertThat(text).contains("Demande de versement", "Montant à reverser", "40 000,00 €", "1 800 000,00 €", "Conditions de déblocage", "État récapitulatif des dépenses",
        "Total de l’état (111 lignes)", "Synthèse d’avancement");
  }

  void step(long id, ReportStatus target, LocalDate on, String note) {
    tx(c -> c.reports().transition(id, new ReportService.Transition(target, on, note, c.reports().find(id).version()), Locale.FRENCH));
  }
}
