package fr.jalon.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import fr.jalon.audit.AuditContext;
import fr.jalon.execution.ExecutionFigures;
import fr.jalon.execution.Figure;
import fr.jalon.expense.ExpenseFixtures;
import fr.jalon.expense.ExpenseService;
import fr.jalon.grant.Cofunding;
import fr.jalon.grant.Grant;
import fr.jalon.grant.GrantFixtures;
import fr.jalon.grant.Tranche;
import fr.jalon.grant.TrancheKind;
import fr.jalon.plan.Action;
import fr.jalon.plan.BudgetLine;
import fr.jalon.plan.BudgetVersion;
import fr.jalon.plan.CostCategory;
import fr.jalon.platform.FileStore;
import fr.jalon.platform.PlatformFixtures;
import fr.jalon.platform.StoredFile;
import fr.jalon.platform.TestDatabase;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
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
 * The disbursement forecast generated through the lifecycle and read back: paid for the years
 * gone, planned for the years ahead, tranche calls per year; the totals equal the execution
 * figures and the tranches to the cent, in the PDF and in the XLSX.
 */
class DisbursementForecastTest {
  static final Clock TODAY = Clock.fixed(LocalDate.of(2025, 6, 15).atStartOfDay(ZoneId.of("Europe/Paris")).toInstant(), ZoneId.of("Europe/Paris"));

