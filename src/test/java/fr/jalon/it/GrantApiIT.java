package fr.jalon.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The grant over REST and its PDF, on the running application with the demo grant. */
class GrantApiIT {
  static JalonServer server;
  static Http admin;

  @BeforeAll
  static void start() {
    server = JalonServer.shared();
    admin = Http.basic(server, "admin", "jalon-demo");
  }

  static String field(String json, String name) {
    var m = java.util.regex.Pattern.compile("\"" + name + "\":\\s*(\"[^\"]*\"|[-0-9.]+|true|false|null)").matcher(json);
    return m.find() ? m.group(1).replace("\"", "") : null;
  }

  /** The demo grant as JSON, with one value replaced: a change body for PUT. */
  static String changed(String grantJson, String name, String jsonValue) {
    if (name.startsWith("parameters.")) {
      // JSON-B sorts properties: "parameterHistory" comes before "parameters".
      int at = grantJson.indexOf("\"parameters\":{");
      return grantJson.substring(0, at) + changed(grantJson.substring(at), name.substring("parameters.".length()), jsonValue);
    }
    return grantJson.replaceFirst("\"" + name + "\":\\s*(\"[^\"]*\"|[-0-9.]+)", "\"" + name + "\":" + jsonValue);
  }

  @Test
  void everyRoleReadsTheGrantWithYearsFromItsDates() {
    for (String user : new String[] {"admin", "projet", "finance", "conseil"}) {
      HttpResponse<String> r = Http.basic(server, user, "jalon-demo").get("/api/grant");
      assertThat(r.statusCode()).as(user).isEqualTo(200);
      assertThat(r.body()).contains("\"reference\":\"PIA3-TIP-CMQ-2020-OCC-07\"").contains("\"years\":[2020,2021,2022,2023,2024,2025,2026,2027,2028,2029]")
          .contains("\"maxPiaAmount\":2000000");
    }
  }

  @Test
  void invalidChangesAreRefusedFieldByFieldInFrenchAndChangeNothing() {
    String before = admin.get("/api/grant").body();
    String body = changed(changed(before, "maxPiaAmount", "-5"), "endDate", "\"2019-01-01\"");
    HttpResponse<String> r = admin.json("PUT", "/api/grant", body);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    assertThat(r.body()).contains("\"field\":\"maxPiaAmount\"").contains("\"field\":\"endDate\"")
        .contains("Le montant doit être strictement positif.").contains("La date de fin doit être postérieure au début d’éligibilité.")
        .doesNotContain("at fr.jalon").doesNotContain("Exception");
    assertThat(admin.get("/api/grant").body()).isEqualTo(before);
  }

  @Test
  void refusalsSpeakEnglishWhenAsked() {
    String before = admin.get("/api/grant").body();
    HttpResponse<String> r = admin.json("PUT", "/api/grant", changed(before, "parameters.maxPiaRate", "120"), "en");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("\"field\":\"parameters.maxPiaRate\"").contains("The rate must be between 0 and 100%.");
  }

  @Test
  void unreadableJsonIsAClearBadRequest() {
    HttpResponse<String> r = admin.json("PUT", "/api/grant", "{\"maxPiaAmount\": \"beaucoup\"");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("Requête invalide").doesNotContain("Exception");
  }

  @Test
  void aChangeIsSavedAuditedAndAStaleVersionIsAConflict() {
    String before = admin.get("/api/grant").body();
    String version = field(before, "version");
    String title = field(before, "title");
    HttpResponse<String> saved = admin.json("PUT", "/api/grant", changed(before, "title", "\"Titre modifié par le test d’API\""));
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
    assertThat(field(saved.body(), "version")).isNotEqualTo(version);

    HttpResponse<String> stale = admin.json("PUT", "/api/grant", changed(before, "title", "\"Une autre modification\""));
    assertThat(stale.statusCode()).isEqualTo(409);
    assertThat(stale.body()).contains("Modification concurrente").contains("rechargez");

    HttpResponse<String> audit = admin.get("/api/audit?q=PIA3-TIP-CMQ-2020-OCC-07&size=5");
    assertThat(audit.body()).contains("Titre modifié par le test d’API").contains("\"actor\":\"admin\"");

    HttpResponse<String> restored = admin.json("PUT", "/api/grant", changed(saved.body(), "title", "\"" + title + "\""));
    assertThat(restored.statusCode()).isEqualTo(200);
  }

  @Test
  void theFicheConventionIsAFrenchPdfWithTheGrantsFigures() throws IOException {
    HttpResponse<byte[]> r = Http.basic(server, "conseil", "jalon-demo").getBytes("/api/grant/fiche-convention.pdf");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/pdf");
    assertThat(r.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment;").contains("fiche-convention-PIA3-TIP-CMQ-2020-OCC-07.pdf");
    try (PDDocument doc = Loader.loadPDF(r.body())) {
      String text = new PDFTextStripper().getText(doc).replace('\u00A0', ' ');
      assertThat(text).contains("Fiche convention", "PIA3-TIP-CMQ-2020-OCC-07", "2 000 000,00 €", "5 000 000,00 €", "40 %", "Référence",
          "Bénéficiaire", "Lycée Jean-François Champollion", "Ministère de l’Éducation nationale");
    }
  }

  @Test
  void theSignedAgreementAcceptsAPdfAndRefusesAnExecutableRenamedPdf() throws IOException {
    byte[] exe = new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0};
    HttpResponse<String> refused = admin.raw("POST", "/api/grant/signed-agreement", "application/pdf", exe);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("\"field\":\"signedAgreement\"").contains("Type de fichier refusé");

    byte[] pdf = Http.basic(server, "admin", "jalon-demo").getBytes("/api/grant/fiche-convention.pdf").body();
    HttpResponse<String> saved = admin.raw("POST", "/api/grant/signed-agreement", "application/pdf", pdf);
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
    HttpResponse<byte[]> back = Http.basic(server, "finance", "jalon-demo").getBytes("/api/grant/signed-agreement");
    assertThat(back.statusCode()).isEqualTo(200);
    assertThat(back.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment;");
    assertThat(back.body()).isEqualTo(pdf);
  }

  @Test
  void healthIsPublicAndChecksTheDatabase() {
    HttpResponse<String> r = Http.anonymous(server).get("/health");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("\"status\":\"UP\"").contains("\"name\":\"database\"");
    assertThat(r.headers().firstValue("X-Frame-Options")).contains("DENY");
  }

  @Test
  void unknownPagesAndErrorsAreFrenchPages() {
    HttpResponse<String> r = Http.session(server, "finance", "jalon-demo").get("/grant/edit.xhtml");
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(r.body()).contains("Accès refusé", "Vos rôles ne permettent pas cette action.").doesNotContain("at fr.jalon");
    HttpResponse<String> missing = Http.session(server, "finance", "jalon-demo").get("/pas-de-page.xhtml");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).contains("Introuvable");
  }
}
