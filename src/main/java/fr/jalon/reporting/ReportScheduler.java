package fr.jalon.reporting;

import fr.jalon.platform.ApplicationStarted;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the periodic generation from the container's managed scheduled executor: once shortly after
 * start-up ({@code JALON_SCHEDULE_DELAY_SECONDS}, 60 by default), then every {@code
 * JALON_SCHEDULE_INTERVAL_MINUTES} (60 by default). Each pass asks {@link PeriodicReports} for the
 * day of the one clock; a pass that finds nothing due does nothing, so running often is harmless.
 */
@ApplicationScoped
public class ReportScheduler {
  private static final Logger LOG = Logger.getLogger(ReportScheduler.class.getName());
  static final String DELAY = "JALON_SCHEDULE_DELAY_SECONDS";
  static final String INTERVAL = "JALON_SCHEDULE_INTERVAL_MINUTES";

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService") ManagedScheduledExecutorService executor;
  @Inject PeriodicReports periodic;
  @Inject Clock clock;
  private ScheduledFuture<?> task;

  void onStart(@Observes @Priority(300) ApplicationStarted started) {
    long delay = setting(DELAY, 60);
    long interval = setting(INTERVAL, 60);
    if (executor == null) {
      LOG.warning("Pas d’exécuteur planifié : la génération périodique des rapports ne tournera pas.");
      return;
    }
    task = executor.scheduleWithFixedDelay(this::pass, delay * 1000, TimeUnit.MINUTES.toMillis(interval), TimeUnit.MILLISECONDS);
    LOG.info(() -> "Génération périodique des rapports : premier passage dans " + delay + " s, puis toutes les " + interval + " min.");
  }

  void pass() {
    try {
      PeriodicReports.Outcome o = periodic.generateDue(LocalDate.now(clock));
      if (o.generated() + o.refused() > 0) {
        LOG.info(() -> "Génération périodique : " + o.generated() + " brouillon(s), " + o.refused() + " refus.");
      }
    } catch (RuntimeException e) {
      // The next pass tries again: nothing was claimed by a pass that failed before its claim.
      LOG.log(Level.WARNING, "Génération périodique interrompue", e);
    }
  }

  @PreDestroy
  void stop() {
    if (task != null) {
      task.cancel(false);
    }
  }

  static long setting(String name, long fallback) {
    String text = Optional.ofNullable(System.getProperty(name)).orElse(System.getenv(name));
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      long value = Long.parseLong(text.trim());
      return value > 0 ? value : fallback;
    } catch (NumberFormatException e) {
      LOG.warning(() -> name + " doit être un nombre entier positif, pas « " + text + " » : " + fallback + " retenu.");
      return fallback;
    }
  }
}
