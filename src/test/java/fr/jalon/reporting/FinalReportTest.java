package fr.jalon.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.jalon.audit.AuditContext;
import fr.jalon.execution.ExecutionFigures;
import fr.jalon.execution.ExecutionFigures.Axis;
import fr.jalon.execution.ExecutionFigures.Scope;
import fr.jalon.execution.Figure;
import fr.jalon.expense.ExpenseFixtures;
import fr.jalon.expense.ExpenseService;
import fr.jalon.expense.ExpenseStatus;
import fr.jalon.grant.Cofunding;
import fr.jalon.grant.CofundingFixtures;
import fr.jalon.grant.ConditionEvaluator;
import fr.jalon.grant.Grant;
import fr.jalon.grant.GrantFixtures;
import fr.jalon.grant.TrancheKind;
import fr.jalon.grant.TrancheOverview;
import fr.jalon.grant.TrancheRow;
import fr.jalon.grant.TrancheService;
import fr.jalon.indicator.IndicatorFixtures;
import fr.jalon.indicator.SchoolYear;
import fr.jalon.milestone.DeliverableFixtures;
import fr.jalon.milestone.Milestone;
import fr.jalon.milestone.MilestoneFixtures;
import fr.jalon.plan.Action;
import fr.jalon.plan.BudgetLine;
import fr.jalon.plan.BudgetVersion;
import fr.jalon.plan.CostCategory;
import fr.jalon.platform.ConcurrentEditException;
import fr.jalon.platform.FileStore;
import fr.jalon.platform.Money;
import fr.jalon.platform.PlatformFixtures;
import fr.jalon.platform.RuleViolation;
import fr.jalon.platform.TestDatabase;
import jakarta.persistence.EntityManager;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The final report on DESIGN.md's golden example (max PIA 2 000 000, planned 5 000 000, 1 800 000
 * received, 4 400 000 accepted of 4 440 000 paid): generated through the report lifecycle and read
 * back, its expense totals equal the execution figures and the ledger to the cent, and the balance
 * it shows — 40 000,00 € to repay — is the one {@link TrancheService} computes.
 */
class FinalReportTest {
  static final Clock TODAY = Clock.fixed(LocalDate.of(2030, 2, 1).atStartOfDay(ZoneId.systemDefault()).toInstant(), ZoneId.systemDefault());
  static final String CONTINUATION = "Le plateau de soudure reste ouvert : la Région finance sa maintenance et les entreprises partenaires y forment leurs salariés.";

  TestDatabase db;
  @TempDir Path data;

  record Ctx(EntityManager em, FileStore files, ExpenseService expenses, TrancheService tranches, ReportService reports, ProgressNarrativeService narratives) {}

