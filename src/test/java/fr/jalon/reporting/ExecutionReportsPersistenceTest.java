package fr.jalon.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.jalon.audit.AuditContext;
import fr.jalon.dashboard.DashboardRepository;
import fr.jalon.execution.ExecutionFigures;
import fr.jalon.execution.ExecutionFigures.Axis;
import fr.jalon.execution.ExecutionFigures.Scope;
import fr.jalon.execution.Figure;
import fr.jalon.expense.ExpenseFixtures;
import fr.jalon.expense.ExpenseGenerator;
import fr.jalon.expense.ExpenseService;
import fr.jalon.grant.Cofunding;
import fr.jalon.grant.CofundingFixtures;
import fr.jalon.grant.CofundingLine;
import fr.jalon.grant.CofundingSummary;
import fr.jalon.grant.FunderKind;
import fr.jalon.grant.FundingNature;
import fr.jalon.grant.Grant;
import fr.jalon.grant.CopilMeeting;
import fr.jalon.grant.DecisionSubject;
import fr.jalon.grant.GrantChange;
import fr.jalon.grant.GrantFixtures;
import fr.jalon.grant.LegalForm;
import fr.jalon.grant.Organisation;
import fr.jalon.grant.ParameterValues;
import fr.jalon.indicator.IndicatorFixtures;
import fr.jalon.indicator.SchoolYear;
import fr.jalon.milestone.Deliverable;
import fr.jalon.milestone.DeliverableFixtures;
import fr.jalon.milestone.Milestone;
import fr.jalon.milestone.MilestoneFixtures;
import fr.jalon.plan.Action;
import fr.jalon.plan.BudgetLine;
import fr.jalon.plan.BudgetVersion;
import fr.jalon.plan.CostCategory;
import fr.jalon.platform.ConcurrentEditException;
import fr.jalon.platform.FileStore;
import fr.jalon.platform.RuleViolation;
import fr.jalon.platform.PlatformFixtures;
import fr.jalon.platform.StoredFile;
import fr.jalon.platform.TestDatabase;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Function;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The budget execution, co-funding and progress reports generated through the report lifecycle on
 * generated data, read back (PDFBox text, POI cells): their sections are present and their totals
 * equal {@link ExecutionFigures} and the co-funding summary to the cent.
 */
class ExecutionReportsPersistenceTest {
  static final LocalDate START = LocalDate.of(2020, 9, 1);
  static final LocalDate END = LocalDate.of(2029, 12, 31);
  static final LocalDate TODAY = LocalDate.of(2026, 11, 29);
  static final Clock CLOCK = Clock.fixed(TODAY.atStartOfDay(ZoneId.systemDefault()).toInstant(), ZoneId.systemDefault());

  static TestDatabase db;
  static Path data;
  static long grantId;

