package fr.jalon.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The funding plan, the tranches and the COPIL over REST, each role doing its part on the demo grant. */
class FundingApiIT {
  static JalonServer server;
  static Http admin, projet, finance, conseil;

  @BeforeAll
  static void start() {
    server = JalonServer.shared();
    admin = Http.basic(server, "admin", "jalon-demo");
    projet = Http.basic(server, "projet", "jalon-demo");
    finance = Http.basic(server, "finance", "jalon-demo");
    conseil = Http.basic(server, "conseil", "jalon-demo");
  }

  static String group(String json, String regex) {
    Matcher m = Pattern.compile(regex).matcher(json);
    assertThat(m.find()).as("%s in %s", regex, json).isTrue();
    return m.group(1);
  }

  static long lineId(String funderPrefix) {
    return Long.parseLong(group(admin.get("/api/cofunding").body(), "\"funderName\":\"" + Pattern.quote(funderPrefix) + "[^\"]*\",\"id\":(\\d+)"));
  }

  static long trancheId(int number) {
    return Long.parseLong(group(admin.get("/api/tranches").body(), "\"id\":(\\d+),[^{}\\[\\]]*?\"number\":" + number + ","));
  }

  static String plain(String text) {
    return text.replace('\u00A0', ' ').replace('\u202F', ' ');
  }

  @Test
  void everyRoleReadsThePlanTheTranchesAndTheDecisions() {
    for (Http who : new Http[] {admin, projet, finance, conseil}) {
      HttpResponse<String> plan = who.get("/api/cofunding");
      assertThat(plan.statusCode()).isEqualTo(200);
      assertThat(plan.body()).contains("Région Occitanie", "\"kind\":\"PIA\"", "\"cofundingRatioCommitted\"");
      HttpResponse<String> schedule = who.get("/api/tranches");
      assertThat(schedule.statusCode()).isEqualTo(200);
      assertThat(schedule.body()).contains("\"kind\":\"ADVANCE\"", "\"kind\":\"BALANCE\"", "FINAL_ERD");
      HttpResponse<String> decisions = who.get("/api/decisions");
      assertThat(decisions.statusCode()).isEqualTo(200);
      assertThat(decisions.body()).contains("COPIL-2021-01", "COPIL-2023-03 — 08/06/2023");
    }
  }

  @Test
  void financeRecordsAReceiptAndTheLinesReceivedMoneyFollowsToTheCent() {
    long region = lineId("Région Occitanie");
    BigDecimal before = new BigDecimal(group(finance.get("/api/cofunding/" + region).body(), "\"received\":([-0-9.]+)"));
    HttpResponse<String> saved = finance.json("POST", "/api/cofunding/" + region + "/receipts", "{\"receivedOn\":\"2024-02-20\",\"amount\":1234.56,\"reference\":\"Titre IT\"}");
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
    BigDecimal after = new BigDecimal(group(finance.get("/api/cofunding/" + region).body(), "\"received\":([-0-9.]+)"));
    assertThat(after.subtract(before)).isEqualByComparingTo("1234.56");
    assertThat(conseil.get("/api/cofunding/" + region + "/receipts").body()).contains("Titre IT");
  }

  @Test
  void thePiaLineRefusesReceiptsTheyComeFromTheTranches() {
    long pia = Long.parseLong(group(admin.get("/api/cofunding").body(), "\"id\":(\\d+),\"kind\":\"PIA\""));
    HttpResponse<String> r = finance.json("POST", "/api/cofunding/" + pia + "/receipts", "{\"receivedOn\":\"2024-02-20\",\"amount\":10.00}");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("\"field\":\"amount\"", "proviennent des versements");
  }

  @Test
  void theBoardReadsButEveryWriteIsRefusedAndEachRoleWritesOnlyItsPart() {
    long region = lineId("Région Occitanie");
    assertThat(conseil.json("POST", "/api/cofunding/" + region + "/receipts", "{\"receivedOn\":\"2024-02-20\",\"amount\":1.00}").statusCode()).isEqualTo(403);
    assertThat(conseil.json("POST", "/api/tranches", "{\"number\":9,\"kind\":\"INTERIM\",\"plannedAmount\":1.00,\"plannedDate\":\"2028-01-01\"}").statusCode()).isEqualTo(403);
    assertThat(conseil.json("POST", "/api/decisions", "{\"heldOn\":\"2024-01-01\",\"title\":\"x\",\"attendees\":\"y\"}").statusCode()).isEqualTo(403);
    assertThat(finance.json("POST", "/api/tranches", "{\"number\":9,\"kind\":\"INTERIM\",\"plannedAmount\":1.00,\"plannedDate\":\"2028-01-01\"}").statusCode()).isEqualTo(403);
    assertThat(admin.json("POST", "/api/tranches/" + trancheId(3) + "/request", "{\"amount\":1.00,\"requestedOn\":\"2025-07-01\"}").statusCode()).isEqualTo(403);
    assertThat(projet.json("POST", "/api/cofunding/" + region + "/receipts", "{\"receivedOn\":\"2024-02-20\",\"amount\":1.00}").statusCode()).isEqualTo(403);
  }

