package fr.jalon.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reports over REST on the demo grant: every role reads the archive, downloads and re-verifies;
 * finance takes an ERD from draft to submitted (the signatures checked on the way); the others
 * are refused; a declared expense no longer changes.
 */
class ReportApiIT {
  static JalonServer server;
  static Http finance;
  static Http board;

  @BeforeAll
  static void start() {
    server = JalonServer.shared();
    finance = Http.session(server, "finance", "jalon-demo");
    board = Http.session(server, "conseil", "jalon-demo");
  }

  static long number(String json, String field) {
    Matcher m = Pattern.compile("\"" + field + "\":(\\d+)").matcher(json);
    assertThat(m.find()).as(field + " in " + json).isTrue();
    return Long.parseLong(m.group(1));
  }

  /** The report's own version: the last "version" of its JSON (fields come in alphabetical order). */
  static long version(long id) {
    Matcher m = Pattern.compile("\"version\":(\\d+)").matcher(finance.get("/api/reports/" + id).body());
    long last = -1;
    while (m.find()) {
      last = Long.parseLong(m.group(1));
    }
    return last;
  }

  /** The report's own id (its files, listed before it, have ids too). */
  static long reportId(String json) {
    Matcher m = Pattern.compile("\"generatedBy\":\"[^\"]*\",\"id\":(\\d+)").matcher(json);
    assertThat(m.find()).as(json).isTrue();
    return Long.parseLong(m.group(1));
  }

  static HttpResponse<String> move(long id, String target, String on) {
    return finance.json("POST", "/api/reports/" + id + "/transitions",
        "{\"target\":\"" + target + "\"" + (on == null ? "" : ",\"on\":\"" + on + "\"") + ",\"version\":" + version(id) + "}");
  }

  static HttpResponse<String> sign(long id, String role, String name) {
    return finance.json("POST", "/api/reports/" + id + "/signatures",
        "{\"role\":\"" + role + "\",\"name\":\"" + name + "\",\"quality\":\"Qualité\",\"signedOn\":\"2026-01-05\",\"version\":" + version(id) + "}");
  }

  @Test
  void everyRoleReadsTheArchiveAndTheBoardMayNotGenerate() {
    for (String user : new String[] {"admin", "projet", "finance", "conseil"}) {
      HttpResponse<String> r = Http.session(server, user, "jalon-demo").get("/api/reports");
      assertThat(r.statusCode()).as(user).isEqualTo(200);
      assertThat(r.body()).contains("\"type\":\"ERD\"", "\"status\":\"ACCEPTED\"", "\"status\":\"DRAFT\"", "\"type\":\"TRANCHE_REQUEST\"");
    }
    assertThat(board.json("POST", "/api/reports", "{\"type\":\"ERD\",\"from\":\"2029-01-01\",\"to\":\"2029-01-31\"}").statusCode()).isEqualTo(403);
    assertThat(Http.session(server, "projet", "jalon-demo").json("POST", "/api/reports/1/transitions", "{\"target\":\"IN_REVIEW\",\"version\":0}").statusCode()).isEqualTo(403);
  }