  @BeforeAll
  static void generate() throws Exception {
    data = Files.createTempDirectory("jalon-reports8");
    db = new TestDatabase();
    AuditContext.actorResolver(() -> "finance");
    db.run(em -> {
      Grant g = new Grant(new GrantChange("PIA3-EXEC", "Campus des métiers", "PIA 3", "CDC", "MENJ", LocalDate.of(2020, 9, 28), START, END, new BigDecimal("2000000.00"),
          new BigDecimal("5000000.00"), ParameterValues.defaults(), null), new Organisation("Lycée Jean Moulin", null, LegalForm.EPLE, false));
      em.persist(g.beneficiary());
      em.persist(g);
      List<CostCategory> cats = CostCategory.defaults(g);
      cats.forEach(em::persist);
      Action axis = new Action(g, null, "A1", "Plateau technique", null, null, START, END);
      em.persist(axis);
      List<Action> actions = new ArrayList<>();
      for (int i = 1; i <= 4; i++) {
        Action a = new Action(g, axis, "A1." + i, "Sous-action " + i, null, null, START, END);
        em.persist(a);
        actions.add(a);
      }
      Organisation cdc = new Organisation("Caisse des Dépôts", null, LegalForm.PUBLIC_BODY, false);
      em.persist(cdc);
      Cofunding pia = new Cofunding(g, cdc, FunderKind.PIA, FundingNature.CASH, new BigDecimal("2000000.00"));
      em.persist(pia);
      Organisation regionOrg = new Organisation("Région Occitanie", null, LegalForm.LOCAL_AUTHORITY, false);
      em.persist(regionOrg);
      Cofunding region = new Cofunding(g, regionOrg, FunderKind.REGION, FundingNature.CASH, new BigDecimal("1500000.00"));
      em.persist(region);
      Organisation firmOrg = new Organisation("Entreprise Partenaire", null, LegalForm.COMPANY, true);
      em.persist(firmOrg);
      Cofunding firm = new Cofunding(g, firmOrg, FunderKind.COMPANY, FundingNature.IN_KIND, new BigDecimal("300000.00"));
      em.persist(firm);
      em.persist(region.receive(LocalDate.of(2022, 3, 1), new BigDecimal("100000.10"), "R1"));
      em.persist(region.receive(LocalDate.of(2022, 10, 1), new BigDecimal("50000.05"), "R2"));
      em.persist(region.receive(LocalDate.of(2023, 10, 1), new BigDecimal("70000.00"), "R3"));
      em.persist(firm.receive(LocalDate.of(2024, 5, 1), new BigDecimal("12000.00"), "K1"));
      BudgetVersion v = new BudgetVersion(g, 1, "Budget initial", null, LocalDateTime.of(2020, 9, 1, 9, 0), "admin");
      em.persist(v);
      Random random = new Random(12);
      for (Action a : actions) {
        for (CostCategory c : cats) {
          if (!c.eligible() || c.flatRate()) {
            continue;
          }
          for (int y : g.years()) {
            em.persist(new BudgetLine(v, a, c, random.nextBoolean() ? pia : region, y, new BigDecimal(random.nextInt(3_000_000)).movePointLeft(2)));
          }
        }
      }
      v.approve(START, "admin", null);
      em.createNativeQuery("INSERT INTO STORED_FILE (STORAGE_NAME, ORIGINAL_NAME, CONTENT_TYPE, SIZE_BYTES, SHA256, STORED_AT, STORED_BY)"
          + " VALUES ('x', 'facture.pdf', 'application/pdf', 10, '" + "0".repeat(64) + "', CURRENT_TIMESTAMP, 'test')").executeUpdate();
      StoredFile file = em.createQuery("SELECT f FROM StoredFile f", StoredFile.class).getSingleResult();
      ExpenseGenerator.generate(em, g, file, TODAY, 1500, new BigDecimal("1800000.00"), 20261130L);
    });
    grantId = db.inTransaction(em -> em.createQuery("SELECT g FROM Grant g", Grant.class).getSingleResult().id());
    // What the progress report tells: milestones (one late, with its evidence), a deliverable, a COPIL decision, an indicator.
    db.run(em -> {
      Grant g = em.find(Grant.class, grantId);
      Action a1 = em.createQuery("SELECT a FROM Action a WHERE a.code = 'A1.1'", Action.class).getSingleResult();
      Action a2 = em.createQuery("SELECT a FROM Action a WHERE a.code = 'A1.2'", Action.class).getSingleResult();
      em.createNativeQuery("INSERT INTO STORED_FILE (STORAGE_NAME, ORIGINAL_NAME, CONTENT_TYPE, SIZE_BYTES, SHA256, STORED_AT, STORED_BY)"
          + " VALUES ('y', 'pv-essais-soudure.pdf', 'application/pdf', 10, '" + "1".repeat(64) + "', CURRENT_TIMESTAMP, 'test')").executeUpdate();
      StoredFile pv = em.createQuery("SELECT f FROM StoredFile f WHERE f.originalName = 'pv-essais-soudure.pdf'", StoredFile.class).getSingleResult();
      Milestone m1 = new Milestone(g, "J1", "Plateau de soudure en service", a1, LocalDate.of(2025, 6, 30), "Procès-verbal d’essais", false, null);
      m1.addEvidence(pv);
      em.persist(m1);
      em.persist(new Milestone(g, "J2", "Ouverture de la licence professionnelle", a2, LocalDate.of(2027, 9, 1), "Arrêté d’ouverture", false, null));
      em.persist(new Deliverable(g, "L1", "Cahier des charges du plateau", a1, m1, LocalDate.of(2025, 3, 31)));
      CopilMeeting meeting = new CopilMeeting(g, LocalDate.of(2025, 6, 12), "COPIL n° 7", "Tous les partenaires");
      em.persist(meeting);
      meeting.decide("D-2025-03", DecisionSubject.OTHER, null, "Report de la mise en service du plateau à l’automne", null);
      IndicatorFixtures.indicator(em, g, "IND1", "Apprenants formés sur le plateau", new SchoolYear(2024), new BigDecimal("120"), new BigDecimal("96"));
    });
  }

