package fr.jalon.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The budget execution and co-funding reports over the reports endpoint: finance generates them
 * (PDF and XLSX), the board may not, the board downloads them, and the legal representative's
 * signature alone takes one to SIGNED; the final report over the whole grant carries the project
 * manager's continuation text.
 */
class ExecutionReportApiIT {
  static JalonServer server;
  static Http finance;
  static Http board;

  @BeforeAll
  static void start() {
    server = JalonServer.shared();
    finance = Http.session(server, "finance", "jalon-demo");
    board = Http.session(server, "conseil", "jalon-demo");
  }

  static long version(long id) {
    Matcher m = Pattern.compile("\"version\":(\\d+)").matcher(finance.get("/api/reports/" + id).body());
    long last = -1;
    while (m.find()) {
      last = Long.parseLong(m.group(1));
    }
    return last;
  }

  @Test
  void theDemoBoardDraftsAreMadeAgainAfterTheDemoImportSoTheyCountTheImportedExpenses() {
    Matcher row = Pattern.compile("\\{[^{}]*\"fileName\":\"fec-exemple.txt\"[^{}]*\\}").matcher(board.get("/api/imports").body());
    LocalDateTime imported = null;
    while (row.find()) {
      if (row.group().contains("\"status\":\"CONFIRMED\"")) {
        Matcher at = Pattern.compile("\"importedAt\":\"([^\"]+)\"").matcher(row.group());
        assertThat(at.find()).isTrue();
        imported = LocalDateTime.parse(at.group(1));
      }
    }
    assertThat(imported).as("the demo's confirmed import").isNotNull();
    // Each report's id, type and status, in the archive's order; its generation time just before its id (keys are sorted).
    Matcher report = Pattern.compile("\"generatedAt\":\"([^\"]+)\",\"generatedBy\":\"[^\"]*\",\"id\":(\\d+),.*?\"status\":\"(\\w+)\"[^\\[\\]{}]*?\"type\":\"(\\w+)\"")
        .matcher(board.get("/api/reports").body());
    java.util.Map<String, LocalDateTime> firstDraft = new java.util.TreeMap<>();
    java.util.Map<String, Long> firstId = new java.util.TreeMap<>();
    while (report.find()) {
      long id = Long.parseLong(report.group(2));
      String type = report.group(4);
      if (report.group(3).equals("DRAFT") && (type.equals("BUDGET_EXECUTION") || type.equals("COFUNDING")) && id < firstId.getOrDefault(type, Long.MAX_VALUE)) {
        firstId.put(type, id);
        firstDraft.put(type, LocalDateTime.parse(report.group(1)));
      }
    }
    assertThat(firstDraft).containsOnlyKeys("BUDGET_EXECUTION", "COFUNDING");
    LocalDateTime importedAt = imported;
    assertThat(firstDraft.values()).allSatisfy(generated -> assertThat(generated).isAfterOrEqualTo(importedAt));
  }