  TestDatabase db;
  @TempDir Path data;

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
      em.persist(new BudgetLine(budget, a1, inv, pia, 2023, new BigDecimal("100000.00")));
      em.persist(new BudgetLine(budget, a1, inv, pia, 2024, new BigDecimal("200000.00")));
      em.persist(new BudgetLine(budget, a1, inv, pia, 2025, new BigDecimal("250000.55")));
      em.persist(new BudgetLine(budget, a1, inv, pia, 2026, new BigDecimal("300000.10")));
      em.flush();
      budget.approve(LocalDate.of(2021, 1, 15), "admin", null);
      em.persist(ExpenseFixtures.paid(g, a1, inv, pia, "Usinage Sud", "F-1", LocalDate.of(2023, 5, 2), new BigDecimal("40000.00"), new BigDecimal("8000.00"), LocalDate.of(2023, 5, 20), true, null));
      em.persist(ExpenseFixtures.paid(g, a1, inv, pia, "Usinage Sud", "F-2", LocalDate.of(2024, 3, 2), new BigDecimal("12345.67"), new BigDecimal("2469.13"), LocalDate.of(2024, 3, 20), true, null));
      em.persist(ExpenseFixtures.paid(g, a1, inv, pia, "Usinage Sud", "F-3", LocalDate.of(2025, 2, 2), new BigDecimal("1000.01"), new BigDecimal("200.00"), LocalDate.of(2025, 2, 20), true, null));
      Tranche advance = new Tranche(g, 1, TrancheKind.ADVANCE, new BigDecimal("600000.00"), LocalDate.of(2020, 10, 1), null);
      advance.request(new BigDecimal("600000.00"), LocalDate.of(2020, 10, 1));
      advance.recordReceipt(new BigDecimal("599999.99"), LocalDate.of(2021, 1, 20), "VIR-1");
      Tranche second = new Tranche(g, 2, TrancheKind.INTERIM, new BigDecimal("500000.00"), LocalDate.of(2024, 6, 30), new BigDecimal("30"));
      second.request(new BigDecimal("400000.01"), LocalDate.of(2024, 7, 1));
      Tranche third = new Tranche(g, 3, TrancheKind.INTERIM, new BigDecimal("300000.00"), LocalDate.of(2026, 6, 30), new BigDecimal("50"));
      List.of(advance, second, third).forEach(em::persist);
      em.flush();
      new fr.jalon.execution.ExecutionTotals(em).rebuild(g.id());
    });
  }

  @AfterEach
  void stop() {
    AuditContext.actorResolver(() -> AuditContext.SYSTEM);
    db.close();
  }

  record Made(ReportRow row, List<Figure> byYear, byte[] pdf, byte[] xlsx) {}

  Made generate() {
    return db.inTransaction(em -> {
      FileStore files = PlatformFixtures.fileStore(em, data, TODAY);
      ExpenseService expenses = ExpenseFixtures.expenseService(em, files, TODAY);
      ReportService reports = ReportFixtures.reportService(em, expenses, files, TODAY);
      DisbursementForecastGenerator forecast = new DisbursementForecastGenerator();
      forecast.figures = new ExecutionFigures(em);
      forecast.tranches = GrantFixtures.trancheService(em, TODAY, ReportFixtures.instance(List.of()), ReportFixtures.instance(List.of()), ReportFixtures.instance(List.of()));
      forecast.engine = ReportFixtures.ENGINE;
      forecast.clock = TODAY;
      reports.generators = ReportFixtures.instance(List.of(forecast));
      ReportRow row = reports.generate(new ReportService.GenerateRequest(ReportType.DISBURSEMENT_FORECAST, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), null), Locale.FRENCH);
      Report report = reports.find(row.id());
      byte[] pdf = read(files, report, ReportFormat.PDF);
      byte[] xlsx = read(files, report, ReportFormat.XLSX);
      List<Figure> byYear = new ExecutionFigures(em).figures(report.grant().id(), null, ExecutionFigures.Scope.all(), EnumSet.of(ExecutionFigures.Axis.YEAR));
      return new Made(row, byYear, pdf, xlsx);
    });
  }

  static byte[] read(FileStore files, Report report, ReportFormat format) {
    StoredFile f = report.files().stream().filter(x -> x.format() == format).findFirst().orElseThrow().file();
    try {
      return Files.readAllBytes(files.pathOf(f));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static String money(BigDecimal amount) {
    java.text.DecimalFormat f = new java.text.DecimalFormat("#,##0.00", java.text.DecimalFormatSymbols.getInstance(Locale.FRENCH));
    return f.format(amount).replace('\u202f', ' ').replace('\u00a0', ' ');
  }

  @Test
  void theForecastIsPaidForTheYearsGoneAndPlannedAheadWithTotalsEqualToTheFiguresToTheCent() throws Exception {
    Made made = generate();
    BigDecimal paidBefore2025 = made.byYear().stream().filter(f -> f.year() < 2025).map(Figure::paid).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal plannedFrom2025 = made.byYear().stream().filter(f -> f.year() >= 2025).map(Figure::planned).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal forecast = paidBefore2025.add(plannedFrom2025);
    // Paid incl. VAT (the beneficiary does not recover it) in 2023 and 2024, planned for 2025 and 2026.
    assertThat(forecast).isEqualByComparingTo("612815.45"); // 48 000,00 + 14 814,80 + 250 000,55 + 300 000,10
    assertThat(made.row().totalEligible()).isEqualByComparingTo(forecast);

    String text;
    try (PDDocument doc = Loader.loadPDF(made.pdf())) {
      text = new PDFTextStripper().getText(doc).replace('\u202f', ' ').replace('\u00a0', ' ');
    }
    assertThat(text).contains("Prévisionnel de décaissement").contains("Dépenses éligibles par année").contains("Appels de fonds PIA (tranches) par année")
        .contains(money(forecast) + " €")
        .contains(money(new BigDecimal("1400000.00")) + " €") // tranche calls planned
        .contains(money(new BigDecimal("1000000.01")) + " €") // requested
        .contains(money(new BigDecimal("599999.99")) + " €"); // received

    try (XSSFWorkbook book = new XSSFWorkbook(new java.io.ByteArrayInputStream(made.xlsx()))) {
      Sheet spending = book.getSheetAt(0);
      Row total = spending.getRow(spending.getLastRowNum());
      assertThat(total.getCell(0).getStringCellValue()).isEqualTo("Total");
      assertThat(BigDecimal.valueOf(total.getCell(3).getNumericCellValue()).setScale(2, java.math.RoundingMode.HALF_UP)).isEqualByComparingTo(forecast);
      BigDecimal planned = made.byYear().stream().map(Figure::planned).reduce(BigDecimal.ZERO, BigDecimal::add);
      BigDecimal paid = made.byYear().stream().map(Figure::paid).reduce(BigDecimal.ZERO, BigDecimal::add);
      assertThat(BigDecimal.valueOf(total.getCell(1).getNumericCellValue()).setScale(2, java.math.RoundingMode.HALF_UP)).isEqualByComparingTo(planned);
      assertThat(BigDecimal.valueOf(total.getCell(2).getNumericCellValue()).setScale(2, java.math.RoundingMode.HALF_UP)).isEqualByComparingTo(paid);
      // One row per year of the grant (2020 to 2029) between the header and the total; 2024 realised, 2025 planned.
      assertThat(spending.getLastRowNum()).isEqualTo(11);
      assertThat(row(spending, 2024).getCell(4).getStringCellValue()).isEqualTo("réalisé (payé)");
      assertThat(row(spending, 2025).getCell(4).getStringCellValue()).isEqualTo("prévu (budget)");
      Sheet calls = book.getSheetAt(1);
      Row t = calls.getRow(calls.getLastRowNum());
      assertThat(t.getCell(1).getNumericCellValue()).isEqualTo(1400000.00);
      assertThat(t.getCell(2).getNumericCellValue()).isEqualTo(1000000.01);
      assertThat(t.getCell(3).getNumericCellValue()).isEqualTo(599999.99);
      assertThat(row(calls, 2021).getCell(3).getNumericCellValue()).isEqualTo(599999.99);
      assertThat(row(calls, 2024).getCell(1).getNumericCellValue()).isEqualTo(500000.00);
    }
  }

  static Row row(Sheet sheet, int year) {
    for (Row r : sheet) {
      if (r.getCell(0) != null && r.getCell(0).getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC && (int) r.getCell(0).getNumericCellValue() == year) {
        return r;
      }
    }
    throw new AssertionError("no row for " + year);
  }
}
