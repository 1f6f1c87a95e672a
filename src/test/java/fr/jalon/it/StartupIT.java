package fr.jalon.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.Test;

/**
 * Start-up itself, in production mode on a fresh data folder: refused without the first
 * administrator's password; started with it; a second process on the same folder refused; SIGTERM
 * shuts Derby down cleanly and every committed row is there afterwards. Three Payara starts.
 */
class StartupIT {

  @Test
  void productionModeLifecycle() throws Exception {
    Path folder = JalonServer.itDir().resolve("production");
    JalonServer.deleteRecursively(folder);

    JalonServer refused = JalonServer.launch(folder, Map.of("JALON_MODE", "production"));
    assertThat(refused.awaitExit(Duration.ofMinutes(3))).isNotZero();
    assertThat(refused.log()).contains("Jalon ne peut pas démarrer").contains("définissez JALON_ADMIN_PASSWORD");

    try (JalonServer production = JalonServer.launch(folder, Map.of("JALON_MODE", "production", "JALON_ADMIN_PASSWORD", "premier-admin-2026"))) {
      production.awaitHealthy(Duration.ofMinutes(4));
      assertThat(Http.basic(production, "admin", "jalon-demo").get("/api/users").statusCode()).as("no demo users").isEqualTo(401);
      HttpResponse<String> firstPage = Http.session(production, "admin", "premier-admin-2026").get("/index.xhtml");
      assertThat(firstPage.headers().firstValue("Location").orElse("")).as("temporary first password").endsWith("/security/password.xhtml");
      Http temporary = Http.basic(production, "admin", "premier-admin-2026");
      assertThat(temporary.get("/api/grant").statusCode()).as("nothing before the new password").isEqualTo(403);
      assertThat(temporary.json("PUT", "/api/me/password", "{\"currentPassword\":\"premier-admin-2026\",\"newPassword\":\"le vrai secret 2026\"}").statusCode()).isEqualTo(204);

      Http admin = Http.basic(production, "admin", "le vrai secret 2026");
      assertThat(admin.get("/api/grant").statusCode()).as("no demo grant").isEqualTo(404);
      HttpResponse<String> grant = admin.json("POST", "/api/grant", "{\"grant\":{\"reference\":\"PIA3-PROD-01\",\"title\":\"Campus de production\","
          + "\"programme\":\"PIA 3\",\"operatorName\":\"Caisse des Dépôts\",\"ministry\":\"Éducation nationale\",\"signatureDate\":\"2021-03-01\","
          + "\"eligibilityStart\":\"2021-01-01\",\"endDate\":\"2025-12-31\",\"maxPiaAmount\":1000000,\"eligibleBudget\":2500000,"
          + "\"parameters\":{\"maxPiaRate\":50,\"maxPublicAidRate\":100,\"minCofundingRatio\":50,\"advanceCap\":30,\"interimCap\":80,\"interimCapLong\":90,"
          + "\"longGrantMonths\":48,\"fungibilityThreshold\":30,\"statutoryStaffEligible\":false,\"procurementThreshold\":40000,\"separatePaymentOrder\":false,"
          + "\"finalPaymentGraceDays\":90,\"reportDueDays\":60,\"reportingPeriod\":\"YEAR\"}},"
          + "\"beneficiary\":{\"name\":\"GIP Campus\",\"legalForm\":\"GIP\",\"recoversVat\":true}}");
      assertThat(grant.statusCode()).as(grant.body()).isEqualTo(201);
      assertThat(admin.get("/api/grant/years").body()).isEqualTo("[2021,2022,2023,2024,2025]");
      HttpResponse<String> created = admin.json("POST", "/api/users",
          "{\"username\":\"tresorier\",\"displayName\":\"Trésorier\",\"email\":\"tresorier@example.org\",\"roles\":[\"FINANCE\"]}");
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

      JalonServer second = JalonServer.launch(folder, Map.of("JALON_MODE", "production"));
      assertThat(second.awaitExit(Duration.ofMinutes(3))).isNotZero();
      assertThat(second.log()).contains("est déjà utilisé par un autre processus Jalon");

      assertThat(production.terminate()).isNotEqualTo(-1);
      assertThat(production.log()).contains("Base Derby arrêtée proprement.");
    }

    // The folder is free again and the committed rows are there: open it as the next start would.
    EmbeddedDataSource derby = new EmbeddedDataSource();
    derby.setDatabaseName(folder.resolve("jalon-db").toString());
    try (Connection c = derby.getConnection(); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT USERNAME FROM APP_USER ORDER BY USERNAME")) {
      assertThat(r.next()).isTrue();
      assertThat(r.getString(1)).isEqualTo("admin");
      assertThat(r.next()).isTrue();
      assertThat(r.getString(1)).isEqualTo("tresorier");
    } finally {
      EmbeddedDataSource shutdown = new EmbeddedDataSource();
      shutdown.setDatabaseName(folder.resolve("jalon-db").toString());
      shutdown.setShutdownDatabase("shutdown");
      try {
        shutdown.getConnection();
      } catch (java.sql.SQLException expected) {
        // Clean shutdown.
      }
    }
  }
}
