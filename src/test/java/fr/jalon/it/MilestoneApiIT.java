package fr.jalon.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Milestones and deliverables over REST on the demo grant, by role: everybody reads and downloads,
 * the project manager changes, refusals in French. J06 is left to the browser test (it declares it
 * reached), so nothing here depends on the order the classes run in.
 */
class MilestoneApiIT {
  static JalonServer server;
  static Http projet;
  static final String[] USERS = {"admin", "projet", "finance", "conseil"};

  @BeforeAll
  static void start() {
    server = JalonServer.shared();
    projet = Http.session(server, "projet", "jalon-demo");
  }

  static String group(String body, String regex) {
    Matcher m = Pattern.compile(regex).matcher(body);
    assertThat(m.find()).as(regex + " in " + body).isTrue();
    return m.group(1);
  }

  /** The id of a demo milestone by its code (records are serialised with sorted keys: id after code). */
  static long idOf(String code) {
    String list = projet.get("/api/milestones?size=500").body();
    return Long.parseLong(group(list.substring(list.indexOf("\"code\":\"" + code + "\"")), "\"id\":(\\d+)"));
  }

  static int version(long id) {
    return Integer.parseInt(group(projet.get("/api/milestones/" + id).body(), "\"version\":(\\d+)\\}?$"));
  }

  @Test
  void everyRoleReadsTheMilestonesWithLateAndSlippingDerived() {
    for (String user : USERS) {
      Http http = Http.basic(server, user, "jalon-demo");
      HttpResponse<String> r = http.get("/api/milestones?late=true");
      assertThat(r.statusCode()).as(user).isEqualTo(200);
      assertThat(r.body()).as(user).contains("\"code\":\"J05\"", "\"late\":true").doesNotContain("\"code\":\"J01\"");
      assertThat(http.get("/api/deliverables").body()).as(user).contains("\"code\":\"L01\"", "\"status\":\"ACCEPTED\"");
    }
    String j07 = projet.get("/api/milestones/" + idOf("J07")).body();
    assertThat(j07).contains("\"slipping\":true", "\"baselineDate\":\"2027-06-30\"", "\"forecastDate\":\"2027-12-31\"");
  }

  @Test
  void everyRoleDownloadsTheEvidenceOfAValidatedMilestone() {
    long j01 = idOf("J01");
    String evidence = projet.get("/api/milestones/" + j01 + "/evidence").body();
    long fileId = Long.parseLong(group(evidence, "\"id\":(\\d+)"));
    for (String user : USERS) {
      HttpResponse<byte[]> file = Http.basic(server, user, "jalon-demo").getBytes("/api/milestones/" + j01 + "/evidence/" + fileId);
      assertThat(file.statusCode()).as(user).isEqualTo(200);
      assertThat(new String(file.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }
  }

  @Test
  void theBoardAndFinanceCannotMoveAMilestoneNorUploadEvidence() {
    long j05 = idOf("J05");
    for (String user : new String[] {"conseil", "finance", "admin"}) {
      Http http = Http.basic(server, user, "jalon-demo");
      assertThat(http.json("POST", "/api/milestones/" + j05 + "/transitions", "{\"step\":\"ABANDON\",\"version\":" + version(j05) + "}").statusCode()).as(user).isEqualTo(403);
      assertThat(http.raw("POST", "/api/milestones/" + j05 + "/evidence", "application/pdf", "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII)).statusCode()).as(user).isEqualTo(403);
    }
    assertThat(projet.get("/api/milestones/" + j05).body()).contains("\"status\":\"IN_PROGRESS\"");
  }

  @Test
  void anExecutableRenamedAsEvidenceIsRefusedSayingWhy() {
    long j05 = idOf("J05");
    byte[] elf = {0x7F, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    HttpResponse<String> r = projet.raw("POST", "/api/milestones/" + j05 + "/evidence", "application/pdf", elf);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("\"field\":\"evidence\"", "Type de fichier refusé");
    assertThat(projet.get("/api/milestones/" + j05 + "/evidence").body()).isEqualTo("[]");
  }

  @Test
  void reachingWithoutEvidenceOrValidatingWithoutADecisionIsRefusedInFrench() {
    long created = Long.parseLong(group(projet.json("POST", "/api/milestones",
        "{\"code\":\"JIT1\",\"title\":\"Jalon du test d’API\",\"actionId\":" + actionId() + ",\"baselineDate\":\"2028-03-31\"}").body(), "\"id\":(\\d+)"));
    assertThat(projet.json("POST", "/api/milestones/" + created + "/transitions", "{\"step\":\"START\",\"version\":" + version(created) + "}").statusCode()).isEqualTo(200);
    HttpResponse<String> noEvidence = projet.json("POST", "/api/milestones/" + created + "/transitions", "{\"step\":\"REACH\",\"version\":" + version(created) + "}");
    assertThat(noEvidence.statusCode()).isEqualTo(400);
    assertThat(noEvidence.body()).contains("sans au moins une preuve");
    HttpResponse<String> upload = projet.raw("POST", "/api/milestones/" + created + "/evidence", "application/pdf", "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
    assertThat(upload.statusCode()).as(upload.body()).isEqualTo(200);
    assertThat(projet.json("POST", "/api/milestones/" + created + "/transitions", "{\"step\":\"REACH\",\"version\":" + version(created) + "}").statusCode()).isEqualTo(200);
    HttpResponse<String> noDecision = projet.json("POST", "/api/milestones/" + created + "/transitions", "{\"step\":\"VALIDATE\",\"version\":" + version(created) + "}");
    assertThat(noDecision.statusCode()).isEqualTo(400);
    assertThat(noDecision.body()).contains("demande une décision COPIL");
    HttpResponse<String> baseline = projet.json("PUT", "/api/milestones/" + created, "{\"code\":\"JIT1\",\"title\":\"Jalon du test d’API\",\"actionId\":" + actionId()
        + ",\"baselineDate\":\"2028-09-30\",\"version\":" + version(created) + "}");
    assertThat(baseline.statusCode()).isEqualTo(400);
    assertThat(baseline.body()).contains("ne change que par un avenant");
  }

  @Test
  void theTrancheWaitingForAValidatedMilestoneShowsThatConditionMet() {
    String tranches = Http.basic(server, "conseil", "jalon-demo").get("/api/tranches").body();
    assertThat(tranches).contains("J03 — validé en COPIL (COPIL-2023-J03, le 13/04/2023)");
  }

  static long actionId() {
    String actions = projet.get("/api/actions").body();
    return Long.parseLong(group(actions.substring(actions.indexOf("\"code\":\"A4.2\"")), "\"id\":(\\d+)"));
  }
}
