package fr.jalon.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import fr.jalon.audit.AuditContext;
import fr.jalon.expense.ExpenseFixtures;
import fr.jalon.expense.ExpenseService;
import fr.jalon.grant.Grant;
import fr.jalon.indicator.IndicatorFixtures;
import fr.jalon.platform.FileStore;
import fr.jalon.platform.PlatformFixtures;
import fr.jalon.platform.TestDatabase;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

/** The indicators report for a school year, generated through the lifecycle and read back: targets, values, achievement, breakdowns. */
class IndicatorsReportTest {
  static final Clock TODAY = Clock.fixed(LocalDate.of(2025, 9, 15).atStartOfDay(ZoneId.of("Europe/Paris")).toInstant(), ZoneId.of("Europe/Paris"));

  TestDatabase db;
  @TempDir Path data;

  @BeforeEach
  void start() {
    db = new TestDatabase();
    AuditContext.actorResolver(() -> "projet");
    db.run(em -> {
      Grant g = ExpenseFixtures.grant();
      em.persist(g.beneficiary());
      em.persist(g);
      Map<String, BigDecimal> parts = new LinkedHashMap<>();
      parts.put("Filles", new BigDecimal("112"));
      parts.put("Garçons", new BigDecimal("388"));
      IndicatorFixtures.indicator(em, g, "APP", "Filles;Garçons", 2024, new BigDecimal("550"), new BigDecimal("500"), parts);
      IndicatorFixtures.indicator(em, g, "CERT", null, 2024, new BigDecimal("40"), new BigDecimal("44"), null);
      IndicatorFixtures.indicator(em, g, "ENT", null, 2024, new BigDecimal("12"), null, null);
      // Another school year: not in this report.
      IndicatorFixtures.indicator(em, g, "OLD", null, 2023, new BigDecimal("5"), new BigDecimal("9"), null);
    });
  }

  @AfterEach
  void stop() {
    AuditContext.actorResolver(() -> AuditContext.SYSTEM);
    db.close();
  }

  @Test
  void theSchoolYearsIndicatorsComeWithTheirTargetsValuesAchievementAndBreakdowns() throws Exception {
    byte[][] made = db.inTransaction(em -> {
      FileStore files = PlatformFixtures.fileStore(em, data, TODAY);
      ExpenseService expenses = ExpenseFixtures.expenseService(em, files, TODAY);
      ReportService reports = ReportFixtures.reportService(em, expenses, files, TODAY);
      IndicatorsGenerator generator = new IndicatorsGenerator();
      generator.indicators = IndicatorFixtures.indicatorService(em, TODAY);
      generator.engine = ReportFixtures.ENGINE;
      generator.clock = TODAY;
      reports.generators = ReportFixtures.instance(List.of(generator));
      ReportRow row = reports.generate(new ReportService.GenerateRequest(ReportType.INDICATORS, LocalDate.of(2024, 9, 1), LocalDate.of(2025, 8, 31), null), Locale.FRENCH);
      assertThat(row.lineCount()).isEqualTo(4); // every indicator of the grant is listed, with or without a value this year
      Report report = reports.find(row.id());
      return new byte[][] {DisbursementForecastTest.read(files, report, ReportFormat.PDF), DisbursementForecastTest.read(files, report, ReportFormat.XLSX)};
    });
    String text;
    try (PDDocument doc = Loader.loadPDF(made[0])) {
      text = new PDFTextStripper().getText(doc).replace('\u202f', ' ').replace('\u00a0', ' ');
    }
    assertThat(text).contains("Suivi des indicateurs — année scolaire 2024-2025").contains("Indicateurs et cibles").contains("Ventilations")
        .contains("4 indicateur(s), 2 mesuré(s) face à une cible, 1 atteint(s)")
        .contains("91 %").contains("110 %").contains("non saisie").contains("non atteinte")
        .contains("Garçons").contains("77,6 %").contains("22,4 %");
    try (XSSFWorkbook book = new XSSFWorkbook(new java.io.ByteArrayInputStream(made[1]))) {
      Sheet targets = book.getSheetAt(0);
      Row app = find(targets, "APP");
      assertThat(app.getCell(4).getNumericCellValue()).isEqualTo(550.0);
      assertThat(app.getCell(5).getNumericCellValue()).isEqualTo(500.0);
      assertThat(app.getCell(6).getNumericCellValue()).isEqualTo(91.0);
      assertThat(app.getCell(7).getStringCellValue()).isEqualTo("non atteinte");
      assertThat(find(targets, "CERT").getCell(7).getStringCellValue()).isEqualTo("atteinte");
      Sheet breakdown = book.getSheetAt(1);
      double sum = 0;
      for (Row r : breakdown) {
        if (r.getRowNum() > 0) {
          sum += r.getCell(2).getNumericCellValue();
        }
      }
      assertThat(sum).isEqualTo(500.0); // the parts add up to the value
    }
  }

  static Row find(Sheet sheet, String code) {
    for (Row r : sheet) {
      if (r.getCell(0) != null && code.equals(r.getCell(0).getStringCellValue())) {
        return r;
      }
    }
    throw new AssertionError("no row " + code);
  }
}
