package fr.jalon.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The action plan and the budget over REST with each role, on the shared demo server. */
class PlanApiIT {
  static JalonServer server;
  static Http admin, pm, finance, board;

  @BeforeAll
  static void start() {
    server = JalonServer.shared();
    admin = Http.basic(server, "admin", "jalon-demo");
    pm = Http.basic(server, "projet", "jalon-demo");
    finance = Http.basic(server, "finance", "jalon-demo");
    board = Http.basic(server, "conseil", "jalon-demo");
  }

  /** A row of a grid as JSON-B writes it (properties in alphabetical order). */
  record Row(long actionId, List<String> amounts, String categoryCode, long categoryId, long sourceId) {}

  private static final Pattern ROW = Pattern.compile(
      "\"actionId\":(\\d+),\"amounts\":\\[([^\\]]*)\\],\"categoryCode\":\"(\\w+)\",\"categoryId\":(\\d+),\"categoryLabel\":\"[^\"]*\",\"flatRate\":(?:true|false),\"sourceId\":(\\d+)");

  static List<Row> rows(String gridJson) {
    List<Row> rows = new ArrayList<>();
    Matcher m = ROW.matcher(gridJson);
    while (m.find()) {
      rows.add(new Row(Long.parseLong(m.group(1)), List.of(m.group(2).split(",")), m.group(3), Long.parseLong(m.group(4)), Long.parseLong(m.group(5))));
    }
    return rows;
  }

