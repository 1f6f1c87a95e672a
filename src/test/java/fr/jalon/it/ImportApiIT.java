package fr.jalon.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Imports over REST beyond the FEC (see ExpenseApiIT): a CSV previewed with a mapping guessed from
 * its headers, refusals naming line and column, confirmed once, its mapping saved and reused; the
 * saved FEC selection; the reading's progress; finance alone changes anything.
 */
class ImportApiIT {
  static JalonServer server;
  static Http finance;

  @BeforeAll
  static void start() {
    server = JalonServer.shared();
    finance = Http.session(server, "finance", "jalon-demo");
  }

  static long idOf(String listPath, String code) {
    String list = finance.get(listPath).body();
    int at = list.indexOf("\"code\":\"" + code + "\"");
    assertThat(at).as(code + " in " + listPath).isNotNegative();
    java.util.regex.Matcher id = java.util.regex.Pattern.compile("\"id\":(\\d+)").matcher(list.substring(list.lastIndexOf('{', at)));
    assertThat(id.find()).isTrue();
    return Long.parseLong(id.group(1));
  }

  static long id(String body, String field) {
    return Long.parseLong(body.replaceAll("(?s).*?\"" + field + "\":(\\d+).*", "$1"));
  }

  @Test
  void aCsvIsPreviewedWithAGuessedMappingConfirmedOnceAndItsMappingSaved() {
    String run = Long.toString(System.nanoTime(), 36).toUpperCase();
    String profile = "it-" + run.toLowerCase();
    String csv = "N° facture;Date facture;Fournisseur;Libellé;Montant HT;TVA;Montant TTC;Compte;Action\n"
        + "CSV-" + run + "-1;15/03/2024;Bureau Vallée Figeac;Papeterie;1 234,50;246,90;1 481,40;6063;\n"
        + "CSV-" + run + "-2;16/03/2024;Hôtel du Quercy;Séminaire;500,00;100,00;600,00;DEPL;A2.1\n"
        + "CSV-" + run + "-3;32/03/2024;Hôtel du Quercy;Séminaire;500,00;100,00;600,00;DEPL;\n"
        + "CSV-" + run + "-4;17/03/2024;Hôtel du Quercy;Séminaire;cinq cents;;;DEPL;\n";
    long action = idOf("/api/actions", "A1.1");
    HttpResponse<String> preview = finance.raw("POST", "/api/imports/csv/preview?action=" + action + "&profile=" + profile, "text/csv", csv.getBytes(StandardCharsets.ISO_8859_1));
    assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
    assertThat(preview.body()).contains("\"toCreate\":2", "\"alreadyThere\":0", "\"refused\":2", "\"lineNumber\":4", "\"column\":\"Date facture\"",
        "Date « 32/03/2024 » illisible", "\"lineNumber\":5", "\"column\":\"Montant HT\"", "\"totalIncl\":2081.4");
    long fileId = id(preview.body(), "fileId");

    HttpResponse<String> progress = finance.get("/api/imports/" + fileId + "/progress");
    assertThat(progress.statusCode()).isEqualTo(200);
    assertThat(progress.body()).contains("\"done\":true", "\"percent\":100", "\"linesTotal\":5");

    assertThat(Http.session(server, "conseil", "jalon-demo").json("POST", "/api/imports/" + fileId + "/confirm", "{\"actionId\":" + action + ",\"profile\":\"" + profile + "\"}")
        .statusCode()).isEqualTo(403);
    String confirmed = ImportConfirm.confirm(finance, fileId, "{\"actionId\":" + action + ",\"profile\":\"" + profile + "\"}");
    assertThat(confirmed).contains("\"status\":\"CONFIRMED\"", "\"format\":\"CSV\"", "\"created\":2", "\"refused\":2", "\"linesRead\":5", "\"staged\":2",
        "\"percent\":100");
    long importId = id(confirmed, "id");
    assertThat(finance.get("/api/expenses?size=5&text=CSV-" + run + "-2").body()).contains("\"provenance\":\"CSV\"", "\"actionCode\":\"A2.1\"", "\"amountIncl\":600.00");

    // The mapping is saved under its name and read back; the same file again creates nothing.
    HttpResponse<String> saved = Http.session(server, "conseil", "jalon-demo").get("/api/imports/settings/csv/" + profile);
    assertThat(saved.statusCode()).isEqualTo(200);
    assertThat(saved.body()).contains("\"INVOICE_NUMBER\":\"N° facture\"", "\"AMOUNT_EXCL\":\"Montant HT\"", "\"ACTION_CODE\":\"Action\"");
    HttpResponse<String> again = finance.raw("POST", "/api/imports/csv/preview?action=" + action + "&profile=" + profile, "text/csv", csv.getBytes(StandardCharsets.ISO_8859_1));
    assertThat(again.body()).contains("\"toCreate\":0", "\"alreadyThere\":2");

    assertThat(finance.json("POST", "/api/imports/" + importId + "/undo", "{\"reason\":\"essai CSV\"}").statusCode()).isEqualTo(200);
    assertThat(finance.get("/api/expenses/totals?text=CSV-" + run).body()).contains("\"count\":0");
  }

