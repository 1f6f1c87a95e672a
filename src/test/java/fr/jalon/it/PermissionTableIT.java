package fr.jalon.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.jalon.security.Permissions;
import fr.jalon.security.PermissionsTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Walks the permission table over HTTP with every role and without login, and checks each answer
 * against the table: allowed roles get through, the others get 403, strangers are sent to the login
 * page (pages) or get 401 (API). Payara's own /openapi and /metrics are walked too.
 */
class PermissionTableIT {
  static JalonServer server;
  static final Map<String, Http> SESSIONS = new LinkedHashMap<>();
  static final Map<String, String> USER_OF_ROLE = Map.of("ADMIN", "admin", "PROJECT_MANAGER", "projet", "FINANCE", "finance", "BOARD", "conseil");

  /** A concrete URL for each pattern that is not a plain path. */
  static final Map<String, String> SAMPLE = Map.ofEntries(
      Map.entry("/jakarta.faces.resource/*", "/jakarta.faces.resource/css/jalon.css.xhtml"),
      Map.entry("/resources/*", "/resources/css/jalon.css"),
      Map.entry("/error/*", "/error/404.xhtml"),
      Map.entry("/api/users/{id}", "/api/users/1"),
      // plan: action 1 is the demo's first axis (it has sub-actions: a delete is refused), budget
      // version 1 the approved initial budget (every write is refused: it never changes).
      Map.entry("/api/actions/{id}", "/api/actions/1"),
      Map.entry("/api/categories/{id}", "/api/categories/1"),
      Map.entry("/api/budget/versions/{id}", "/api/budget/versions/1"),
      Map.entry("/api/budget/versions/{id}/cells", "/api/budget/versions/1/cells"),
      Map.entry("/api/budget/versions/{id}/rows", "/api/budget/versions/1/rows"),
      Map.entry("/api/budget/versions/{id}/approval", "/api/budget/versions/1/approval"),
      Map.entry("/api/budget/compare", "/api/budget/compare?left=1&right=1"),
      // imports: no reading in progress for file 1 (404 past the table); a CSV mapping never saved reads as the defaults.
      Map.entry("/api/imports/{fileId}/progress", "/api/imports/1/progress"),
      Map.entry("/api/imports/settings/csv/{profile}", "/api/imports/settings/csv/logiciel-achats"),
      // progress narratives: a year of the demo grant and its first action (an empty body is refused: nothing is written).
      Map.entry("/api/progress-narratives/{year}", "/api/progress-narratives/2024"),
      Map.entry("/api/progress-narratives/{year}/{actionId}", "/api/progress-narratives/2024/1"));

  @BeforeAll
  static void logIn() {
    server = JalonServer.shared();
    USER_OF_ROLE.forEach((role, user) -> SESSIONS.put(role, Http.session(server, user, "jalon-demo")));
  }

  private static String sample(Permissions.Rule rule) {
    return concrete(rule.pattern());
  }

  /** The sample URL of a pattern; a path variable not in {@link #SAMPLE} becomes 1. */
  private static String concrete(String pattern) {
    return SAMPLE.getOrDefault(pattern, pattern.replaceAll("\\{[^}/]+\\}", "1"));
  }