  <T> T tx(Function<Ctx, T> work) {
    return db.inTransaction(em -> {
      FileStore files = PlatformFixtures.fileStore(em, data, TODAY);
      ExpenseService expenses = ExpenseFixtures.expenseService(em, files, TODAY);
      ReportConditions conditions = new ReportConditions();
      conditions.em = em;
      TrancheService tranches = GrantFixtures.trancheService(em, TODAY, ReportFixtures.<ConditionEvaluator>instance(List.of(conditions)),
          ReportFixtures.instance(List.of(ExpenseFixtures.paidExpenses(expenses))), ReportFixtures.instance(List.of(ExpenseFixtures.paidExpenses(expenses))));
      ReportService reports = ReportFixtures.reportService(em, expenses, files, TODAY);
      ProgressNarrativeService narratives = new ProgressNarrativeService();
      narratives.em = em;
      narratives.grants = GrantFixtures.grantService(em);
      narratives.clock = TODAY;
      ProgressReportGenerator progress = new ProgressReportGenerator();
      progress.em = em;
      progress.figures = new ExecutionFigures(em);
      progress.milestones = MilestoneFixtures.milestoneService(em, TODAY, tranches);
      progress.deliverables = DeliverableFixtures.deliverableService(em, files, TODAY);
      progress.copil = CofundingFixtures.copilService(em);
      progress.indicators = IndicatorFixtures.indicatorService(em, TODAY);
      progress.narratives = narratives;
      progress.engine = ReportFixtures.ENGINE;
      progress.clock = TODAY;
      FinalReportGenerator last = new FinalReportGenerator();
      last.em = em;
      last.progress = progress;
      last.figures = progress.figures;
      last.tranches = tranches;
      last.indicators = progress.indicators;
      last.milestones = progress.milestones;
      last.narratives = narratives;
      last.engine = ReportFixtures.ENGINE;
      last.clock = TODAY;
      reports.generators = ReportFixtures.instance(List.of(reports.generator(ReportType.ERD), progress, last));
      return work.apply(new Ctx(em, files, expenses, tranches, reports, narratives));
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
      Action a2 = new Action(g, null, "A2", "Animation du campus", null, null, g.eligibilityStart(), LocalDate.of(2024, 12, 31));
      CostCategory inv = new CostCategory(g, "INV", "Investissement", true, false, "2", 1);
      CostCategory fonc = new CostCategory(g, "FONC", "Fonctionnement", true, false, "6", 2);
      Cofunding pia = ExpenseFixtures.pia(g);
      List.of(a1, a2, inv, fonc, pia.funder(), pia).forEach(em::persist);
      // The approved budget: 5 000 000,00 € over ten years (A1 × INV 4 500 000, A2 × FONC 500 000 until it ends in 2024).
      BudgetVersion v = new BudgetVersion(g, 1, "Budget initial", null, LocalDateTime.of(2020, 9, 1, 9, 0), "admin");
      em.persist(v);
      for (int y : g.years()) {
        em.persist(new BudgetLine(v, a1, inv, pia, y, new BigDecimal("450000.00")));
        if (y <= 2024) {
          em.persist(new BudgetLine(v, a2, fonc, pia, y, new BigDecimal("100000.00")));
        }
      }
      v.approve(g.eligibilityStart(), "admin", null);
      // 111 paid lines of 40 000,00 € incl. VAT (the beneficiary does not recover VAT): 4 440 000,00 € eligible.
      for (int i = 0; i < 111; i++) {
        LocalDate day = LocalDate.of(2021, 1, 4).plusDays(i * 20L);
        em.persist(ExpenseFixtures.paid(g, a1, inv, pia, "Fournisseur " + i % 5, "G-" + i, day, new BigDecimal("33333.33"), new BigDecimal("6666.67"), day.plusDays(3), true, null));
      }
      em.persist(new Milestone(g, "J1", "Plateau de soudure en service", a1, LocalDate.of(2025, 6, 30), "Procès-verbal d’essais", false, null));
      em.persist(new Milestone(g, "J2", "Semaine des métiers de l’industrie", a2, LocalDate.of(2023, 3, 31), "Programme et bilan", false, null));
      IndicatorFixtures.indicator(em, g, "IND1", "Apprenants formés sur le plateau", new SchoolYear(2028), new BigDecimal("120"), new BigDecimal("96"));
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

  void step(long id, ReportStatus target, LocalDate on) {
    tx(c -> c.reports().transition(id, new ReportService.Transition(target, on, null, c.reports().find(id).version()), Locale.FRENCH));
  }

  /** The final ERD through its lifecycle; the operator accepts every line but one (40 000,00 € rejected). */
  void finalStatementAccepted() {
    ReportRow erd = tx(c -> c.reports().generate(new ReportService.GenerateRequest(ReportType.FINAL_ERD, LocalDate.of(2020, 9, 1), LocalDate.of(2029, 12, 31), null), Locale.FRENCH));
    long id = erd.id();
    step(id, ReportStatus.IN_REVIEW, null);
    tx(c -> c.reports().sign(id, new ReportService.SignRequest(SignatoryRole.LEGAL_REPRESENTATIVE, "Anne Proviseur", "Proviseure", LocalDate.of(2030, 1, 10), c.reports().find(id).version())));
    tx(c -> c.reports().sign(id, new ReportService.SignRequest(SignatoryRole.PUBLIC_ACCOUNTANT, "Marc Comptable", "Agent comptable", LocalDate.of(2030, 1, 11), c.reports().find(id).version())));
    step(id, ReportStatus.SIGNED, null);
    step(id, ReportStatus.SUBMITTED, LocalDate.of(2030, 1, 12));
    step(id, ReportStatus.ACCEPTED, LocalDate.of(2030, 1, 25));
    List<Long> lines = db.inTransaction(em -> em.createQuery("SELECT e.id FROM Expense e ORDER BY e.id", Long.class).getResultList());
    tx(c -> c.reports().recordVerdicts(id, new ReportService.Verdicts(List.of(
        new ExpenseService.Verdict(lines.subList(1, lines.size()), ExpenseStatus.ACCEPTED, null, null),
        new ExpenseService.Verdict(List.of(lines.get(0)), ExpenseStatus.REJECTED, null, "Facture hors convention")))));
  }

  Path fileOf(ReportRow r, ReportFormat format) {
    return tx(c -> c.files().pathOf(c.files().find(r.files().stream().filter(f -> f.format() == format).findFirst().orElseThrow().id())));
  }

  String pdfText(ReportRow r) throws Exception {
    try (PDDocument doc = Loader.loadPDF(fileOf(r, ReportFormat.PDF).toFile())) {
      return normal(new PDFTextStripper().getText(doc));
    }
  }

  static String normal(String s) {
    return s.replace('\u202F', ' ').replace('\u00A0', ' ');
  }

  static String french(BigDecimal b) {
    return normal(Money.format(b, Locale.FRENCH));
  }

  List<Figure> figures(Axis... axes) {
    return db.inTransaction(em -> new ExecutionFigures(em).figures(1L, null, Scope.all(), axes.length == 0 ? EnumSet.noneOf(Axis.class) : EnumSet.of(axes[0], axes)));
  }

  static BigDecimal column(Sheet sheet, int index) {
    BigDecimal sum = BigDecimal.ZERO.setScale(2);
    for (Row row : sheet) {
      if (row.getRowNum() > 0 && row.getCell(index) != null) {
        sum = sum.add(BigDecimal.valueOf(row.getCell(index).getNumericCellValue()).setScale(2, RoundingMode.HALF_UP));
      }
    }
    return sum;
  }

  static BigDecimal number(Sheet sheet, int row, int cell) {
    return BigDecimal.valueOf(sheet.getRow(row).getCell(cell).getNumericCellValue()).setScale(2, RoundingMode.HALF_UP);
  }

  @Test
  void theContinuationTextIsTheProjectManagersOneTextPerGrant() {
    assertThat(tx(c -> c.narratives().continuation()).version()).isNull();
    assertThatThrownBy(() -> tx(c -> c.narratives().writeContinuation(new ProgressNarrativeService.ContinuationForm("  ", null)))).isInstanceOf(RuleViolation.class);
    ProgressNarrativeService.ContinuationRow first = tx(c -> c.narratives().writeContinuation(new ProgressNarrativeService.ContinuationForm("Premier jet", null)));
    assertThatThrownBy(() -> tx(c -> c.narratives().writeContinuation(new ProgressNarrativeService.ContinuationForm("Autre texte", null))))
        .isInstanceOf(ConcurrentEditException.class);
    assertThatThrownBy(() -> tx(c -> c.narratives().writeContinuation(new ProgressNarrativeService.ContinuationForm(null, null)))).isInstanceOf(RuleViolation.class);
    ProgressNarrativeService.ContinuationRow second = tx(c -> c.narratives().writeContinuation(new ProgressNarrativeService.ContinuationForm(" " + CONTINUATION + " ", first.version())));
    assertThat(second.continuation()).isEqualTo(CONTINUATION);
    assertThat(second.updatedBy()).isEqualTo("finance");
    Long texts = db.inTransaction(em -> em.createQuery("SELECT COUNT(c) FROM ContinuationNarrative c", Long.class).getSingleResult());
    assertThat(texts).isEqualTo(1L);
  }

  @Test
  void theFinalReportCoversTheWholeGrantAndRefusesAnotherPeriod() {
    assertThatThrownBy(() -> tx(c -> c.reports().generate(new ReportService.GenerateRequest(ReportType.FINAL, LocalDate.of(2029, 1, 1), LocalDate.of(2029, 12, 31), null), Locale.FRENCH)))
        .isInstanceOf(RuleViolation.class).satisfies(e -> assertThat(((RuleViolation) e).message(Locale.FRENCH)).contains("du 01/09/2020 au 31/12/2029"));
    ReportRow r = tx(c -> c.reports().generate(new ReportService.GenerateRequest(ReportType.FINAL, LocalDate.of(2020, 9, 1), LocalDate.of(2029, 12, 31), null), Locale.FRENCH));
    assertThat(r.periodFrom()).isEqualTo(LocalDate.of(2020, 9, 1));
    assertThat(r.periodTo()).isEqualTo(LocalDate.of(2029, 12, 31));
    List<ReportType> types = tx(c -> c.reports().generatableTypes());
    assertThat(types).contains(ReportType.FINAL);
  }

  @Test
  void theFinalReportShowsTheFiguresToTheCentAndTheBalanceToRepayThatTheTrancheServiceComputes() throws Exception {
    finalStatementAccepted();
    tx(c -> c.narratives().writeContinuation(new ProgressNarrativeService.ContinuationForm(CONTINUATION, null)));

    ReportRow r = tx(c -> c.reports().generate(new ReportService.GenerateRequest(ReportType.FINAL, null, null, null), Locale.FRENCH));
    assertThat(r.status()).isEqualTo(ReportStatus.DRAFT);
    assertThat(r.files()).extracting(ReportRow.File::format).containsExactlyInAnyOrder(ReportFormat.PDF, ReportFormat.XLSX);

    TrancheOverview o = tx(c -> c.tranches().overview(Locale.FRENCH));
    assertThat(o.piaDueOnAccepted()).isTrue();
    assertThat(o.piaDueBase()).isEqualByComparingTo("4400000.00");
    assertThat(o.piaDue()).isEqualByComparingTo("1760000.00");
    assertThat(o.balance()).isEqualByComparingTo("-40000.00");
    Figure total = figures().get(0);
    BigDecimal ledger = db.inTransaction(em -> em.createQuery("SELECT SUM(e.eligibleAmount) FROM Expense e", BigDecimal.class).getSingleResult());
    assertThat(total.paid()).isEqualByComparingTo(ledger).isEqualByComparingTo("4440000.00");
    assertThat(total.planned()).isEqualByComparingTo("5000000.00");
    assertThat(total.accepted()).isEqualByComparingTo("4400000.00");
    assertThat(r.totalEligible()).isEqualByComparingTo(total.paid());

    String pdf = pdfText(r);
    assertThat(pdf).contains("Rapport final", "Période du 01/09/2020 au 31/12/2029", "1. Rapport d’avancement final", "2. État récapitulatif final des dépenses",
        "3. Solde de la subvention et reversement", "4. Indicateurs par rapport aux cibles", "5. Après la subvention : pérennisation", "Action A1 — Plateau technique",
        "Action A2 — Animation du campus", "J1 — Plateau de soudure en service", "J2 — Semaine des métiers de l’industrie", "Par catégorie de dépenses", "Par action",
        "Calcul du solde (règle 9)", "Tranches de la subvention", "Tranche 3 — Solde", "Indicateurs — année scolaire 2028-2029", "IND1 — Apprenants formés sur le plateau",
        "Ce qui se poursuit après la subvention", CONTINUATION, "Le représentant légal (ordonnateur)");
    // The final report has no next year and shows the indicators once, in its own part.
    assertThat(pdf).doesNotContain("Plan de l’année").doesNotContain("Indicateurs par rapport aux cibles — année scolaire");
    // The expense summary: every category and action, and the grant's total, equal the figures (and the ledger) to the cent.
    for (Figure f : figures(Axis.CATEGORY)) {
      assertThat(pdf).contains(f.categoryCode() + " " + (f.categoryCode().equals("INV") ? "Investissement" : "Fonctionnement") + " " + french(f.planned()) + " " + french(f.paid())
          + " " + french(f.declared()) + " " + french(f.accepted()));
    }
    for (Figure f : figures(Axis.ACTION)) {
      assertThat(pdf).contains(f.actionCode() + " " + (f.actionCode().equals("A1") ? "Plateau technique" : "Animation du campus") + " " + french(f.planned()) + " " + french(f.paid()));
    }
    assertThat(pdf).contains("Total de la convention " + french(total.planned()) + " " + french(ledger) + " " + french(total.declared()) + " " + french(total.accepted())
        + " " + french(total.planned().subtract(ledger)));
    assertThat(pdf).contains("ERD final du 01/09/2020 au 31/12/2029, version 1 Accepté 111 " + french(new BigDecimal("4440000.00")));
    // The balance: what TrancheService computes, line by line.
    assertThat(pdf).contains("Montant maximal du PIA " + french(o.maxPiaAmount()), "Coût éligible prévu " + french(o.plannedEligibleCost()),
        "Coût éligible accepté (ERD final accepté) " + french(o.piaDueBase()), "PIA dû (règle 8) " + french(o.piaDue()), "PIA reçu " + french(o.piaReceived()),
        "Solde (PIA dû − PIA reçu) " + french(o.balance()), "Montant à reverser " + french(o.balance().abs()));
    assertThat(french(o.balance().abs())).isEqualTo("40 000,00 €");

    try (InputStream in = Files.newInputStream(fileOf(r, ReportFormat.XLSX)); XSSFWorkbook book = new XSSFWorkbook(in)) {
      assertThat(book.getSheetAt(0).getSheetName()).isEqualTo("Par catégorie de dépenses");
      for (int s = 0; s < 2; s++) {
        Sheet sheet = book.getSheetAt(s);
        assertThat(column(sheet, 2)).as(sheet.getSheetName() + " planned").isEqualByComparingTo(total.planned());
        assertThat(column(sheet, 3)).as(sheet.getSheetName() + " paid").isEqualByComparingTo(ledger);
        assertThat(column(sheet, 4)).as(sheet.getSheetName() + " declared").isEqualByComparingTo(total.declared());
        assertThat(column(sheet, 5)).as(sheet.getSheetName() + " accepted").isEqualByComparingTo(total.accepted());
      }
      Sheet balance = book.getSheet("Solde");
      assertThat(number(balance, 1, 1)).isEqualByComparingTo(o.maxPiaAmount());
      assertThat(number(balance, 4, 1)).isEqualByComparingTo(o.piaDueBase());
      assertThat(number(balance, 5, 1)).isEqualByComparingTo(o.piaDue());
      assertThat(number(balance, 6, 1)).isEqualByComparingTo(o.piaReceived());
      assertThat(number(balance, 7, 1)).isEqualByComparingTo("-40000.00");
      assertThat(balance.getRow(8).getCell(0).getStringCellValue()).isEqualTo("Montant à reverser");
      assertThat(column(book.getSheet("Tranches de la subvention"), 5)).isEqualByComparingTo(o.piaReceived());
      assertThat(book.getSheet("Jalons").getLastRowNum()).isEqualTo(2);
      assertThat(book.getSheet("Indicateurs").getRow(1).getCell(0).getStringCellValue()).isEqualTo("IND1");
      assertThat(book.getSheet("Pérennisation").getRow(1).getCell(0).getStringCellValue()).isEqualTo(CONTINUATION);
    }

    // Through the lifecycle like the other reports: regenerated while a draft, reviewed, signed by the legal representative, submitted.
    ReportRow again = tx(c -> c.reports().regenerate(r.id(), new ReportService.Regenerate(c.reports().find(r.id()).version()), Locale.FRENCH));
    assertThat(again.files()).hasSize(2);
    step(r.id(), ReportStatus.IN_REVIEW, null);
    tx(c -> c.reports().sign(r.id(), new ReportService.SignRequest(SignatoryRole.LEGAL_REPRESENTATIVE, "Anne Proviseur", "Proviseure", LocalDate.of(2030, 1, 30),
        c.reports().find(r.id()).version())));
    step(r.id(), ReportStatus.SIGNED, null);
    step(r.id(), ReportStatus.SUBMITTED, LocalDate.of(2030, 1, 31));
    assertThat(tx(c -> c.reports().report(r.id())).status()).isEqualTo(ReportStatus.SUBMITTED);
    assertThat(tx(c -> c.reports().verify(r.id())).intact()).isTrue();
  }

  @Test
  void beforeTheFinalStatementIsAcceptedTheBalanceIsComputedOnThePlannedCostAndSaysSo() throws Exception {
    ReportRow r = tx(c -> c.reports().generate(new ReportService.GenerateRequest(ReportType.FINAL, null, null, null), Locale.FRENCH));
    TrancheOverview o = tx(c -> c.tranches().overview(Locale.FRENCH));
    assertThat(o.piaDueOnAccepted()).isFalse();
    assertThat(o.piaDue()).isEqualByComparingTo("2000000.00");
    assertThat(o.balance()).isEqualByComparingTo("200000.00");
    String pdf = pdfText(r);
    assertThat(pdf).contains("Coût éligible retenu : le prévu " + french(o.piaDueBase()), "Solde restant à percevoir " + french(o.balance()),
        "Tant que l’ERD final n’est pas accepté", "Aucun ERD final n’a encore été généré.", "Aucun texte saisi");
  }
}