  @Test
  void aRequestIsRefusedNamingTheFailingConditionAndChangesNothing() {
    long third = trancheId(3);
    HttpResponse<String> r = finance.json("POST", "/api/tranches/" + third + "/request", "{\"amount\":400000.00,\"requestedOn\":\"2025-07-01\"}");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(plain(r.body())).contains("\"field\":\"conditions\"", "Demande de la tranche 3 refusée", "inférieur aux 40 % exigés");
    assertThat(finance.get("/api/tranches/" + third).body()).contains("\"storedStatus\":\"PLANNED\"").doesNotContain("\"requestedOn\"");
  }

  @Test
  void theAdministratorSchedulesWithinTheCapsOfRuleNine() {
    long fourth = trancheId(4);
    String version = group(admin.get("/api/tranches/" + fourth).body(), "\"version\":(\\d+)");
    HttpResponse<String> lowered = admin.json("PUT", "/api/tranches/" + fourth,
        "{\"version\":" + version + ",\"kind\":\"INTERIM\",\"plannedAmount\":350000.00,\"plannedDate\":\"2027-06-30\",\"minSpendRatio\":60}");
    assertThat(lowered.statusCode()).as(lowered.body()).isEqualTo(200);

    HttpResponse<String> added = admin.json("POST", "/api/tranches", "{\"number\":7,\"kind\":\"INTERIM\",\"plannedAmount\":50000.00,\"plannedDate\":\"2028-06-30\"}");
    assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
    assertThat(added.body()).contains("\"status\":\"PLANNED\"", "\"number\":7");

    HttpResponse<String> above = admin.json("POST", "/api/tranches", "{\"number\":8,\"kind\":\"INTERIM\",\"plannedAmount\":0.01,\"plannedDate\":\"2028-07-30\"}");
    assertThat(above.statusCode()).isEqualTo(400);
    assertThat(plain(above.body())).contains("\"field\":\"plannedAmount\"", "Avance et acomptes (1 800 000,01 €) dépasseraient le plafond de 1 800 000,00 € (90 % du montant PIA maximal).");

    long seventh = Long.parseLong(group(added.body(), "\"id\":(\\d+)"));
    HttpResponse<String> cancelled = admin.json("POST", "/api/tranches/" + seventh + "/cancel", "{\"reason\":\"Programmée par le test d’API\"}");
    assertThat(cancelled.statusCode()).isEqualTo(200);
    assertThat(cancelled.body()).contains("\"status\":\"CANCELLED\"");

    String again = group(admin.get("/api/tranches/" + fourth).body(), "\"version\":(\\d+)");
    HttpResponse<String> restored = admin.json("PUT", "/api/tranches/" + fourth,
        "{\"version\":" + again + ",\"kind\":\"INTERIM\",\"plannedAmount\":400000.00,\"plannedDate\":\"2027-06-30\",\"minSpendRatio\":60}");
    assertThat(restored.statusCode()).as(restored.body()).isEqualTo(200);
    HttpResponse<String> stale = admin.json("PUT", "/api/tranches/" + fourth,
        "{\"version\":" + version + ",\"kind\":\"INTERIM\",\"plannedAmount\":400000.00,\"plannedDate\":\"2027-06-30\",\"minSpendRatio\":60}");
    assertThat(stale.statusCode()).isEqualTo(409);
  }

  @Test
  void theProjectManagerRecordsAMeetingAndItsDecisionsWithUniqueReferences() {
    HttpResponse<String> meeting = projet.json("POST", "/api/decisions", "{\"heldOn\":\"2024-01-18\",\"title\":\"COPIL test d’API\",\"attendees\":\"Proviseur, Région\"}");
    assertThat(meeting.statusCode()).as(meeting.body()).isEqualTo(201);
    long id = Long.parseLong(group(meeting.body(), "\"id\":(\\d+)"));
    String reference = "COPIL-IT-" + System.nanoTime() % 1_000_000;
    String decision = "{\"reference\":\"" + reference + "\",\"subject\":\"AMENDMENT\",\"summary\":\"Avis favorable au projet d’avenant n° 1.\"}";
    HttpResponse<String> saved = projet.json("POST", "/api/decisions/" + id + "/decisions", decision);
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
    assertThat(saved.body()).contains("\"citation\":\"" + reference + " — 18/01/2024\"");

    HttpResponse<String> twice = projet.json("POST", "/api/decisions/" + id + "/decisions", decision);
    assertThat(twice.statusCode()).isEqualTo(400);
    assertThat(twice.body()).contains("\"field\":\"reference\"", "déjà utilisée");
    HttpResponse<String> outcome = projet.json("POST", "/api/decisions/" + id + "/decisions",
        "{\"reference\":\"" + reference + "-B\",\"subject\":\"OTHER\",\"summary\":\"x\",\"outcome\":\"GO\"}");
    assertThat(outcome.statusCode()).isEqualTo(400);
    assertThat(finance.json("POST", "/api/decisions/" + id + "/decisions", "{\"reference\":\"X-1\",\"subject\":\"OTHER\",\"summary\":\"x\"}").statusCode()).isEqualTo(403);
    assertThat(conseil.get("/api/decisions/" + id).body()).contains(reference, "Proviseur, Région");
  }
}
