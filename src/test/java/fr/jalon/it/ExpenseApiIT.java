package fr.jalon.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Expenses over REST on the demo grant: every role reads by keyset pages, finance records and moves lines, the others are refused. */
class ExpenseApiIT {
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
    int objectStart = list.lastIndexOf('{', at);
    Matcher id = Pattern.compile("\"id\":(\\d+)").matcher(list.substring(objectStart));
    assertThat(id.find()).isTrue();
    return Long.parseLong(id.group(1));
  }

  static String body(String invoice, String excl) {
    return "{\"actionId\":" + idOf("/api/actions", "A1.1") + ",\"categoryId\":" + idOf("/api/categories", "INV")
        + ",\"newSupplier\":{\"name\":\"Fournisseur API " + invoice + "\"},\"description\":\"Étau de précision\",\"invoiceNumber\":\"" + invoice
        + "\",\"invoiceDate\":\"2025-03-03\",\"amountExcl\":" + excl + ",\"amountVat\":200.00}";
  }

  static long created(HttpResponse<String> r) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    Matcher m = Pattern.compile("\"id\":(\\d+)").matcher(r.body());
    assertThat(m.find()).isTrue();
    return Long.parseLong(m.group(1));
  }

  @Test
  void everyRoleReadsTheListByKeysetPages() {
    for (String user : new String[] {"admin", "projet", "finance", "conseil"}) {
      Http http = Http.session(server, user, "jalon-demo");
      HttpResponse<String> first = http.get("/api/expenses?size=20");
      assertThat(first.statusCode()).as(user).isEqualTo(200);
      Matcher next = Pattern.compile("\"next\":\"([^\"]+)\"").matcher(first.body());
      assertThat(next.find()).as(first.body()).isTrue();
      HttpResponse<String> second = http.get("/api/expenses?size=20&after=" + next.group(1));
      assertThat(second.statusCode()).isEqualTo(200);
      Matcher firstId = Pattern.compile("\"id\":(\\d+)").matcher(first.body());
      firstId.find();
      assertThat(second.body()).doesNotContain("\"id\":" + firstId.group(1) + ",");
    }
  }

  @Test
  void theFilteredCountAndTotalsFollowTheFilters() {
    String all = finance.get("/api/expenses/totals").body();
    String paid = finance.get("/api/expenses/totals?status=PAID").body();
    long total = Long.parseLong(all.replaceAll(".*\"count\":(\\d+).*", "$1"));
    long paidCount = Long.parseLong(paid.replaceAll(".*\"count\":(\\d+).*", "$1"));
    assertThat(total).isGreaterThan(2000);
    assertThat(paidCount).isPositive().isLessThan(total);
    assertThat(finance.get("/api/expenses?size=5&status=PAID&year=2022").body()).contains("\"status\":\"PAID\"").doesNotContain("\"status\":\"DRAFT\"");
  }

  @Test
  void financeRecordsAnExpenseMovesItAlongAndAttachesItsReceipt() {
    long id = created(finance.json("POST", "/api/expenses", body("API-001", "1000.00")));
    String detail = finance.get("/api/expenses/" + id).body();
    assertThat(detail).contains("\"amountIncl\":1200", "\"eligibleAmount\":1200", "\"status\":\"DRAFT\"", "\"nextStatus\":\"COMMITTED\"");
    HttpResponse<String> skip = finance.json("POST", "/api/expenses/" + id + "/steps", "{\"status\":\"PAID\",\"date\":\"2025-03-10\"}");
    assertThat(skip.statusCode()).isEqualTo(400);
    assertThat(skip.body()).contains("\"field\":\"status\"", "Étape refusée");
    assertThat(finance.json("POST", "/api/expenses/" + id + "/steps", "{\"status\":\"COMMITTED\",\"date\":\"2025-03-01\"}").statusCode()).isEqualTo(200);
    HttpResponse<String> backwards = finance.json("POST", "/api/expenses/" + id + "/steps", "{\"status\":\"SERVICE_DONE\",\"date\":\"2025-02-01\"}");
    assertThat(backwards.statusCode()).isEqualTo(400);
    assertThat(backwards.body()).contains("\"field\":\"serviceDoneOn\"", "service fait");
    HttpResponse<String> receipt = finance.raw("POST", "/api/expenses/" + id + "/receipts?kind=INVOICE", "application/pdf",
        "%PDF-1.4\n% facture\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    assertThat(receipt.statusCode()).as(receipt.body()).isEqualTo(200);
    assertThat(receipt.body()).contains("\"kind\":\"INVOICE\"");
    HttpResponse<String> twice = finance.json("POST", "/api/expenses", body("API-001", "1000.00").replace("Fournisseur API API-001\"}", "Fournisseur API API-001\"}"));
    assertThat(twice.statusCode()).isEqualTo(400);
  }

  @Test
  void aSelectionMovesOneStepTogetherOrNotAtAll() {
    long a = created(finance.json("POST", "/api/expenses", body("API-101", "10.00")));
    long b = created(finance.json("POST", "/api/expenses", body("API-102", "20.00")));
    HttpResponse<String> moved = finance.json("POST", "/api/expenses/steps", "{\"status\":\"COMMITTED\",\"date\":\"2025-03-04\",\"ids\":[" + a + "," + b + "]}");
    assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
    assertThat(moved.body()).isEqualTo("2");
    HttpResponse<String> refused = finance.json("POST", "/api/expenses/steps", "{\"status\":\"LIQUIDATED\",\"date\":\"2025-03-05\",\"ids\":[" + a + "]}");
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(finance.get("/api/expenses/" + a).body()).contains("\"status\":\"COMMITTED\"");
    assertThat(Http.session(server, "admin", "jalon-demo").get("/api/audit").body()).contains("2 dépenses passées à COMMITTED");
  }

  @Test
  void onlyFinanceChangesExpenses() {
    for (String user : new String[] {"admin", "projet", "conseil"}) {
      HttpResponse<String> r = Http.basic(server, user, "jalon-demo").json("POST", "/api/expenses", body("API-9" + user, "10.00"));
      assertThat(r.statusCode()).as(user).isEqualTo(403);
    }
  }

  @Test
  void financeImportsAFecPreviewConfirmOnceHistoryAndUndo() {
    // The demo has imported the sample itself: this is the same file under other journals and invoice numbers.
    byte[] fec = SampleFec.variant("API");
    long action = idOf("/api/actions", "A2.1");
    HttpResponse<String> preview = finance.raw("POST", "/api/imports/preview?action=" + action, "text/plain", fec);
    assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
    assertThat(preview.body()).contains("\"toCreate\":77", "\"alreadyThere\":0", "\"refused\":5", "déséquilibrée", "\"totalIncl\":348439.16");
    long fileId = Long.parseLong(preview.body().replaceAll(".*\"fileId\":(\\d+).*", "$1"));
    assertThat(Http.basic(server, "conseil", "jalon-demo").raw("POST", "/api/imports/preview?action=" + action, "text/plain", fec).statusCode()).isEqualTo(403);

    String confirmed = ImportConfirm.confirm(finance, fileId, "{\"actionId\":" + action + "}");
    assertThat(confirmed).contains("\"status\":\"CONFIRMED\"", "\"created\":77");
    long importId = Long.parseLong(confirmed.replaceAll(".*\"id\":(\\d+).*", "$1"));
    assertThat(finance.get("/api/expenses?size=5&action=" + action + "&text=APIFA24-0001").body()).contains("APIFA24-0001", "\"provenance\":\"FEC\"");
    assertThat(Http.session(server, "conseil", "jalon-demo").get("/api/imports").body()).contains("\"fileName\":\"fec.txt\"", "\"created\":77");

    HttpResponse<String> again = finance.raw("POST", "/api/imports/preview?action=" + action, "text/plain", fec);
    assertThat(again.body()).contains("\"toCreate\":0", "\"alreadyThere\":77");

    assertThat(finance.json("POST", "/api/imports/" + importId + "/undo", "{\"reason\":\"essai\"}").statusCode()).isEqualTo(200);
    assertThat(finance.get("/api/expenses/totals?text=APIFA24-0001").body()).contains("\"count\":0");
  }

  @Test
  void theExportOfAFilteredSetHasItsLinesAndItsTotal() throws Exception {
    String totals = finance.get("/api/expenses/totals?status=PAID&year=2023").body();
    long count = Long.parseLong(totals.replaceAll(".*\"count\":(\\d+).*", "$1"));
    java.math.BigDecimal incl = new java.math.BigDecimal(totals.replaceAll(".*\"amountIncl\":([-0-9.]+).*", "$1"));
    HttpResponse<byte[]> xlsx = Http.session(server, "conseil", "jalon-demo").getBytes("/api/expenses/export.xlsx?status=PAID&year=2023");
    assertThat(xlsx.statusCode()).isEqualTo(200);
    try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx.body()))) {
      var sheet = book.getSheetAt(0);
      assertThat(sheet.getLastRowNum()).isEqualTo((int) count);
      java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
      for (int i = 1; i <= sheet.getLastRowNum(); i++) {
        sum = sum.add(new java.math.BigDecimal(String.valueOf(sheet.getRow(i).getCell(11).getNumericCellValue())));
      }
      assertThat(sum).isEqualByComparingTo(incl);
    }
    assertThat(finance.get("/api/expenses/export.csv?status=PAID&year=2023").body().split("\r\n")).hasSize((int) count + 1);
  }
}
