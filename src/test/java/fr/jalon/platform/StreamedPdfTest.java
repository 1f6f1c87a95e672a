package fr.jalon.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRField;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A PDF written while its report fills has the same pages as the report filled first and exported
 * after; a failure on either side stops both. The statement design (reports/erd.jrxml) is the one
 * streamed in Jalon; the rows are enough for many chunks and for the fill to wait for the export.
 */
class StreamedPdfTest {
  private static final ExecutorService EXPORTER = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "pdf-export-test");
    t.setDaemon(true);
    return t;
  });
  private static final int ROWS = 5_000; // about 140 pages: 7 chunks, more than the fill may run ahead

  private final ReportEngine engine = new ReportEngine();

  @AfterAll
  static void stop() {
    EXPORTER.shutdownNow();
  }

  @Test
  void theStreamedPdfHasTheSamePagesAsTheReportExportedWhole() throws Exception {
    ByteArrayOutputStream whole = new ByteArrayOutputStream();
    JasperPrint lines = engine.fill("erd", heading(), new JRMapCollectionDataSource(rows(ROWS)), Locale.FRENCH);
    JasperPrint last = totals();
    engine.pdf(List.of(lines, last), whole);

    ByteArrayOutputStream streamed = new ByteArrayOutputStream();
    try (StreamedPdf pdf = engine.streamedPdf("erd", streamed, EXPORTER)) {
      pdf.fill("erd", heading(), new JRMapCollectionDataSource(rows(ROWS)), Locale.FRENCH);
      pdf.add(totals());
      pdf.finish();
    }

    List<String> expected = pages(whole.toByteArray());
    List<String> actual = pages(streamed.toByteArray());
    assertThat(expected).hasSizeGreaterThan(StreamedPdf.PAGES_PER_CHUNK * (StreamedPdf.CHUNKS_AHEAD + 1));
    assertThat(actual).hasSameSizeAs(expected);
    for (int i = 0; i < expected.size(); i++) {
      assertThat(actual.get(i)).as("page %d", i + 1).isEqualTo(expected.get(i));
    }
    assertThat(actual.get(actual.size() - 1)).contains("Totaux de l'état");
  }

  @Test
  void aReportThatFailsWhileFillingStopsTheExport() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThatThrownBy(() -> {
      try (StreamedPdf pdf = engine.streamedPdf("erd", out, EXPORTER)) {
        pdf.fill("erd", heading(), new JRMapCollectionDataSource(rows(ROWS)) {
          private int read;

          @Override
          public boolean next() {
            if (++read > 3_000) {
              throw new IllegalStateException("ligne illisible");
            }
            return super.next();
          }
        }, Locale.FRENCH);
        pdf.finish();
      }
    }).hasMessageContaining("ligne illisible");
  }

  @Test
  void aPdfThatCannotBeWrittenStopsTheFill() {
    OutputStream full = new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        throw new IOException("disque plein");
      }
    };
    List<Integer> fieldsRead = new ArrayList<>();
    assertThatThrownBy(() -> {
      try (StreamedPdf pdf = engine.streamedPdf("erd", full, EXPORTER)) {
        pdf.fill("erd", heading(), new JRMapCollectionDataSource(rows(ROWS)) {
          @Override
          public Object getFieldValue(JRField field) {
            fieldsRead.add(1);
            return super.getFieldValue(field);
          }
        }, Locale.FRENCH);
        pdf.finish();
      }
    }).hasStackTraceContaining("disque plein");
    // The fill stopped once the exporter failed: it did not read every row (13 fields a row).
    assertThat(fieldsRead.size()).isLessThan(ROWS * 13);
  }

  private static Map<String, Object> heading() {
    Map<String, Object> p = new HashMap<>();
    p.put("title", "État récapitulatif des dépenses");
    p.put("grantLine", "PIA3-CMQ-2021 — Campus Industrie du Futur");
    p.put("beneficiary", "Lycée Déodat de Séverac");
    p.put("periodLine", "Du 01/01/2025 au 31/05/2025");
    p.put("versionLine", "ERD, version 1");
    p.put("generatedOn", "30/11/2026");
    return p;
  }

  private JasperPrint totals() throws JRException {
    Map<String, Object> t = new HashMap<>();
    t.put("title", "Totaux de l'état");
    t.put("periodLine", "Du 01/01/2025 au 31/05/2025");
    t.put("certification", "Certifié exact.");
    Map<String, Object> row = new HashMap<>();
    row.put("sectionLabel", "Par catégorie");
    row.put("code", "TOTAL");
    row.put("label", "Total");
    row.put("budget", new BigDecimal("1000.00"));
    row.put("thisStatement", new BigDecimal("10.00"));
    row.put("earlier", BigDecimal.ZERO);
    row.put("cumulative", new BigDecimal("10.00"));
    row.put("consumed", new BigDecimal("1.0"));
    return engine.fill("erd-totals", t, new JRMapCollectionDataSource(List.of(row)), Locale.FRENCH);
  }

  private static List<Map<String, ?>> rows(int count) {
    List<Map<String, ?>> rows = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Map<String, Object> r = new HashMap<>();
      r.put("actionCode", "A" + (i / 900 + 1));
      r.put("actionTitle", "Action " + (i / 900 + 1));
      r.put("categoryCode", "C" + (i % 4 + 1));
      r.put("invoiceNumber", "F-2025-" + i);
      r.put("invoiceDate", "02/01/2025");
      r.put("supplier", "Fournisseur " + (i % 37) + (i % 11 == 0 ? " avec un nom bien plus long que la colonne" : ""));
      r.put("description", "Objet de la dépense n° " + i);
      r.put("amountExcl", new BigDecimal(i + 100).movePointLeft(2));
      r.put("amountIncl", new BigDecimal(i * 12 / 10 + 120).movePointLeft(2));
      r.put("eligibleAmount", new BigDecimal(i + 100).movePointLeft(2));
      r.put("paidOn", "15/01/2025");
      r.put("orderNumber", i % 3 == 0 ? "BC-" + i : null);
      r.put("corrects", null);
      rows.add(r);
    }
    return rows;
  }

  private static List<String> pages(byte[] pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      List<String> pages = new ArrayList<>();
      PDFTextStripper text = new PDFTextStripper();
      for (int i = 1; i <= doc.getNumberOfPages(); i++) {
        text.setStartPage(i);
        text.setEndPage(i);
        pages.add(text.getText(doc));
      }
      return pages;
    }
  }
}
