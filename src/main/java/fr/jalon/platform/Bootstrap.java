package fr.jalon.platform;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Start-up: takes the data folder, migrates the schema, lets the capabilities prepare their data,
 * and on shutdown (Ctrl-C, SIGTERM) stops Derby cleanly. A start-up failure stops the process with
 * a message for the operator rather than leaving a server that answers 404.
 */
@ApplicationScoped
public class Bootstrap {
  private static final Logger LOG = Logger.getLogger(Bootstrap.class.getName());

  @Resource(lookup = DatabaseConfiguration.JNDI_NAME)
  DataSource dataSource;

  @Inject Event<ApplicationStarted> started;

  /** Held for the life of the process; the first to touch the database takes it. */
  private static DataFolderLock lock;

  private Settings settings;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    try {
      settings = Settings.fromEnvironment();
      holdDataFolder(settings);
      migrate();
      Runtime.getRuntime().addShutdownHook(shutdownSafetyNet());
      started.fire(new ApplicationStarted(settings));
    } catch (RuntimeException e) {
      throw fail(e);
    }
  }

  /**
   * Takes the data folder before anything opens the database: called by the persistence layer's
   * first login (which Payara runs before the application starts) and again here.
   */
  static synchronized void holdDataFolder(Settings settings) {
    if (lock == null) {
      try {
        lock = DataFolderLock.acquire(settings.dataFolder());
      } catch (StartupException e) {
        throw fail(e);
      }
    }
  }

  /** Says why in the log and stops the process: a half-started server would only answer 404. */
  static RuntimeException fail(RuntimeException e) {
    String message = e instanceof StartupException ? e.getMessage() : "Échec du démarrage : " + e;
    LOG.log(Level.SEVERE, "\n\n*** Jalon ne peut pas démarrer ***\n" + message + "\n", e instanceof StartupException ? null : e);
    if (!Boolean.getBoolean("jalon.keepRunningOnStartupFailure")) {
      // From another thread: exiting inside the deployment would wait on the deployment itself.
      new Thread(() -> System.exit(2), "jalon-startup-failure").start();
    }
    return e;
  }

  /**
   * Flyway (and the 900 classes it brings) only when the schema is not exactly the shipped one:
   * a pending, failed or edited migration goes through Flyway's own migrate and validation.
   */
  private void migrate() {
    ClassLoader loader = Bootstrap.class.getClassLoader();
    if (SchemaVersion.isCurrent(dataSource, loader)) {
      LOG.info("Schéma de la base à jour : aucune migration à appliquer.");
      return;
    }
    Migrations.migrate(dataSource, loader);
  }

  /** The configuration every bean sees: the one read at start-up. */
  @jakarta.enterprise.inject.Produces
  Settings settings() {
    return settings != null ? settings : Settings.fromEnvironment();
  }

  /** Payara undeploys the application on Ctrl-C and SIGTERM too: the usual place to stop Derby. */
  @PreDestroy
  void stop() {
    stopDerby();
  }

  private static final java.util.concurrent.atomic.AtomicBoolean STOPPED = new java.util.concurrent.atomic.AtomicBoolean();
  private static final java.util.concurrent.CountDownLatch DERBY_DOWN = new java.util.concurrent.CountDownLatch(1);

  /**
   * A JVM hook as a safety net: it runs beside Payara's own hook, so it first gives the undeploy
   * (and {@link #stop()}) time to happen while the application's classes can still be loaded.
   */
  static Thread shutdownSafetyNet() {
    return new Thread(() -> {
      try {
        if (!DERBY_DOWN.await(20, java.util.concurrent.TimeUnit.SECONDS)) {
          stopDerby();
        }
      } catch (Throwable e) {
        // Too late: the class loader is gone. Derby's log still makes the data safe at next boot.
      }
    }, "jalon-derby-shutdown");
  }

  /** Shuts the embedded database down cleanly and frees the data folder, once. */
  static void stopDerby() {
    if (!STOPPED.compareAndSet(false, true)) {
      return;
    }
    String outcome;
    try {
      DriverManager.getConnection("jdbc:derby:;shutdown=true").close();
      outcome = "Arrêt de Derby : aucune erreur signalée.";
    } catch (SQLException e) {
      // Derby reports a clean shutdown as SQLState XJ015.
      outcome = "XJ015".equals(e.getSQLState()) ? "Base Derby arrêtée proprement." : "Arrêt de Derby : " + e.getMessage();
    }
    // Straight to the console: at JVM shutdown the logging system may already be closed.
    System.err.println("[Jalon] " + outcome);
    synchronized (Bootstrap.class) {
      if (lock != null) {
        lock.close();
        lock = null;
      }
    }
    DERBY_DOWN.countDown();
  }
}
