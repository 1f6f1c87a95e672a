package fr.jalon.demo;

import fr.jalon.grant.GrantChange;
import fr.jalon.grant.GrantService;
import fr.jalon.grant.LegalForm;
import fr.jalon.grant.Organisation;
import fr.jalon.grant.ParameterValues;
import fr.jalon.platform.ApplicationStarted;
import fr.jalon.security.Role;
import fr.jalon.security.SystemCaller;
import fr.jalon.security.UserService;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

/** Loads the demo grant on an empty database when Jalon runs in demo mode. */
@ApplicationScoped
public class DemoLoader {
  private static final Logger LOG = Logger.getLogger(DemoLoader.class.getName());
  public static final String DEMO_PASSWORD = "jalon-demo";

  /** The demo accounts, one per role. */
  public static final List<DemoAccount> ACCOUNTS =
      List.of(
          new DemoAccount("admin", "Claire Martin", "admin@cmq-industrie-futur.example", Role.ADMIN),
          new DemoAccount("projet", "Paul Durand", "projet@cmq-industrie-futur.example", Role.PROJECT_MANAGER),
          new DemoAccount("finance", "Fatima Benali", "finance@cmq-industrie-futur.example", Role.FINANCE),
          new DemoAccount("conseil", "Bernard Roux", "conseil@cmq-industrie-futur.example", Role.BOARD));

  public record DemoAccount(String username, String displayName, String email, Role role) {}

  @Inject GrantService grants;
  @Inject UserService users;
  @Inject fr.jalon.security.UserRepository userRepository;
  @Inject DemoFunding funding;
  @Inject DemoIndicators indicators;
  @Inject DemoPlan plan;
  @Inject DemoMilestones milestones;
  @Inject DemoExpenses expenses;
  @Inject DemoReports reports;

  /** All or nothing: a failure half-way leaves an empty database that the next start fills again. */
  @jakarta.transaction.Transactional
  void onStart(@Observes @Priority(200) ApplicationStarted started) {
    if (!started.settings().demo()) {
      return;
    }
    SystemCaller.run(() -> {
      if (!grants.exists() && userRepository.count() == 0) {
        load();
        LOG.info("Convention de démonstration chargée (montants fictifs).");
      }
    });
    LOG.info(banner());
  }

  void load() {
    for (DemoAccount account : ACCOUNTS) {
      users.createWithPassword(new UserService.NewUser(account.username(), account.displayName(), account.email(), Set.of(account.role())), DEMO_PASSWORD, false);
    }
    Organisation beneficiary = new Organisation("Lycée Jean-François Champollion (porteur du CMQ Industrie du Futur)", "19460036500010", LegalForm.EPLE, false);
    grants.create(
        new GrantChange(
            "PIA3-TIP-CMQ-2020-OCC-07",
            "Campus des Métiers et des Qualifications d’Excellence Industrie du Futur — Mecanic Vallée (Lot, Aveyron)",
            "PIA 3 · Territoires d’innovation pédagogique · Campus des métiers et des qualifications",
            "Caisse des Dépôts et Consignations",
            "Ministère de l’Éducation nationale et de la Jeunesse",
            LocalDate.of(2020, 9, 28),
            LocalDate.of(2020, 9, 1),
            LocalDate.of(2029, 12, 31),
            new BigDecimal("2000000.00"),
            new BigDecimal("5000000.00"),
            ParameterValues.defaults(),
            null),
        beneficiary);
    for (Organisation partner : List.of(
        new Organisation("Région Occitanie / Pyrénées-Méditerranée", "20005372600028", LegalForm.LOCAL_AUTHORITY, false),
        new Organisation("Ratier-Figeac", null, LegalForm.COMPANY, true),
        new Organisation("Figeac Aéro", null, LegalForm.COMPANY, true),
        new Organisation("Bosch Rodez", null, LegalForm.COMPANY, true),
        new Organisation("Lisi Aerospace", null, LegalForm.COMPANY, true),
        new Organisation("IUT de Figeac — Université Toulouse Jean Jaurès", null, LegalForm.PUBLIC_BODY, false),
        new Organisation("Association Mecanic Vallée", null, LegalForm.ASSOCIATION, false))) {
      grants.addOrganisation(partner);
    }
    funding.load();
    plan.load();
    milestones.load();
    expenses.load();
    indicators.load();
    reports.load();
  }

  static String banner() {
    StringBuilder s = new StringBuilder("\n\n==================== Jalon (démonstration) ====================\n");
    s.append("Connectez-vous sur http://localhost:").append(System.getProperty("jalon.port", port())).append("/\n");
    s.append("Comptes de démonstration (mot de passe : ").append(DEMO_PASSWORD).append(") :\n");
    for (DemoAccount a : ACCOUNTS) {
      s.append(String.format("  %-8s %s%n", a.username(), a.role().name()));
    }
    s.append("===============================================================\n");
    return s.toString();
  }

  private static String port() {
    String env = System.getenv("JALON_PORT");
    return env == null || env.isBlank() ? "8080" : env;
  }
}