  @AfterAll
  static void stop() {
    AuditContext.actorResolver(() -> AuditContext.SYSTEM);
    db.close();
  }

  record Ctx(EntityManager em, FileStore files, ReportService reports) {}

  <T> T tx(Function<Ctx, T> work) {
    return db.inTransaction(em -> {
      FileStore files = PlatformFixtures.fileStore(em, data, CLOCK);
      ExpenseService expenses = ExpenseFixtures.expenseService(em, files, CLOCK);
      return work.apply(new Ctx(em, files, reportService(em, expenses, files)));
    });
  }

  static ReportService reportService(EntityManager em, ExpenseService expenses, FileStore files) {
    BudgetExecutionGenerator execution = new BudgetExecutionGenerator();
    execution.em = em;
    execution.figures = new ExecutionFigures(em);
    execution.engine = ReportFixtures.ENGINE;
    execution.clock = CLOCK;
    CofundingReportGenerator cofunding = new CofundingReportGenerator();
    cofunding.cofunding = CofundingFixtures.cofundingService(em, CLOCK);
    cofunding.engine = ReportFixtures.ENGINE;
    cofunding.clock = CLOCK;
    ProgressReportGenerator progress = new ProgressReportGenerator();
    progress.em = em;
    progress.figures = new ExecutionFigures(em);
    progress.milestones = MilestoneFixtures.milestoneService(em, CLOCK, GrantFixtures.trancheService(em, CLOCK));
    progress.deliverables = DeliverableFixtures.deliverableService(em, files, CLOCK);
    progress.copil = CofundingFixtures.copilService(em);
    progress.indicators = IndicatorFixtures.indicatorService(em, CLOCK);
    progress.narratives = narratives(em);
    progress.engine = ReportFixtures.ENGINE;
    progress.clock = CLOCK;
    ReportService s = new ReportService();
    s.em = em;
    s.grants = GrantFixtures.grantService(em);
    s.expenses = expenses;
    s.lines = new ErdRepository(em);
    s.files = files;
    s.clock = CLOCK;
    s.generators = ReportFixtures.instance(List.of(execution, cofunding, progress));
    return s;
  }

  static ProgressNarrativeService narratives(EntityManager em) {
    ProgressNarrativeService n = new ProgressNarrativeService();
    n.em = em;
    n.grants = GrantFixtures.grantService(em);
    n.clock = CLOCK;
    return n;
  }

  ReportRow generate(ReportType type, LocalDate from, LocalDate to) {
    return tx(c -> c.reports().generate(new ReportService.GenerateRequest(type, from, to, null), Locale.FRENCH));
  }

  Path fileOf(ReportRow r, ReportFormat format) {
    return tx(c -> c.files().pathOf(c.files().find(r.files().stream().filter(f -> f.format() == format).findFirst().orElseThrow().id())));
  }

  String pdfText(ReportRow r) throws Exception {
    try (PDDocument doc = Loader.loadPDF(fileOf(r, ReportFormat.PDF).toFile())) {
      return normal(new PDFTextStripper().getText(doc));
    }
  }

  static List<Figure> figures(Axis... axes) {
    return db.inTransaction(em -> new ExecutionFigures(em).figures(grantId, null, Scope.all(), axes.length == 0 ? EnumSet.noneOf(Axis.class) : EnumSet.of(axes[0], axes)));
  }

  static String normal(String s) {
    return s.replace('\u202F', ' ').replace('\u00A0', ' ');
  }