  @Test
  void everyRuleAnswersEachRoleAsTheTableSays() throws Exception {
    List<String> failures = new ArrayList<>();
    for (Permissions.Rule rule : Permissions.TABLE) {
      String url = sample(rule);
      HttpResponse<String> anonymous = Http.anonymous(server).get(url);
      if (rule.kind() == Permissions.Kind.PUBLIC) {
        check(failures, "anonyme GET " + url, !isRefusal(anonymous), anonymous);
        continue;
      }
      boolean api = rule.kind() == Permissions.Kind.API;
      boolean page = rule.kind() == Permissions.Kind.PAGE;
      check(failures, "anonyme GET " + url, api ? anonymous.statusCode() == 401 : page ? Http.redirectsToLogin(anonymous) : isRefusal(anonymous), anonymous);
      boolean hasGet = !api || PermissionsTest.endpoints().stream().anyMatch(e -> e.method().equals("GET") && e.path().equals(rule.pattern()));
      for (var role : SESSIONS.entrySet()) {
        if (!hasGet) {
          continue;
        }
        HttpResponse<String> r = role.getValue().get(url);
        boolean allowed = rule.readers().contains(role.getKey());
        check(failures, role.getKey() + " GET " + url, allowed ? !isRefusal(r) : r.statusCode() == 403, r);
      }
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void everyWriteEndpointLetsInOnlyItsRoles() throws Exception {
    List<String> failures = new ArrayList<>();
    for (PermissionsTest.Endpoint e : PermissionsTest.endpoints()) {
      if (e.method().equals("GET")) {
        continue;
      }
      Permissions.Rule rule = Permissions.ruleFor(e.path()).orElseThrow();
      String url = concrete(e.path());
      // A DELETE carries no body, as real clients send it.
      String body = e.method().equals("DELETE") ? "" : "{}";
      HttpResponse<String> anonymous = Http.anonymous(server).json(e.method(), url, body);
      check(failures, "anonyme " + e.method() + " " + url, anonymous.statusCode() == 401, anonymous);
      for (var role : SESSIONS.entrySet()) {
        // An allowed role gets past the table to the endpoint, which refuses the empty body (400) or its
        // format (415): nothing changes. Another role is refused by the table (403).
        HttpResponse<String> r = role.getValue().json(e.method(), url, body);
        boolean allowed = rule.writers().contains(role.getKey());
        check(failures, role.getKey() + " " + e.method() + " " + url, allowed ? r.statusCode() == 400 || r.statusCode() == 415 : r.statusCode() == 403, r);
      }
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void httpBasicGivesTheSameAnswersAsASession() {
    assertThat(Http.basic(server, "conseil", "jalon-demo").get("/api/grant").statusCode()).isEqualTo(200);
    assertThat(Http.basic(server, "conseil", "jalon-demo").get("/api/users").statusCode()).isEqualTo(403);
    assertThat(Http.basic(server, "admin", "jalon-demo").get("/api/users").statusCode()).isEqualTo(200);
    assertThat(Http.basic(server, "admin", "mauvais").get("/api/users").statusCode()).isEqualTo(401);
  }

  @Test
  void everyPathOfTheOpenApiDocumentIsInTheTable() {
    HttpResponse<String> doc = SESSIONS.get("BOARD").get("/openapi");
    assertThat(doc.statusCode()).isEqualTo(200);
    Matcher m = Pattern.compile("(?m)^  (/[^:\\s]*):\\s*$").matcher(doc.body());
    List<String> paths = new ArrayList<>();
    while (m.find()) {
      paths.add(m.group(1));
    }
    assertThat(paths).contains("/api/grant", "/api/users");
    for (String path : paths) {
      assertThat(Permissions.ruleFor(path)).as("rule for %s", path).isPresent();
    }
  }

  @Test
  void unknownPathsAreRefusedEvenWhenLoggedIn() {
    assertThat(SESSIONS.get("ADMIN").get("/inconnu.xhtml").statusCode()).isEqualTo(404);
    assertThat(SESSIONS.get("ADMIN").get("/api/inconnu").statusCode()).isEqualTo(404);
    assertThat(Http.redirectsToLogin(Http.anonymous(server).get("/inconnu.xhtml"))).isTrue();
  }

  @Test
  void theApiRefusesStrangersWithAFrenchProblemDocument() {
    HttpResponse<String> r = Http.anonymous(server).get("/api/grant");
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    assertThat(r.body()).contains("Connexion requise");
    assertThat(Http.basic(server, "conseil", "jalon-demo").get("/openapi").statusCode()).as("OpenAPI with HTTP Basic").isEqualTo(200);
  }

  @Test
  void theLoginPageNamesItsIconWhichIsPublic() {
    assertThat(Http.anonymous(server).get("/login.xhtml").body()).contains("/resources/favicon.svg");
    HttpResponse<String> icon = Http.anonymous(server).get("/resources/favicon.svg");
    assertThat(icon.statusCode()).isEqualTo(200);
    assertThat(icon.body()).startsWith("<svg");
  }

  @Test
  void metricsAreNeverPublic() {
    assertThat(isRefusal(Http.anonymous(server).get("/metrics"))).isTrue();
    assertThat(SESSIONS.get("BOARD").get("/metrics").statusCode()).isEqualTo(403);
  }

  private static boolean isRefusal(HttpResponse<String> r) {
    return r.statusCode() == 401 || r.statusCode() == 403 || Http.redirectsToLogin(r);
  }

  private static void check(List<String> failures, String what, boolean ok, HttpResponse<String> r) {
    if (!ok) {
      failures.add(what + " → " + r.statusCode() + " " + r.headers().firstValue("Location").orElse(""));
    }
  }
}
