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

/** {@code GET /api/dashboard} on the demo grant: every role reads it, and its figures are the expense list's totals. */
class DashboardApiIT {
  static final String[] COMMITTED = {"COMMITTED", "SERVICE_DONE", "LIQUIDATED", "ORDERED", "PAID", "DECLARED", "ACCEPTED", "REJECTED", "PARTLY_ACCEPTED"};
  static JalonServer server;
  static Http board;

  @BeforeAll
  static void start() {
    server = JalonServer.shared();
    board = Http.session(server, "conseil", "jalon-demo");
  }

  /** One category or action line of the JSON: its id, code and figures. */
  record Line(long id, String code, BigDecimal committed, BigDecimal paid) {}

  static BigDecimal amount(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\":(-?[0-9.]+)").matcher(json);
    assertThat(m.find()).as(name + " in " + json).isTrue();
    return new BigDecimal(m.group(1));
  }

  /** The object following {@code "name":} (no nested object inside). */
  static String object(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\":\\{([^{}]*)\\}").matcher(json);
    assertThat(m.find()).as(name).isTrue();
    return m.group(1);
  }

  static List<Line> lines(String json, String list) {
    int from = json.indexOf("\"" + list + "\":[");
    assertThat(from).as(list).isNotNegative();
    String rest = json.substring(from);
    String part = rest.substring(0, rest.indexOf("]"));
    Matcher m = Pattern.compile("\\{\"code\":\"([^\"]*)\",\"figures\":\\{([^}]*)\\},\"id\":(\\d+)").matcher(part);
    List<Line> lines = new ArrayList<>();
    while (m.find()) {
      lines.add(new Line(Long.parseLong(m.group(3)), m.group(1), amount(m.group(2), "committed"), amount(m.group(2), "paid")));
    }
    return lines;
  }

  /** The ledger: the eligible sum the expense list totals for a filter. */
  static BigDecimal ledger(String query) {
    HttpResponse<String> r = board.get("/api/expenses/totals?" + query);
    assertThat(r.statusCode()).isEqualTo(200);
    return amount(r.body(), "eligibleAmount");
  }

  static BigDecimal committedLedger(String query) {
    BigDecimal sum = BigDecimal.ZERO;
    for (String s : COMMITTED) {
      sum = sum.add(ledger(query + "&status=" + s));
    }
    return sum;
  }

  @Test
  void everyRoleReadsTheDashboardAndNobodyWithoutLogin() {
    for (String user : new String[] {"admin", "projet", "finance", "conseil"}) {
      HttpResponse<String> r = Http.session(server, user, "jalon-demo").get("/api/dashboard");
      assertThat(r.statusCode()).as(user).isEqualTo(200);
      assertThat(r.body()).contains("\"grantReference\":\"PIA3-TIP-CMQ-2020-OCC-07\"", "\"years\":[", "\"tranches\":", "\"indicators\":");
    }
    assertThat(Http.anonymous(server).get("/api/dashboard").statusCode()).isEqualTo(401);
    assertThat(Http.basic(server, "conseil", "jalon-demo").get("/api/dashboard").statusCode()).isEqualTo(200);
  }

  @Test
  void theTotalsEqualTheExpenseListTotals() {
    String json = board.get("/api/dashboard").body();
    String total = object(json, "total");
    assertThat(amount(total, "paid")).isEqualByComparingTo(ledger("paid=true"));
    assertThat(amount(total, "committed")).isEqualByComparingTo(committedLedger("x=1"));
    assertThat(amount(total, "paid")).isPositive();
    assertThat(amount(total, "stillToPay")).isEqualByComparingTo(amount(total, "committed").subtract(amount(total, "paid")));
  }

  @Test
  void eachActionsAndCategorysPaidFigureIsItsLinesInTheExpenseList() {
    String json = board.get("/api/dashboard").body();
    List<Line> actions = lines(json, "actions");
    List<Line> categories = lines(json, "categories");
    assertThat(actions).isNotEmpty();
    assertThat(categories).extracting(Line::code).contains("PERS", "INV", "FONC");
    for (Line a : actions) {
      assertThat(a.paid()).as(a.code()).isEqualByComparingTo(ledger("action=" + a.id() + "&paid=true"));
    }
    for (Line c : categories) {
      assertThat(c.paid()).as(c.code()).isEqualByComparingTo(ledger("category=" + c.id() + "&paid=true"));
      assertThat(c.committed()).as(c.code()).isEqualByComparingTo(committedLedger("category=" + c.id()));
    }
    BigDecimal paid = amount(object(json, "total"), "paid");
    assertThat(categories.stream().map(Line::paid).reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(paid);
    assertThat(actions.stream().map(Line::paid).reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(paid);
  }

  @Test
  void theYearsAddUpToTheListsTotalsAndTheCofundingRatioIsThePlansOwn() {
    String json = board.get("/api/dashboard").body();
    Matcher year = Pattern.compile("\\{\"committed\":(-?[0-9.]+),\"paid\":(-?[0-9.]+),\"planned\":(-?[0-9.]+),\"received\":(-?[0-9.]+),\"year\":(\\d+)\\}").matcher(json);
    int years = 0;
    BigDecimal received = BigDecimal.ZERO;
    BigDecimal paid = BigDecimal.ZERO;
    BigDecimal committed = BigDecimal.ZERO;
    while (year.find()) {
      years++;
      committed = committed.add(new BigDecimal(year.group(1)));
      paid = paid.add(new BigDecimal(year.group(2)));
      received = received.add(new BigDecimal(year.group(4)));
    }
    assertThat(years).isEqualTo(10);
    // A paid line counts in its payment year, which the list does not filter on: the years add up to the list's totals.
    assertThat(paid).isEqualByComparingTo(ledger("paid=true"));
    assertThat(committed).isEqualByComparingTo(committedLedger("x=1"));
    assertThat(amount(json, "received")).as("money received over the grant is the sum of its years").isEqualByComparingTo(received);
    String cofunding = board.get("/api/cofunding").body();
    assertThat(amount(object(json, "cofunding"), "ratioCommitted")).isEqualByComparingTo(amount(cofunding, "cofundingRatioCommitted"));
    assertThat(json).containsPattern("\"warning\":\"(LATE|D7|D30|LATER)\"");
  }
}