  @Test
  void financeGeneratesABudgetExecutionReportTheBoardMayNotAndTheLegalRepresentativeAloneSignsIt() {
    String body = "{\"type\":\"BUDGET_EXECUTION\",\"from\":\"2028-04-01\",\"to\":\"2028-06-30\"}";
    assertThat(board.json("POST", "/api/reports", body).statusCode()).isEqualTo(403);
    HttpResponse<String> made = finance.json("POST", "/api/reports", body);
    assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
    assertThat(made.body()).contains("\"type\":\"BUDGET_EXECUTION\"", "\"format\":\"PDF\"", "\"format\":\"XLSX\"", "\"status\":\"DRAFT\"");
    Matcher ids = Pattern.compile("\"format\":\"PDF\",\"id\":(\\d+)|\"id\":(\\d+)[^}]*\"format\":\"PDF\"").matcher(made.body());
    Matcher report = Pattern.compile("\"generatedBy\":\"[^\"]*\",\"id\":(\\d+)").matcher(made.body());
    assertThat(report.find()).isTrue();
    long id = Long.parseLong(report.group(1));
    assertThat(ids.find()).as(made.body()).isTrue();
    long pdf = Long.parseLong(ids.group(1) != null ? ids.group(1) : ids.group(2));
    HttpResponse<byte[]> file = board.getBytes("/api/reports/" + id + "/files/" + pdf);
    assertThat(file.statusCode()).isEqualTo(200);
    assertThat(new String(file.body(), 0, 4, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF");

    assertThat(finance.json("POST", "/api/reports/" + id + "/transitions", "{\"target\":\"IN_REVIEW\",\"version\":" + version(id) + "}").statusCode()).isEqualTo(200);
    HttpResponse<String> attester = finance.json("POST", "/api/reports/" + id + "/signatures",
        "{\"role\":\"PUBLIC_ACCOUNTANT\",\"name\":\"Marc Comptable\",\"quality\":\"Agent comptable\",\"signedOn\":\"2026-01-05\",\"version\":" + version(id) + "}");
    assertThat(attester.statusCode()).isEqualTo(400);
    assertThat(finance.json("POST", "/api/reports/" + id + "/signatures",
        "{\"role\":\"LEGAL_REPRESENTATIVE\",\"name\":\"Anne Proviseur\",\"quality\":\"Proviseure\",\"signedOn\":\"2026-01-05\",\"version\":" + version(id) + "}").statusCode())
        .isEqualTo(200);
    HttpResponse<String> signed = finance.json("POST", "/api/reports/" + id + "/transitions", "{\"target\":\"SIGNED\",\"version\":" + version(id) + "}");
    assertThat(signed.statusCode()).as(signed.body()).isEqualTo(200);
    assertThat(signed.body()).contains("\"status\":\"SIGNED\"");
  }

  @Test
  void theProjectManagerWritesWhatContinuesAfterTheGrantAndFinanceGeneratesTheFinalReportOverTheWholeGrant() throws Exception {
    Http manager = Http.session(server, "projet", "jalon-demo");
    String text = "Le plateau technique reste ouvert après la convention : la Région finance sa maintenance.";
    HttpResponse<String> current = manager.get("/api/progress-narratives/continuation");
    assertThat(current.statusCode()).isEqualTo(200);
    Matcher v = Pattern.compile("\"version\":(\\d+)").matcher(current.body());
    String version = v.find() ? v.group(1) : "null";
    String form = "{\"continuation\":\"" + text + "\",\"version\":" + version + "}";
    assertThat(finance.json("PUT", "/api/progress-narratives/continuation", form).statusCode()).isEqualTo(403);
    HttpResponse<String> written = manager.json("PUT", "/api/progress-narratives/continuation", form);
    assertThat(written.statusCode()).as(written.body()).isEqualTo(200);

    assertThat(finance.json("POST", "/api/reports", "{\"type\":\"FINAL\",\"from\":\"2028-01-01\",\"to\":\"2028-12-31\"}").statusCode()).isEqualTo(400);
    HttpResponse<String> made = finance.json("POST", "/api/reports", "{\"type\":\"FINAL\"}");
    assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
    assertThat(made.body()).contains("\"type\":\"FINAL\"", "\"format\":\"PDF\"", "\"format\":\"XLSX\"", "\"status\":\"DRAFT\"");
    Matcher report = Pattern.compile("\"generatedBy\":\"[^\"]*\",\"id\":(\\d+)").matcher(made.body());
    assertThat(report.find()).isTrue();
    long id = Long.parseLong(report.group(1));
    Matcher ids = Pattern.compile("\"format\":\"PDF\",\"id\":(\\d+)|\"id\":(\\d+)[^}]*\"format\":\"PDF\"").matcher(made.body());
    assertThat(ids.find()).as(made.body()).isTrue();
    long pdf = Long.parseLong(ids.group(1) != null ? ids.group(1) : ids.group(2));
    HttpResponse<byte[]> file = board.getBytes("/api/reports/" + id + "/files/" + pdf);
    assertThat(file.statusCode()).isEqualTo(200);
    String content;
    try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(file.body())) {
      content = new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replace('\u202F', ' ').replace('\u00A0', ' ');
    }
    assertThat(content).contains("Rapport final", "1. Rapport d’avancement final", "2. État récapitulatif final des dépenses", "3. Solde de la subvention et reversement",
        "Calcul du solde (règle 9)", "4. Indicateurs par rapport aux cibles", "5. Après la subvention : pérennisation", text);
    HttpResponse<String> regenerated = finance.json("POST", "/api/reports/" + id + "/regenerate", "{\"version\":" + version(id) + "}");
    assertThat(regenerated.statusCode()).as(regenerated.body()).isEqualTo(200);
    assertThat(finance.json("POST", "/api/reports/" + id + "/transitions", "{\"target\":\"IN_REVIEW\",\"version\":" + version(id) + "}").statusCode()).isEqualTo(200);
  }

  @Test
  void financeGeneratesACofundingStatementInPdfAndXlsx() {
    HttpResponse<String> made = finance.json("POST", "/api/reports", "{\"type\":\"COFUNDING\",\"from\":\"2028-01-01\",\"to\":\"2028-06-30\"}");
    assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
    assertThat(made.body()).contains("\"type\":\"COFUNDING\"", "\"format\":\"PDF\"", "\"format\":\"XLSX\"");
  }
}
