package fr.jalon.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Login, refusals, the audit of failed attempts, and the administrator's account management. */
class SecurityIT {
  static JalonServer server;
  static Http admin;

  @BeforeAll
  static void start() {
    server = JalonServer.shared();
    admin = Http.basic(server, "admin", "jalon-demo");
  }

  @Test
  void aWrongPasswordAndAnUnknownUserGetTheSameFrenchMessageAndAreAudited() {
    String unknown = "inconnu-" + UUID.randomUUID().toString().substring(0, 8);
    HttpResponse<String> wrong = Http.anonymous(server).login("finance", "pas-le-bon");
    HttpResponse<String> nobody = Http.anonymous(server).login(unknown, "pas-le-bon");
    for (HttpResponse<String> r : List.of(wrong, nobody)) {
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).contains("Identifiant ou mot de passe incorrect.");
    }
    String audit = admin.get("/api/audit?q=LOGIN_FAILED&size=50").body();
    assertThat(audit).contains("Échec de connexion pour « finance »").contains("Échec de connexion pour « " + unknown + " »");
  }

  @Test
  void anUnknownUserTakesAsLongToRefuseAsAWrongPassword() {
    // Without the dummy hash an unknown name answers ~40 times faster (STACK.md, gotcha 16).
    List<Long> wrong = new ArrayList<>();
    List<Long> unknown = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      wrong.add(time(() -> Http.basic(server, "finance", "pas-le-bon").get("/api/grant")));
      unknown.add(time(() -> Http.basic(server, "personne-" + UUID.randomUUID(), "pas-le-bon").get("/api/grant")));
    }
    assertThat(median(unknown)).isGreaterThan(median(wrong) / 2);
  }

  @Test
  void theAdministratorCreatesAUserWhoMustChangeTheTemporaryPasswordThenDeactivatesThem() {
    String name = "nouveau" + UUID.randomUUID().toString().substring(0, 6);
    HttpResponse<String> created = admin.json("POST", "/api/users",
        "{\"username\":\"" + name + "\",\"displayName\":\"Nadia Nouvelle\",\"email\":\"nadia@example.org\",\"roles\":[\"FINANCE\",\"PROJECT_MANAGER\"]}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String temporary = GrantApiIT.field(created.body(), "temporaryPassword");
    String id = GrantApiIT.field(created.body(), "id");
    assertThat(temporary).hasSize(14);
    assertThat(created.body()).doesNotContain("passwordHash");

    HttpResponse<String> beforeChange = Http.basic(server, name, temporary).get("/api/grant");
    assertThat(beforeChange.statusCode()).as("the API too waits for the new password").isEqualTo(403);
    assertThat(beforeChange.body()).contains("Votre mot de passe est temporaire");

    Http nadia = Http.session(server, name, temporary);
    HttpResponse<String> home = nadia.get("/index.xhtml");
    assertThat(home.statusCode()).isEqualTo(302);
    assertThat(home.headers().firstValue("Location").orElse("")).endsWith("/security/password.xhtml");
    HttpResponse<String> tooShort = nadia.json("PUT", "/api/me/password", "{\"currentPassword\":\"" + temporary + "\",\"newPassword\":\"court\"}");
    assertThat(tooShort.statusCode()).isEqualTo(400);
    assertThat(tooShort.body()).contains("\"field\":\"newPassword\"").contains("au moins 12 caractères");
    assertThat(nadia.json("PUT", "/api/me/password", "{\"currentPassword\":\"" + temporary + "\",\"newPassword\":\"un nouveau secret\"}").statusCode()).isEqualTo(204);
    Http nadiaLater = Http.session(server, name, "un nouveau secret");
    assertThat(nadiaLater.get("/index.xhtml").statusCode()).isEqualTo(200);

    HttpResponse<String> duplicate = admin.json("POST", "/api/users", "{\"username\":\"" + name + "\",\"displayName\":\"X\",\"email\":\"x@example.org\",\"roles\":[\"BOARD\"]}");
    assertThat(duplicate.statusCode()).isEqualTo(400);
    assertThat(duplicate.body()).contains("est déjà pris");

    String user = admin.get("/api/users").body();
    String version = user.substring(user.indexOf("\"username\":\"" + name + "\"")).replaceAll("(?s).*?\"version\":(\\d+).*", "$1");
    HttpResponse<String> off = admin.json("PUT", "/api/users/" + id, "{\"version\":" + version + ",\"active\":false}");
    assertThat(off.statusCode()).as(off.body()).isEqualTo(200);
    assertThat(Http.anonymous(server).login(name, "un nouveau secret").body()).contains("Identifiant ou mot de passe incorrect.");
    assertThat(Http.redirectsToLogin(nadiaLater.get("/index.xhtml"))).as("a deactivated user's open session ends").isTrue();
    assertThat(Http.basic(server, name, "un nouveau secret").get("/api/grant").statusCode()).isEqualTo(401);
    assertThat(admin.get("/api/users").body()).contains(name);
  }

  @Test
  void theLastAdministratorCannotBeDeactivated() {
    String users = admin.get("/api/users").body();
    int at = users.indexOf("\"username\":\"admin\"");
    String object = users.substring(users.lastIndexOf('{', at), users.indexOf('}', at) + 1);
    // Taking the role away from the only active administrator is refused by the last-admin rule itself.
    HttpResponse<String> r = admin.json("PUT", "/api/users/" + GrantApiIT.field(object, "id"), "{\"version\":" + GrantApiIT.field(object, "version") + ",\"roles\":[\"BOARD\"]}");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("\"field\":\"roles\"").contains("Il doit rester au moins un administrateur actif.");
  }

  @Test
  void dotSegmentsCannotSlipPastThePermissionTable() throws Exception {
    Http board = Http.session(server, "conseil", "jalon-demo");
    // HttpClient keeps the raw path as given, like curl --path-as-is.
    for (String sneaky : new String[] {"/resources/../grant/edit.xhtml", "/resources/%2e%2e/grant/edit.xhtml", "/resources/..;/grant/edit.xhtml"}) {
      HttpResponse<String> r = board.get(sneaky);
      assertThat(r.statusCode()).as(sneaky).isNotEqualTo(200);
      if (r.statusCode() / 100 == 3) {
        // A redirect is a new request, which meets the table again; it must not lead to the page itself.
        String target = java.net.URI.create(r.headers().firstValue("Location").orElseThrow()).getRawPath();
        assertThat(target).as(sneaky).doesNotContain("edit.xhtml");
      }
    }
  }

  @Test
  void aWriteThroughTheApiOnTheSessionCookieAloneIsRefused() {
    Http board = Http.session(server, "conseil", "jalon-demo");
    HttpResponse<String> r = board.foreignJson("PUT", "/api/me/password", "{\"currentPassword\":\"jalon-demo\",\"newPassword\":\"pirate-pirate\"}");
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(r.body()).contains("X-Requested-With: Jalon");
    assertThat(Http.basic(server, "conseil", "jalon-demo").get("/api/me").statusCode()).isEqualTo(200);
  }

  @Test
  void theSessionIdChangesAtLogin() {
    Http visitor = Http.anonymous(server);
    visitor.get("/login.xhtml");
    String before = visitor.cookie("JSESSIONID");
    visitor.login("conseil", "jalon-demo");
    assertThat(visitor.cookie("JSESSIONID")).isNotNull().isNotEqualTo(before);
  }

  private static long time(Runnable call) {
    long start = System.nanoTime();
    call.run();
    return System.nanoTime() - start;
  }

  private static long median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }
}
