package fr.jalon.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.jalon.indicator.SchoolYear;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Indicators over REST on the demo grant: everybody reads, the project manager records, bad breakdowns are refused in French. */
class IndicatorApiIT {
  static JalonServer server;
  static Http projet;
  /** The school year now running: its value may be recorded (the demo leaves it empty). */
  static final int CURRENT = SchoolYear.of(LocalDate.now()).startYear();

  @BeforeAll
  static void start() {
    server = JalonServer.shared();
    projet = Http.session(server, "projet", "jalon-demo");
  }

  static long idOf(String code) {
    String list = projet.get("/api/indicators").body();
    Matcher id = Pattern.compile("\"id\":(\\d+)").matcher(list.substring(list.indexOf("\"code\":\"" + code + "\"")));
    // Records are serialised with sorted keys, so the id follows the code within the same object.
    assertThat(id.find()).as("indicator " + code + " in " + list).isTrue();
    return Long.parseLong(id.group(1));
  }

  @Test
  void everyRoleReadsTheIndicatorsOfTheLatestSchoolYear() {
    for (String user : new String[] {"admin", "projet", "finance", "conseil"}) {
      HttpResponse<String> r = Http.basic(server, user, "jalon-demo").get("/api/indicators");
      assertThat(r.statusCode()).as(user).isEqualTo(200);
      assertThat(r.body()).contains("\"code\":\"APP\"").contains("\"code\":\"LEV\"").contains("\"derived\":true");
    }
  }

  @Test
  void theBoardCannotRecordAValue() {
    HttpResponse<String> r = Http.basic(server, "conseil", "jalon-demo").json("POST", "/api/indicators/" + idOf("ENS") + "/values",
        "{\"schoolYear\":" + CURRENT + ",\"amount\":30}");
    assertThat(r.statusCode()).isEqualTo(403);
  }

  @Test
  void theProjectManagerRecordsAValueWithItsBreakdownAndTheShareFollows() {
    long learners = idOf("APP");
    HttpResponse<String> r = projet.json("POST", "/api/indicators/" + learners + "/values",
        "{\"schoolYear\":" + CURRENT + ",\"amount\":600,\"parts\":{\"Filles\":130,\"Garçons\":470},\"comment\":\"rentrée\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    String table = projet.get("/api/indicators/school-years/" + CURRENT).body();
    assertThat(table).contains("\"code\":\"APP\"").contains("\"value\":600");
    // FILLES is computed from APP's breakdown: 130 ÷ 600 = 21.7 %.
    assertThat(projet.get("/api/indicators/" + idOf("FILLES")).body()).containsPattern("\"schoolYear\":" + CURRENT + ",(\"target\":[^,]*,)?\"value\":21\\.7");
  }

  @Test
  void partsThatDoNotAddUpAreRefusedNamingTheSumAndNothingIsSaved() {
    long apprentices = idOf("APP");
    String before = projet.get("/api/indicators/" + apprentices).body();
    HttpResponse<String> r = projet.json("POST", "/api/indicators/" + apprentices + "/values",
        "{\"schoolYear\":" + (CURRENT - 1) + ",\"amount\":600,\"parts\":{\"Filles\":100,\"Garçons\":400}}");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("\"field\":\"parts\"").contains("La somme des parties (500) ne correspond pas à la valeur (600).");
    assertThat(projet.get("/api/indicators/" + apprentices).body()).isEqualTo(before);
  }

  @Test
  void aDerivedIndicatorOrAFutureSchoolYearCannotBeTyped() {
    HttpResponse<String> derived = projet.json("POST", "/api/indicators/" + idOf("LEV") + "/values", "{\"schoolYear\":" + (CURRENT - 1) + ",\"amount\":2}");
    assertThat(derived.statusCode()).isEqualTo(400);
    assertThat(derived.body()).contains("Cet indicateur est calculé par Jalon");
    HttpResponse<String> future = projet.json("POST", "/api/indicators/" + idOf("ENS") + "/values", "{\"schoolYear\":" + (CURRENT + 1) + ",\"amount\":2}");
    assertThat(future.statusCode()).isEqualTo(400);
    assertThat(future.body()).contains("\"field\":\"schoolYear\"").contains("n’a pas commencé");
  }
}