  /**
   * A confirm whose reading fails in the background (a mapped column the file does not have) is
   * told FAILED with the French reason and its field; nothing of it is visible, not even in the history.
   */
  @Test
  void aConfirmFailingInTheBackgroundIsReportedFailedInFrenchAndLeavesNothingVisible() {
    String run = Long.toString(System.nanoTime(), 36).toUpperCase();
    String csv = "N° facture;Date facture;Fournisseur;Montant HT;TVA;Compte\n"
        + "ECH-" + run + "-1;15/03/2024;Papeterie " + run + ";100,00;20,00;6063\n";
    long action = idOf("/api/actions", "A1.1");
    HttpResponse<String> preview = finance.raw("POST", "/api/imports/csv/preview?action=" + action + "&profile=echec-" + run.toLowerCase(), "text/csv",
        csv.getBytes(StandardCharsets.UTF_8));
    assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
    long fileId = id(preview.body(), "fileId");
    String mapping = "{\"separator\":\";\",\"decimalComma\":true,\"columns\":{\"INVOICE_NUMBER\":\"N° facture\",\"INVOICE_DATE\":\"Date facture\","
        + "\"SUPPLIER\":\"Fournisseur\",\"AMOUNT_EXCL\":\"Montant HT\",\"AMOUNT_VAT\":\"TVA\",\"ACCOUNT\":\"Compte absent\"}}";
    String failed = ImportConfirm.confirm(finance, fileId, "{\"actionId\":" + action + ",\"csv\":" + mapping + "}");
    assertThat(failed).contains("\"status\":\"FAILED\"", "\"field\":\"csv\"", "Compte absent").doesNotContain("\"result\"");
    assertThat(failed.replaceAll("(?s).*\"error\":\"([^\"]*)\".*", "$1")).contains("colonne");
    assertThat(finance.get("/api/expenses/totals?text=ECH-" + run).body()).contains("\"count\":0");
    assertThat(finance.get("/api/imports").body()).doesNotContain("\"status\":\"FAILED\"");
  }