  /** The draft version's id; a revision of the version in force when there is none. */
  static long draft(Http http) {
    String versions = http.get("/api/budget/versions").body();
    Matcher m = Pattern.compile("\"id\":(\\d+),\"label\":\"[^\"]*\",\"number\":\\d+,\"status\":\"DRAFT\"").matcher(versions);
    if (m.find()) {
      return Long.parseLong(m.group(1));
    }
    HttpResponse<String> r = http.json("POST", "/api/budget/revisions", "{\"label\":\"Révision de test\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return Long.parseLong(GrantApiIT.field(r.body(), "id"));
  }

  static String cell(Row row, int col, String amount) {
    return "{\"actionId\":" + row.actionId() + ",\"categoryId\":" + row.categoryId() + ",\"sourceId\":" + row.sourceId() + ",\"year\":" + (2020 + col) + ",\"amount\":" + amount + "}";
  }

  /** Moves 1 000 € in 2020 from one action to another: the total stays, rule 12 then asks for a decision. */
  static void moveBetweenActions(Http http, long version) {
    List<Row> rows = rows(http.get("/api/budget/versions/" + version).body());
    java.math.BigDecimal thousand = new java.math.BigDecimal("1000");
    Row from = rows.stream().filter(r -> new java.math.BigDecimal(r.amounts().get(0)).compareTo(thousand) >= 0).findFirst().orElseThrow();
    Row to = rows.stream().filter(r -> r.actionId() != from.actionId()).findFirst().orElseThrow();
    String body = "[" + cell(from, 0, new java.math.BigDecimal(from.amounts().get(0)).subtract(thousand).toPlainString()) + ","
        + cell(to, 0, new java.math.BigDecimal(to.amounts().get(0)).add(thousand).toPlainString()) + "]";
    HttpResponse<String> r = http.json("PUT", "/api/budget/versions/" + version + "/cells", body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
  }

  @Test
  void everyRoleReadsThePlanTheCategoriesAndTheBudget() {
    for (Http http : List.of(admin, pm, finance, board)) {
      assertThat(http.get("/api/actions").body()).contains("\"code\":\"A1.1\"").contains("\"depth\":3");
      assertThat(http.get("/api/categories").body()).contains("\"code\":\"PERS\"").contains("\"accountPrefixes\":\"641,645,647\"").contains("\"flatRate\":true");
      HttpResponse<String> versions = http.get("/api/budget/versions");
      assertThat(versions.statusCode()).isEqualTo(200);
      assertThat(versions.body()).contains("\"number\":1");
    }
  }

  @Test
  void theProjectManagerEditsTheDraftFinanceToo_theBoardIsRefused() {
    long v = draft(pm);
    Row row = rows(pm.get("/api/budget/versions/" + v).body()).get(0);
    String same = row.amounts().get(0);
    assertThat(pm.json("PUT", "/api/budget/versions/" + v + "/cells", "[" + cell(row, 0, same) + "]").statusCode()).isEqualTo(200);
    assertThat(finance.json("PUT", "/api/budget/versions/" + v + "/cells", "[" + cell(row, 0, same) + "]").statusCode()).isEqualTo(200);
    assertThat(board.json("PUT", "/api/budget/versions/" + v + "/cells", "[" + cell(row, 0, same) + "]").statusCode()).isEqualTo(403);
    assertThat(board.json("POST", "/api/budget/revisions", "{}").statusCode()).isEqualTo(403);
    assertThat(board.json("POST", "/api/actions", "{\"code\":\"X\"}").statusCode()).isEqualTo(403);
    HttpResponse<String> negative = pm.json("PUT", "/api/budget/versions/" + v + "/cells", "[" + cell(row, 0, "-5") + "]");
    assertThat(negative.statusCode()).isEqualTo(400);
    assertThat(negative.body()).contains("\"field\":\"amount\"").contains("ne peut pas être négatif");
  }

  @Test
  void rule12RefusesAnApprovalWithoutDecisionAndSaysWhyThenTheAdministratorApprovesWithOne() {
    long v = draft(pm);
    moveBetweenActions(pm, v);
    assertThat(pm.json("POST", "/api/budget/versions/" + v + "/approval", "{}").statusCode()).isEqualTo(403);
    assertThat(board.json("POST", "/api/budget/versions/" + v + "/approval", "{}").statusCode()).isEqualTo(403);

    String review = admin.get("/api/budget/versions/" + v + "/approval").body();
    assertThat(review).contains("\"sharePercent\"").contains("\"threshold\":30");
    HttpResponse<String> refused = admin.json("POST", "/api/budget/versions/" + v + "/approval", "{}");
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("\"field\":\"decisionId\"").contains("sans décision du COPIL (règle 12)").contains("d’une action à l’autre");

    // The demo's COPIL decision on the budget (other tests may have added decisions before it).
    String decisions = admin.get("/api/budget/decisions").body();
    String decision = GrantApiIT.field(decisions.substring(decisions.lastIndexOf('{', decisions.indexOf("COPIL-2026-03-B2"))), "id");
    HttpResponse<String> approved = admin.json("POST", "/api/budget/versions/" + v + "/approval", "{\"decisionId\":" + decision + "}");
    assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
    assertThat(approved.body()).contains("\"status\":\"APPROVED\"").contains("\"decisionReference\":\"COPIL-2026-03-B2\"");
    String versions = admin.get("/api/budget/versions").body();
    assertThat(versions).contains("\"status\":\"SUPERSEDED\"").doesNotContain("\"status\":\"DRAFT\"");
    // Money only moved: rule 8's planned eligible cost is still the demo's 5 000 000,00 €.
    assertThat(admin.get("/api/grant").body()).contains("\"eligibleBudget\":5000000");
    // An approved version never changes.
    Row row = rows(pm.get("/api/budget/versions/" + v).body()).get(0);
    HttpResponse<String> frozen = pm.json("PUT", "/api/budget/versions/" + v + "/cells", "[" + cell(row, 0, "1") + "]");
    assertThat(frozen.statusCode()).isEqualTo(400);
    assertThat(frozen.body()).contains("une version approuvée ne change plus");
    // Compare: the two actions' lines differ by 1 000 €, the totals not at all.
    String superseded = versions.replaceAll("(?s).*\"id\":(\\d+),\"label\":\"[^\"]*\",\"number\":\\d+,\"status\":\"SUPERSEDED\".*", "$1");
    String cmp = board.get("/api/budget/compare?left=" + superseded + "&right=" + v).body();
    assertThat(cmp).contains("\"leftTotal\"").contains("\"rightTotal\"");
  }

  @Test
  void anActionWithBudgetCannotBeDeletedOnlyClosed_aNewOneCan() {
    String actions = pm.get("/api/actions").body();
    Matcher m = Pattern.compile("\"code\":\"A1.1\",\"depth\":2,\"endDate\":\"[^\"]*\",\"hasBudget\":true,\"id\":(\\d+)").matcher(actions);
    assertThat(m.find()).as(actions).isTrue();
    String id = m.group(1);
    assertThat(board.json("DELETE", "/api/actions/" + id, "").statusCode()).isEqualTo(403);
    HttpResponse<String> refused = pm.json("DELETE", "/api/actions/" + id, "");
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("L’action A1.1 ne peut pas être supprimée").contains("ligne(s) de budget").contains("Clôturez-la");

    HttpResponse<String> created = pm.json("POST", "/api/actions",
        "{\"code\":\"A7\",\"title\":\"Axe de test\",\"startDate\":\"2024-01-01\",\"endDate\":\"2025-12-31\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String newId = GrantApiIT.field(created.body(), "id");
    HttpResponse<String> duplicate = pm.json("POST", "/api/actions", "{\"code\":\"a7\",\"title\":\"Doublon\",\"startDate\":\"2024-01-01\",\"endDate\":\"2025-12-31\"}");
    assertThat(duplicate.statusCode()).isEqualTo(400);
    assertThat(duplicate.body()).contains("\"field\":\"code\"").contains("déjà pris");
    HttpResponse<String> outside = pm.json("PUT", "/api/actions/" + newId, "{\"code\":\"A7\",\"title\":\"Axe de test\",\"startDate\":\"2019-01-01\",\"endDate\":\"2031-01-01\"}");
    assertThat(outside.statusCode()).isEqualTo(400);
    assertThat(outside.body()).contains("\"field\":\"startDate\"").contains("\"field\":\"endDate\"");
    assertThat(pm.json("DELETE", "/api/actions/" + newId, "").statusCode()).isEqualTo(204);
  }

  @Test
  void theAdministratorEditsCategoriesOthersMayNot() {
    String cats = admin.get("/api/categories").body();
    Matcher m = Pattern.compile("\"accountPrefixes\":\"623\",\"code\":\"COMM\",\"eligible\":true,\"flatRate\":false,\"id\":(\\d+)").matcher(cats);
    assertThat(m.find()).as(cats).isTrue();
    String body = "{\"code\":\"COMM\",\"label\":\"Communication et événements\",\"eligible\":true,\"accountPrefixes\":\"623, 6257\"}";
    assertThat(pm.json("PUT", "/api/categories/" + m.group(1), body).statusCode()).isEqualTo(403);
    HttpResponse<String> r = admin.json("PUT", "/api/categories/" + m.group(1), body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.body()).contains("\"accountPrefixes\":\"623,6257\"").contains("Communication et événements");
  }
}