  static String french(BigDecimal b) {
    return normal(new java.text.DecimalFormat("#,##0.00", java.text.DecimalFormatSymbols.getInstance(Locale.FRENCH)).format(b)) + " €";
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

  @Test
  void theBudgetExecutionReportHasItsSectionsItsChartsAndItsTotalsEqualTheExecutionFiguresToTheCent() throws Exception {
    ReportRow r = generate(ReportType.BUDGET_EXECUTION, LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 30));
    Figure total = figures().get(0);
    List<Figure> byYear = figures(Axis.YEAR);
    List<Figure> detail = figures(Axis.YEAR, Axis.CATEGORY, Axis.ACTION);
    assertThat(total.paid().signum()).isPositive();
    assertThat(r.files()).extracting(ReportRow.File::format).containsExactlyInAnyOrder(ReportFormat.PDF, ReportFormat.XLSX);
    assertThat(r.totalEligible()).isEqualByComparingTo(total.paid());
    assertThat(r.lineCount()).isEqualTo(detail.size());

    String pdf = pdfText(r);
    assertThat(pdf).contains("Exécution budgétaire", "Période du 01/07/2026 au 30/09/2026", "Synthèse", "Par année",
        "Par catégorie", "Par action", "Par année × catégorie × action", "Prévision de fin de convention", "Alertes de dépassement budgétaire",
        "Sommes reçues par année et par financeur", "Le représentant légal (ordonnateur)");
    assertThat(pdf).contains(french(total.planned()), french(total.committed()), french(total.paid()), french(total.declared()), french(total.accepted()),
        french(total.stillToPay()), french(total.available()));
    for (Figure y : byYear) {
      assertThat(pdf).contains(french(y.paid())).contains(french(y.planned()));
    }
    BigDecimal ahead = byYear.stream().filter(f -> f.year() > 2026).map(Figure::planned).reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(pdf).contains("Prévu pour les années après 2026 " + french(ahead)).contains(french(total.paid().add(ahead)));
    // Every over-budget line is flagged where it is listed and again among the warnings, and nothing else.
    List<Figure> over = new ArrayList<>();
    byYear.stream().filter(Figure::overBudget).forEach(over::add);
    figures(Axis.CATEGORY).stream().filter(Figure::overBudget).forEach(over::add);
    figures(Axis.ACTION).stream().filter(Figure::overBudget).forEach(over::add);
    detail.stream().filter(Figure::overBudget).forEach(over::add);
    assertThat(over).isNotEmpty();
    assertThat(pdf.split("⚠", -1).length - 1).isEqualTo(2 * over.size());
    BigDecimal received = db.inTransaction(em -> new DashboardRepository(em).receivedByYear(grantId)).values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(pdf).contains("Total reçu " + french(received));
    // The figures are today's (the ledger has no history), and the report says so on its first page.
    assertThat(pdf).contains("Situation au 29/11/2026", "jour de la génération", "non l’état arrêté au 30/09/2026, fin de la période");
    try (PDDocument doc = Loader.loadPDF(fileOf(r, ReportFormat.PDF).toFile())) {
      PDFTextStripper firstPage = new PDFTextStripper();
      firstPage.setEndPage(1);
      assertThat(normal(firstPage.getText(doc))).contains("Situation au 29/11/2026", "Prévu, engagé et payé par année de la convention (€)",
          "Consommation par catégorie : payé et engagé rapportés au prévu", "les montants exacts, au centime, sont ceux des tableaux");
      // The two charts are drawn on the first page (JFreeChart through the PDF's graphics: vector paths in form XObjects).
      assertThat(drawings(doc.getPage(0).getResources())).as("charts drawn on page 1").isGreaterThanOrEqualTo(2);
      assertEveryFontEmbedded(doc);
    }

    try (InputStream in = Files.newInputStream(fileOf(r, ReportFormat.XLSX)); XSSFWorkbook book = new XSSFWorkbook(in)) {
      Sheet situation = book.getSheetAt(0);
      assertThat(situation.getSheetName()).isEqualTo("Situation");
      assertThat(situation.getRow(2).getCell(0).getStringCellValue()).isEqualTo("Période du 01/07/2026 au 30/09/2026");
      assertThat(situation.getRow(3).getCell(0).getStringCellValue()).isEqualTo("Situation au 29/11/2026");
      assertThat(situation.getRow(3).getCell(1).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(TODAY);
      assertThat(situation.getRow(4).getCell(0).getStringCellValue()).contains("jour de la génération", "30/09/2026");
      assertThat(book.getSheetAt(1).getSheetName()).isEqualTo("Par année");
      for (int s = 1; s < 5; s++) {
        Sheet sheet = book.getSheetAt(s);
        assertThat(column(sheet, 3)).as(sheet.getSheetName() + " planned").isEqualByComparingTo(total.planned());
        assertThat(column(sheet, 4)).as(sheet.getSheetName() + " committed").isEqualByComparingTo(total.committed());
        assertThat(column(sheet, 5)).as(sheet.getSheetName() + " paid").isEqualByComparingTo(total.paid());
        assertThat(column(sheet, 6)).as(sheet.getSheetName() + " declared").isEqualByComparingTo(total.declared());
        assertThat(column(sheet, 7)).as(sheet.getSheetName() + " accepted").isEqualByComparingTo(total.accepted());
      }
      assertThat(book.getSheetAt(4).getLastRowNum()).isEqualTo(detail.size());
      assertThat(column(book.getSheetAt(6), 2)).isEqualByComparingTo(received);
    }
  }

  /** Form XObjects and images on a page (looked into nested forms too): where the PDF exporter draws a chart. */
  static int drawings(PDResources resources) throws IOException {
    int n = 0;
    for (COSName name : resources.getXObjectNames()) {
      PDXObject x = resources.getXObject(name);
      n++;
      if (x instanceof PDFormXObject form && form.getResources() != null) {
        n += drawings(form.getResources());
      }
    }
    return n;
  }

  /** Every font of every page (and of the forms drawn on it) is embedded in the PDF. */
  static void assertEveryFontEmbedded(PDDocument doc) throws IOException {
    int fonts = 0;
    for (PDPage page : doc.getPages()) {
      fonts += embeddedFonts(page.getResources());
    }
    assertThat(fonts).as("fonts checked").isPositive();
  }

  private static int embeddedFonts(PDResources resources) throws IOException {
    int n = 0;
    for (COSName name : resources.getFontNames()) {
      PDFont font = resources.getFont(name);
      assertThat(font.isEmbedded()).as(font.getName() + " embedded").isTrue();
      n++;
    }
    for (COSName name : resources.getXObjectNames()) {
      if (resources.getXObject(name) instanceof PDFormXObject form && form.getResources() != null) {
        n += embeddedFonts(form.getResources());
      }
    }
    return n;
  }

  @Test
  void theCofundingStatementListsEveryFunderAndItsTotalsAndRatiosEqualTheSummary() throws Exception {
    ReportRow r = generate(ReportType.COFUNDING, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 9, 30));
    CofundingSummary s = db.inTransaction(em -> CofundingFixtures.cofundingService(em, CLOCK).summary());
    assertThat(r.files()).extracting(ReportRow.File::format).containsExactlyInAnyOrder(ReportFormat.PDF, ReportFormat.XLSX);
    assertThat(r.totalEligible()).isEqualByComparingTo(s.totalCommitted());
    String pdf = pdfText(r);
    assertThat(pdf).contains("État des cofinancements", "Par financeur", "Taux de cofinancement et contrôles (règle 8)", "Alertes",
        "Caisse des Dépôts", "Région Occitanie", "Entreprise Partenaire", "En nature", "Aides publiques engagées", "Le représentant légal (ordonnateur)");
    assertThat(pdf).contains("Total du plan de financement " + french(s.totalCommitted()) + " " + french(s.totalReceived()) + " " + french(s.inKindCommitted())
        + " " + french(s.totalExpected()));
    assertThat(pdf).contains(normal(fr.jalon.platform.Money.percent(s.cofundingRatioCommitted(), Locale.FRENCH)),
        normal(fr.jalon.platform.Money.percent(s.cofundingRatioReceived(), Locale.FRENCH)), "minimum " + normal(fr.jalon.platform.Money.percent(s.minCofundingRatio(), Locale.FRENCH)));
    assertThat(s.cofundingRatioReceivedOk()).isFalse();
    assertThat(pdf).contains("⚠").contains("des cofinancements restent à encaisser");
    try (InputStream in = Files.newInputStream(fileOf(r, ReportFormat.XLSX)); XSSFWorkbook book = new XSSFWorkbook(in)) {
      Sheet funders = book.getSheetAt(0);
      assertThat(funders.getLastRowNum()).isEqualTo(s.lines().size());
      assertThat(column(funders, 3)).isEqualByComparingTo(s.totalCommitted());
      assertThat(column(funders, 4)).isEqualByComparingTo(s.totalReceived());
      assertThat(column(funders, 5)).isEqualByComparingTo(s.inKindCommitted());
      assertThat(column(funders, 6)).isEqualByComparingTo(s.totalExpected());
      assertThat(BigDecimal.valueOf(book.getSheetAt(1).getRow(2).getCell(1).getNumericCellValue())).isEqualByComparingTo(s.cofundingRatioCommitted());
    }
  }