  /**
   * A file being confirmed cannot be confirmed again until that ends (409, said in French); the
   * progress tells the expenses staged, then the import confirmed with its counts.
   */
  @Test
  void aSecondConfirmOfTheSameFileWhileTheFirstRunsIsRefused() {
    String run = Long.toString(System.nanoTime(), 36).toUpperCase();
    StringBuilder csv = new StringBuilder("N° facture;Date facture;Fournisseur;Libellé;Montant HT;TVA;Compte\n");
    int lines = 4000;
    for (int i = 1; i <= lines; i++) {
      csv.append("LOT-").append(run).append('-').append(i).append(";15/03/2024;Fournisseur ").append(run).append(";Fournitures;10,00;2,00;6063\n");
    }
    long action = idOf("/api/actions", "A1.1");
    String profile = "lot-" + run.toLowerCase();
    HttpResponse<String> preview = finance.raw("POST", "/api/imports/csv/preview?action=" + action + "&profile=" + profile, "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8));
    assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
    assertThat(preview.body()).contains("\"toCreate\":" + lines);
    long fileId = id(preview.body(), "fileId");
    String request = "{\"actionId\":" + action + ",\"profile\":\"" + profile + "\"}";

    HttpResponse<String> first = finance.json("POST", "/api/imports/" + fileId + "/confirm", request);
    assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
    assertThat(first.body()).contains("\"status\":\"STAGED\"", "\"done\":false");
    HttpResponse<String> second = finance.json("POST", "/api/imports/" + fileId + "/confirm", request);
    assertThat(second.statusCode()).as(second.body()).isEqualTo(409);
    assertThat(second.body()).contains("Un import de ce fichier est déjà en cours");

    String done = ImportConfirm.waitFor(finance, fileId);
    assertThat(done).contains("\"status\":\"CONFIRMED\"", "\"created\":" + lines, "\"staged\":" + lines, "\"linesRead\":" + (lines + 1));
    assertThat(finance.get("/api/expenses/totals?text=LOT-" + run).body()).contains("\"count\":" + lines);
    assertThat(finance.json("POST", "/api/imports/" + id(done, "id") + "/undo", "{\"reason\":\"essai concurrence\"}").statusCode()).isEqualTo(200);
  }

  /** A SIRET Jalon has never seen: 13 digits from {@code seed} and the Luhn key. */
  static String newSiret(long seed) {
    String body = String.format("%013d", Math.floorMod(seed, 10_000_000_000_000L));
    for (int key = 0; key < 10; key++) {
      String siret = body + key;
      int sum = 0;
      for (int i = 0; i < 14; i++) {
        int d = siret.charAt(13 - i) - '0';
        sum += i % 2 == 1 ? (d * 2 > 9 ? d * 2 - 9 : d * 2) : d;
      }
      if (sum % 10 == 0 && !siret.startsWith("356000000")) {
        return siret;
      }
    }
    throw new IllegalStateException();
  }

  @Test
  void aCsvSupplierSiretCreatesTheSupplierOnceAtConfirmationAndAnInvalidOneIsRefusedWithItsColumn() {
    String run = Long.toString(System.nanoTime(), 36).toUpperCase();
    String siret = newSiret(System.nanoTime());
    String csv = "N° facture;Date facture;Fournisseur;SIRET fournisseur;Montant HT;TVA;Compte\n"
        + "SIR-" + run + "-1;15/03/2024;Atelier " + run + ";" + siret + ";100,00;20,00;6063\n"
        + "SIR-" + run + "-2;16/03/2024;Atelier " + run + " SARL;" + siret + ";50,00;10,00;6063\n"
        + "SIR-" + run + "-3;17/03/2024;Atelier faux;12345678901235;50,00;10,00;6063\n";
    long action = idOf("/api/actions", "A1.1");
    String profile = "siret-" + run.toLowerCase();
    HttpResponse<String> preview = finance.raw("POST", "/api/imports/csv/preview?action=" + action + "&profile=" + profile, "text/csv", csv.getBytes(StandardCharsets.UTF_8));
    assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
    assertThat(preview.body()).contains("\"toCreate\":2", "\"refused\":1", "\"lineNumber\":4", "\"column\":\"SIRET fournisseur\"", "clé de contrôle",
        "Nouveau fournisseur « Atelier " + run + " » (SIRET " + siret + "), enregistré à la confirmation.");
    long fileId = id(preview.body(), "fileId");
    String confirmed = ImportConfirm.confirm(finance, fileId, "{\"actionId\":" + action + ",\"profile\":\"" + profile + "\"}");
    assertThat(confirmed).contains("\"status\":\"CONFIRMED\"");
    long importId = id(confirmed, "id");

    // Both lines are the one new organisation's, under its name.
    String list = finance.get("/api/expenses?size=5&text=SIR-" + run).body();
    java.util.List<Long> ids = java.util.regex.Pattern.compile("\"id\":(\\d+)").matcher(list).results().map(m -> Long.parseLong(m.group(1))).toList();
    assertThat(ids).hasSize(2);
    java.util.Set<String> suppliers = new java.util.HashSet<>();
    for (long expense : ids) {
      String detail = finance.get("/api/expenses/" + expense).body();
      assertThat(detail).contains("\"supplier\":\"Atelier " + run + "\"");
      suppliers.add(detail.replaceAll("(?s).*\"supplierId\":(\\d+).*", "$1"));
    }
    assertThat(suppliers).singleElement().matches(v -> v.matches("\\d+"));

    // Imported again (after the undo), the lines find that organisation by its SIRET: no new supplier.
    assertThat(finance.json("POST", "/api/imports/" + importId + "/undo", "{\"reason\":\"essai SIRET\"}").statusCode()).isEqualTo(200);
    HttpResponse<String> again = finance.raw("POST", "/api/imports/csv/preview?action=" + action + "&profile=" + profile, "text/csv", csv.getBytes(StandardCharsets.UTF_8));
    assertThat(again.body()).contains("\"toCreate\":2", "\"supplier\":\"Atelier " + run + "\"").doesNotContain("Nouveau fournisseur");
  }

  @Test
  void theDemoHasImportedTheSampleFecAsFinanceOnceUndoneThenKeptSoTheSampleIsAlreadyThere() throws Exception {
    String sha256 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(SampleFec.original()));
    String history = Http.session(server, "conseil", "jalon-demo").get("/api/imports").body();
    java.util.List<String> demo = java.util.Arrays.stream(history.split("\\},\\{")).filter(r -> r.contains("\"fileName\":\"fec-exemple.txt\"")).toList();
    assertThat(demo).hasSize(2);
    assertThat(demo).allSatisfy(r -> assertThat(r).contains("\"sha256\":\"" + sha256 + "\"", "\"importedBy\":\"finance\"", "\"format\":\"FEC\"", "\"linesRead\":303",
        "\"created\":77", "\"skipped\":0", "\"refused\":5"));
    assertThat(demo).anySatisfy(r -> assertThat(r).contains("\"status\":\"CONFIRMED\""));
    assertThat(demo).anySatisfy(r -> assertThat(r).contains("\"status\":\"UNDONE\""));

    // One audit entry per import (and one for the undo), by finance, with the file's SHA-256.
    String audit = Http.session(server, "admin", "jalon-demo").get("/api/audit?size=500&q=fec-exemple.txt").body();
    java.util.List<String> entries = java.util.Arrays.stream(audit.split("\\},\\{")).filter(e -> e.contains("\"action\":\"IMPORT")).toList();
    assertThat(entries).hasSize(3).allSatisfy(e -> assertThat(e).contains("\"actor\":\"finance\"", "sha256: " + sha256));
    assertThat(entries).filteredOn(e -> e.contains("\"action\":\"IMPORT\"")).hasSize(2)
        .allSatisfy(e -> assertThat(e).contains("Import FEC « fec-exemple.txt » : 77 dépenses créées, 0 déjà présentes, 5 refusées"));

    // Its expenses are in the list, imported, on the action chosen the second time.
    assertThat(finance.get("/api/expenses?size=5&text=FA24-0001").body()).contains("\"invoiceNumber\":\"FA24-0001\"", "\"provenance\":\"FEC\"", "\"actionCode\":\"A2.1\"");
    // FA24-0001 and the credit note that corrects it, each once: the undone import's lines stay hidden.
    assertThat(finance.get("/api/expenses/totals?text=FA24-0001").body()).contains("\"count\":2", "\"amountExcl\":3345.63");

    // The same file again: everything already there, nothing to create.
    long action = idOf("/api/actions", "A2.1");
    HttpResponse<String> again = finance.raw("POST", "/api/imports/preview?action=" + action, "text/plain", SampleFec.original());
    assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
    assertThat(again.body()).contains("\"toCreate\":0", "\"alreadyThere\":77", "\"refused\":5");
  }