  @Test
  void financeTakesAnErdFromDraftToSubmittedAndTheBoardDownloadsAndVerifiesIt() {
    HttpResponse<String> made = finance.json("POST", "/api/reports", "{\"type\":\"ERD\",\"from\":\"2029-06-01\",\"to\":\"2029-06-30\"}");
    assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
    long id = reportId(made.body());
    HttpResponse<String> again = finance.json("POST", "/api/reports", "{\"type\":\"ERD\",\"from\":\"2029-06-01\",\"to\":\"2029-06-30\"}", "fr");
    assertThat(again.statusCode()).isEqualTo(400);
    assertThat(again.body()).contains("existe déjà");
    // A regeneration replaces the draft's files: the earlier ones are gone, from the archive and from the disk.
    Matcher firstPdf = Pattern.compile("\\{\"format\":\"PDF\",\"id\":(\\d+)").matcher(made.body());
    assertThat(firstPdf.find()).as(made.body()).isTrue();
    java.util.Set<String> before = storedFiles();
    HttpResponse<String> regenerated = finance.json("POST", "/api/reports/" + id + "/regenerate", "{\"version\":" + version(id) + "}");
    assertThat(regenerated.statusCode()).as(regenerated.body()).isEqualTo(200);
    assertThat(board.getBytes("/api/reports/" + id + "/files/" + firstPdf.group(1)).statusCode()).isEqualTo(404);
    java.util.Set<String> gone = new java.util.HashSet<>(before);
    gone.removeAll(storedFiles());
    assertThat(gone).hasSize(3);
    assertThat(move(id, "SIGNED", null).statusCode()).isEqualTo(400);
    assertThat(move(id, "IN_REVIEW", null).statusCode()).isEqualTo(200);
    HttpResponse<String> legal = sign(id, "LEGAL_REPRESENTATIVE", "Marie Delmas");
    assertThat(legal.statusCode()).isEqualTo(200);
    // The scanned signed page: a PDF is kept and downloads back byte for byte; a text file is refused.
    Matcher signature = Pattern.compile("\\{\"id\":(\\d+),\"name\":\"Marie Delmas\"").matcher(legal.body());
    assertThat(signature.find()).as(legal.body()).isTrue();
    byte[] scan = "%PDF-1.4\n% page signée\n%%EOF\n".getBytes(StandardCharsets.UTF_8);
    String scanPath = "/api/reports/" + id + "/signatures/" + signature.group(1) + "/scan";
    HttpResponse<String> text = finance.upload(scanPath, "application/octet-stream", "signature.txt", "signé".getBytes(StandardCharsets.UTF_8));
    assertThat(text.statusCode()).as(text.body()).isEqualTo(400);
    HttpResponse<String> scanned = finance.upload(scanPath, "application/pdf", "page-signee.pdf", scan);
    assertThat(scanned.statusCode()).as(scanned.body()).isEqualTo(200);
    Matcher scanFile = Pattern.compile("\"name\":\"Marie Delmas\",\"quality\":\"[^\"]*\",\"recordedBy\":\"finance\",\"role\":\"LEGAL_REPRESENTATIVE\",\"scanFileId\":(\\d+)")
        .matcher(scanned.body());
    assertThat(scanFile.find()).as(scanned.body()).isTrue();
    HttpResponse<byte[]> back = board.getBytes("/api/reports/" + id + "/files/" + scanFile.group(1));
    assertThat(back.statusCode()).isEqualTo(200);
    assertThat(back.body()).isEqualTo(scan);
    HttpResponse<String> auditor = sign(id, "STATUTORY_AUDITOR", "Cabinet Audit");
    assertThat(auditor.statusCode()).isEqualTo(400);
    assertThat(auditor.body()).contains("agent comptable");
    HttpResponse<String> samePerson = sign(id, "PUBLIC_ACCOUNTANT", "marie delmas");
    assertThat(samePerson.statusCode()).isEqualTo(400);
    assertThat(samePerson.body()).contains("deux personnes différentes");
    assertThat(sign(id, "PUBLIC_ACCOUNTANT", "Jacques Fabre").statusCode()).isEqualTo(200);
    assertThat(move(id, "SIGNED", null).statusCode()).isEqualTo(200);
    HttpResponse<String> submitted = move(id, "SUBMITTED", "2026-01-06");
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
    assertThat(submitted.body()).contains("\"status\":\"SUBMITTED\"").containsPattern("\"dataSha256\":\"[0-9a-f]{64}\"");
    Matcher pdf = Pattern.compile("\\{\"format\":\"PDF\",\"id\":(\\d+)").matcher(submitted.body());
    assertThat(pdf.find()).as(submitted.body()).isTrue();
    HttpResponse<byte[]> file = board.getBytes("/api/reports/" + id + "/files/" + pdf.group(1));
    assertThat(file.statusCode()).isEqualTo(200);
    assertThat(new String(file.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    HttpResponse<String> verified = board.get("/api/reports/" + id + "/verification");
    assertThat(verified.statusCode()).isEqualTo(200);
    assertThat(verified.body()).contains("\"intact\":true");
  }

  static java.util.Set<String> storedFiles() {
    try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(server.dataFolder().resolve("files"))) {
      return files.map(f -> f.getFileName().toString()).collect(java.util.stream.Collectors.toSet());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void anExpenseOfTheAcceptedStatementRefusesEveryStepInFrench() {
    long id = number(finance.get("/api/expenses?status=ACCEPTED&size=1").body(), "id");
    HttpResponse<String> r = finance.json("POST", "/api/expenses/" + id + "/steps", "{\"status\":\"CANCELLED\",\"date\":\"2026-01-05\"}", "fr");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("ne peut plus changer");
  }
}
