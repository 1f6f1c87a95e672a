package fr.jalon.grant;

import static org.assertj.core.api.Assertions.assertThat;

import fr.jalon.platform.ReportEngine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.stream.Stream;
import net.sf.jasperreports.engine.JasperCompileManager;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The report designs compile, and the fiche convention reads back in French with its amounts. */
class GrantSheetReportTest {

  static String text(byte[] pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(doc).replace('\u00A0', ' ').replace('\u202F', ' ');
    }
  }

  static byte[] sheet(Locale locale) {
    GrantSheetReport report = new GrantSheetReport();
    report.engine = new ReportEngine();
    report.clock = Clock.fixed(Instant.parse("2026-11-29T10:00:00Z"), ZoneId.of("Europe/Paris"));
    Grant grant = new Grant(GrantRulesTest.golden(), new Organisation("Lycée Jean-François Champollion", "19460036500010", LegalForm.EPLE, false));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    report.write(GrantSheet.of(grant), locale, out);
    return out.toByteArray();
  }

  @Test
  void everyDesignInTheReportsFolderCompiles() throws Exception {
    try (Stream<Path> designs = Files.list(Path.of("reports"))) {
      for (Path design : designs.filter(p -> p.toString().endsWith(".jrxml")).toList()) {
        assertThat(JasperCompileManager.compileReport(design.toString())).as(design.toString()).isNotNull();
      }
    }
  }

  @Test
  void theSheetIsOnePageInFrenchWithFrenchAmountsAndEmbeddedFonts() throws IOException {
    byte[] pdf = sheet(Locale.FRENCH);
    String text = text(pdf);
    assertThat(text).contains("Fiche convention", "PIA3-TEST-01", "Lycée Jean-François Champollion", "2 000 000,00 €", "5 000 000,00 €", "40 %",
        "Plafond de l’avance", "30 % — 600 000,00 €", "90 % — 1 800 000,00 €", "du 01/01/2020 au 31/12/2029 (120 mois, 10 années)", "Éducation nationale",
        "29/11/2026");
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      assertThat(doc.getNumberOfPages()).isEqualTo(1);
      for (var name : doc.getPage(0).getResources().getFontNames()) {
        PDFont font = doc.getPage(0).getResources().getFont(name);
        assertThat(font.isEmbedded()).as(font.getName()).isTrue();
        assertThat(font.getName()).contains("DejaVu");
      }
    }
  }

  @Test
  void theSheetSpeaksEnglishOnRequest() throws IOException {
    String text = text(sheet(Locale.ENGLISH));
    assertThat(text).contains("Grant sheet", "€2,000,000.00", "Advance cap");
  }
}
