package fr.jalon.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Budget execution over REST on the demo grant: every role reads, roll-ups add up, a commitment moves its action's figures by its eligible amount. */
class ExecutionApiIT {
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
    Matcher id = Pattern.compile("\"id\":(\\d+)").matcher(list.substring(list.lastIndexOf('{', at)));
    assertThat(id.find()).isTrue();
    return Long.parseLong(id.group(1));
  }

  static List<BigDecimal> amounts(String json, String field) {
    List<BigDecimal> result = new ArrayList<>();
    Matcher m = Pattern.compile("\"" + field + "\":(-?[0-9.]+)").matcher(json);
    while (m.find()) {
      result.add(new BigDecimal(m.group(1)));
    }
    return result;
  }

  static BigDecimal sum(String json, String field) {
    return amounts(json, field).stream().reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  @Test
  void everyRoleReadsTheFiguresAndTheRollUpsAddUpToTheGrant() {
    for (String user : List.of("admin", "projet", "finance", "conseil")) {
      assertThat(Http.session(server, user, "jalon-demo").get("/api/execution/figures").statusCode()).as(user).isEqualTo(200);
    }
    String whole = finance.get("/api/execution/figures").body();
    assertThat(amounts(whole, "planned")).hasSize(1);
    assertThat(amounts(whole, "planned").get(0)).as("the demo has an approved budget").isPositive();
    for (String by : List.of("action", "category", "year", "source", "action,category,source,year")) {
      String grouped = finance.get("/api/execution/figures?by=" + by).body();
      assertThat(sum(grouped, "planned")).as(by).isEqualByComparingTo(amounts(whole, "planned").get(0));
      assertThat(sum(grouped, "committed")).as(by).isEqualByComparingTo(amounts(whole, "committed").get(0));
      assertThat(sum(grouped, "paid")).as(by).isEqualByComparingTo(amounts(whole, "paid").get(0));
    }
    String byAction = finance.get("/api/execution/figures?by=action").body();
    assertThat(byAction).contains("\"actionCode\":\"A1.1\"", "\"stillToPay\":", "\"available\":", "\"overBudget\":");
  }

  @Test
  void aCommitmentRaisesItsActionsCommittedByItsEligibleAmountAndNothingElse() {
    long action = idOf("/api/actions", "A1.1");
    String before = finance.get("/api/execution/figures?action=" + action).body();
    String invoice = "EXE-" + System.nanoTime() % 1_000_000;
    HttpResponse<String> created = finance.json("POST", "/api/expenses", "{\"actionId\":" + action + ",\"categoryId\":" + idOf("/api/categories", "INV")
        + ",\"newSupplier\":{\"name\":\"Fournisseur " + invoice + "\"},\"description\":\"Étau de précision\",\"invoiceNumber\":\"" + invoice
        + "\",\"invoiceDate\":\"2025-03-03\",\"amountExcl\":1000.00,\"amountVat\":200.00}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    Matcher idMatch = Pattern.compile("\"id\":(\\d+)").matcher(created.body());
    assertThat(idMatch.find()).isTrue();
    long id = Long.parseLong(idMatch.group(1));
    assertThat(sum(finance.get("/api/execution/figures?action=" + action).body(), "committed")).as("a draft commits nothing")
        .isEqualByComparingTo(sum(before, "committed"));
    HttpResponse<String> step = finance.json("POST", "/api/expenses/" + id + "/steps", "{\"status\":\"COMMITTED\",\"date\":\"2025-03-04\"}");
    assertThat(step.statusCode()).as(step.body()).isEqualTo(200);
    String after = finance.get("/api/execution/figures?action=" + action).body();
    // Excl. 1 000,00 + VAT 200,00; the demo beneficiary does not recover VAT: eligible 1 200,00.
    assertThat(sum(after, "committed").subtract(sum(before, "committed"))).isEqualByComparingTo("1200.00");
    assertThat(sum(after, "paid")).isEqualByComparingTo(sum(before, "paid"));
    assertThat(sum(after, "available")).isEqualByComparingTo(sum(before, "available").subtract(new BigDecimal("1200.00")));
    assertThat(sum(after, "stillToPay").subtract(sum(before, "stillToPay"))).isEqualByComparingTo("1200.00");
  }

  @Test
  void anUnknownAxisIsRefusedNamingTheParameter() {
    HttpResponse<String> r = finance.get("/api/execution/figures?by=supplier");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("\"field\":\"by\"", "supplier");
  }
}
