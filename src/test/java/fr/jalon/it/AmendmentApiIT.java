package fr.jalon.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rule 13 over REST on the demo grant, whose first tranches are already requested: parameters
 * change only through an amendment, from its effective date, citing a COPIL decision.
 */
class AmendmentApiIT {
  static JalonServer server;
  static Http admin;
  static Http projet;

  @BeforeAll
  static void start() {
    server = JalonServer.shared();
    admin = Http.session(server, "admin", "jalon-demo");
    projet = Http.session(server, "projet", "jalon-demo");
  }

  /** A COPIL decision recorded by the project manager for this test. */
  static long decision(String reference) {
    HttpResponse<String> meeting = projet.json("POST", "/api/decisions", "{\"heldOn\":\"2026-11-18\",\"title\":\"COPIL avenant\",\"attendees\":\"Proviseur, Région, CDC\"}");
    assertThat(meeting.statusCode()).as(meeting.body()).isEqualTo(201);
    String meetingId = number(meeting.body(), "id");
    HttpResponse<String> decided = projet.json("POST", "/api/decisions/" + meetingId + "/decisions",
        "{\"reference\":\"" + reference + "\",\"subject\":\"AMENDMENT\",\"summary\":\"Avenant : délai de remise des rapports porté à 75 jours\"}");
    assertThat(decided.statusCode()).as(decided.body()).isEqualTo(201);
    return Long.parseLong(number(decided.body(), "id"));
  }

  static String number(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\":(\\d+)").matcher(json);
    assertThat(m.find()).as(name + " in " + json).isTrue();
    return m.group(1);
  }

  /** The grant's parameters in force as JSON, with one value replaced. */
  static String parametersWith(String name, String value) {
    Matcher m = Pattern.compile("\"parameters\":(\\{[^}]*\\})").matcher(admin.get("/api/grant").body());
    assertThat(m.find()).isTrue();
    return m.group(1).replaceFirst("\"" + name + "\":[^,}]*", "\"" + name + "\":" + value);
  }

  @Test
  void afterTheFirstTrancheRequestParametersChangeOnlyByAmendmentFromItsEffectiveDate() {
    String grant = admin.get("/api/grant").body();
    assertThat(grant).contains("\"parametersFrozen\":true");

    // The grant form may no longer change them…
    String frozen = grant.replaceFirst("(\"parameters\":\\{[^}]*\"reportDueDays\":)\\d+", "$175");
    HttpResponse<String> refused = admin.json("PUT", "/api/grant", frozen);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("\"field\":\"parameters\"").contains("ne changent plus que par un avenant");

    // …an amendment does, from its effective date, and lists what changed.
    long decision = decision("COPIL-IT-AV1");
    String body = "{\"signedOn\":\"2026-11-20\",\"effectiveFrom\":\"2027-01-01\",\"object\":\"Délai de remise des rapports\",\"decisionId\":" + decision
        + ",\"parameters\":" + parametersWith("reportDueDays", "75") + "}";
    HttpResponse<String> recorded = admin.json("POST", "/api/amendments", body);
    assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
    assertThat(recorded.body()).contains("\"decisionReference\":\"COPIL-IT-AV1\"").contains("\"parameter\":\"reportDueDays\"").containsPattern("\"after\":75[,}]")
        .containsPattern("\"before\":60[,}]");

    // Today is before the effective date: the parameters in force have not changed; the history shows both sets.
    String after = admin.get("/api/grant").body();
    assertThat(after).contains("\"effectiveFrom\":\"2027-01-01\"").containsPattern("\"parameters\":\\{[^}]*\"reportDueDays\":60");

    // A second amendment cannot take effect on the same day (past values never change).
    HttpResponse<String> sameDay = admin.json("POST", "/api/amendments", body.replace("75", "80"));
    assertThat(sameDay.statusCode()).isEqualTo(400);
    assertThat(sameDay.body()).contains("\"field\":\"effectiveFrom\"").contains("postérieure au 01/01/2027");
  }

  @Test
  void onlyTheAdministratorRecordsAnAmendmentAndEveryoneReadsThem() {
    HttpResponse<String> board = Http.basic(server, "conseil", "jalon-demo").json("POST", "/api/amendments", "{\"object\":\"x\"}");
    assertThat(board.statusCode()).isEqualTo(403);
    for (String user : new String[] {"admin", "projet", "finance", "conseil"}) {
      assertThat(Http.basic(server, user, "jalon-demo").get("/api/amendments").statusCode()).as(user).isEqualTo(200);
    }
  }

  @Test
  void anAmendmentWithoutDecisionOrObjectIsRefusedFieldByField() {
    HttpResponse<String> r = admin.json("POST", "/api/amendments", "{\"signedOn\":\"2026-11-20\",\"effectiveFrom\":\"2027-02-01\"}");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("\"field\":\"decisionId\"").contains("\"field\":\"object\"").contains("s’appuie sur une décision du COPIL");
  }
}
