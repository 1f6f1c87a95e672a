package fr.jalon.security;

import fr.jalon.audit.AuditContext;
import fr.jalon.platform.ApplicationStarted;
import fr.jalon.platform.Settings;
import fr.jalon.platform.StartupException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.time.Clock;
import java.util.Set;
import java.util.logging.Logger;

/**
 * At start-up: tells the audit trail who is acting, and in production mode creates the first
 * administrator from {@code JALON_ADMIN_PASSWORD} on an empty database, refusing to start without
 * it. The demo loader creates the demo users instead.
 */
@ApplicationScoped
public class FirstAdministrator {
  private static final Logger LOG = Logger.getLogger(FirstAdministrator.class.getName());

  @Inject UserRepository users;
  @Inject UserService userService;
  @Inject Clock clock;

  void onStart(@Observes @Priority(100) ApplicationStarted started) {
    AuditContext.clock(clock);
    AuditContext.actorResolver(FirstAdministrator::currentActor);
    Settings settings = started.settings();
    if (settings.demo() || users.count() > 0) {
      return;
    }
    String password = settings.firstAdminPassword().orElseThrow(() -> new StartupException(
        "Mode production sur une base vide : définissez JALON_ADMIN_PASSWORD (au moins " + Settings.MIN_PASSWORD_LENGTH
            + " caractères), le mot de passe du premier administrateur « admin ». Pour essayer Jalon, utilisez JALON_MODE=demo."));
    if (password.length() < Settings.MIN_PASSWORD_LENGTH) {
      throw new StartupException("JALON_ADMIN_PASSWORD est trop court : au moins " + Settings.MIN_PASSWORD_LENGTH + " caractères.");
    }
    SystemCaller.run(() -> userService.createWithPassword(
        new UserService.NewUser("admin", "Administrateur", "admin@localhost.invalid", Set.of(Role.ADMIN)), password, true));
    LOG.info("Premier administrateur « admin » créé ; il choisira un nouveau mot de passe à sa première connexion.");
  }

  private static String currentActor() {
    if (SystemCaller.active()) {
      String onBehalfOf = SystemCaller.onBehalfOf();
      return onBehalfOf == null ? AuditContext.SYSTEM : onBehalfOf;
    }
    Principal principal = CDI.current().select(SecurityContext.class).get().getCallerPrincipal();
    return principal == null ? AuditContext.SYSTEM : principal.getName();
  }
}