  @Test
  void theFecSelectionIsSavedByFinanceOnlyAndItsDefaultsComeFromTheCategories() {
    HttpResponse<String> defaults = Http.session(server, "conseil", "jalon-demo").get("/api/imports/settings/fec");
    assertThat(defaults.statusCode()).isEqualTo(200);
    assertThat(defaults.body()).contains("\"categoryByPrefix\":{", "\"625\":\"DEPL\"");
    long action = idOf("/api/actions", "A2.1");
    String body = "{\"actionId\":" + action + ",\"selection\":{\"accountPrefixes\":[\"2\",\"6\"],\"journals\":[],\"categoryByPrefix\":{\"625\":\"DEPL\",\"6\":\"FONC\",\"2\":\"INV\"}}}";
    assertThat(Http.session(server, "conseil", "jalon-demo").json("PUT", "/api/imports/settings/fec", body).statusCode()).isEqualTo(403);
    assertThat(finance.json("PUT", "/api/imports/settings/fec", "{}").statusCode()).isEqualTo(400);
    HttpResponse<String> put = finance.json("PUT", "/api/imports/settings/fec", body);
    assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    String read = finance.get("/api/imports/settings/fec").body();
    assertThat(read).contains("\"actionId\":" + action, "\"accountPrefixes\":[\"2\",\"6\"]", "\"6\":\"FONC\"");
    // Back to what was saved before (or the defaults): other tests read the sample with them.
    String before = defaults.body().contains("\"actionId\"") ? defaults.body() : "{\"actionId\":" + action + "," + defaults.body().substring(1);
    assertThat(finance.json("PUT", "/api/imports/settings/fec", before).statusCode()).isEqualTo(200);
  }
}