  @Test
  void theProgressReportCarriesTheNarrativesMilestonesWithEvidenceDecisionsIndicatorsAndNextYearsPlan() throws Exception {
    long a1 = db.inTransaction(em -> em.createQuery("SELECT a.id FROM Action a WHERE a.code = 'A1.1'", Long.class).getSingleResult());
    db.run(em -> narratives(em).write(2025, a1, new ProgressNarrativeService.NarrativeForm("Plateau de soudure installé et réceptionné en octobre.",
        "Livraison des postes retardée de quatre mois par le fournisseur.", "Ouvrir la formation continue soudage à la rentrée 2026.", null)));
    assertThatThrownBy(() -> db.run(em -> narratives(em).write(2025, a1, new ProgressNarrativeService.NarrativeForm("Autre texte", null, null, null))))
        .isInstanceOf(ConcurrentEditException.class);
    assertThatThrownBy(() -> db.run(em -> narratives(em).write(2025, a1, new ProgressNarrativeService.NarrativeForm(" ", null, "", 0))))
        .isInstanceOf(RuleViolation.class);
    assertThatThrownBy(() -> db.run(em -> narratives(em).write(2031, a1, new ProgressNarrativeService.NarrativeForm("Hors convention", null, null, null))))
        .isInstanceOf(RuleViolation.class);

    ReportRow r = generate(ReportType.PROGRESS, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31));
    assertThat(r.files()).extracting(ReportRow.File::format).containsExactly(ReportFormat.PDF);
    Figure total = figures().get(0);
    Figure of2025 = db.inTransaction(em -> new ExecutionFigures(em).figures(grantId, null, new Scope(null, null, null, 2025), EnumSet.noneOf(Axis.class)).get(0));
    Figure action2025 = db.inTransaction(em -> new ExecutionFigures(em).figures(grantId, null, new Scope(a1, null, null, 2025), EnumSet.noneOf(Axis.class)).get(0));
    Figure action2026 = db.inTransaction(em -> new ExecutionFigures(em).figures(grantId, null, new Scope(a1, null, null, 2026), EnumSet.noneOf(Axis.class)).get(0));
    String pdf = pdfText(r);
    assertThat(pdf).contains("Rapport d’avancement", "Période du 01/01/2025 au 31/12/2025", "Synthèse", "Action A1 — Plateau technique", "Action A1.1 — Sous-action 1",
        "Action A1.2 — Sous-action 2", "Consommation", "Jalons : 1 retenus, 0 atteints, 1 en retard", "J1 — Plateau de soudure en service", "En retard",
        "Preuves : pv-essais-soudure.pdf", "Livrable L1 — Cahier des charges du plateau", "Réalisations", "Plateau de soudure installé et réceptionné en octobre.",
        "Écarts et explications", "Livraison des postes retardée de quatre mois par le fournisseur.", "Aucun récit saisi pour cette action.",
        "Décisions du COPIL du 01/01/2025 au 31/12/2025", "D-2025-03 — 12/06/2025", "Report de la mise en service du plateau à l’automne",
        "Indicateurs par rapport aux cibles — année scolaire 2024-2025", "IND1 — Apprenants formés sur le plateau", "Cible non atteinte",
        "Plan de l’année 2026", "Ouvrir la formation continue soudage à la rentrée 2026.", "Le représentant légal (ordonnateur)");
    assertThat(pdf).doesNotContain("J2 — Ouverture");
    assertThat(pdf).contains(french(total.paid()), french(total.planned()), french(of2025.paid()), french(of2025.planned()), french(action2025.paid()), french(action2026.planned()));

    ReportRow last = generate(ReportType.FINAL_PROGRESS, LocalDate.of(2020, 9, 1), LocalDate.of(2029, 12, 31));
    String whole = pdfText(last);
    assertThat(whole).contains("Rapport d’avancement final", "J1 — Plateau de soudure en service", "J2 — Ouverture de la licence professionnelle",
        "Décisions du COPIL du 01/09/2020 au 31/12/2029", "Réalisations 2025", french(total.paid()));
  }
}
