package fr.jalon.platform;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.flywaydb.core.Flyway;

/**
 * An in-memory Derby database with the real migrations, and the application's persistence unit
 * on it outside the container (resource-local transactions). One per test class.
 */
public final class TestDatabase implements AutoCloseable {
  private final String name = "jalon-test-" + UUID.randomUUID();
  private final EmbeddedDataSource dataSource = new EmbeddedDataSource();
  private final EntityManagerFactory emf;

  public TestDatabase() {
    dataSource.setDatabaseName("memory:" + name);
    dataSource.setCreateDatabase("create");
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    // No data folder to take in tests: the in-memory database is this class's alone.
    emf = Persistence.createEntityManagerFactory("jalon", properties(null));
  }

  /**
   * Another persistence unit on the same database, as a second instance of Jalon (or the same one
   * after a restart) would have; the caller closes it.
   */
  public EntityManagerFactory factory() {
    // EclipseLink shares a session per unit and session name: a distinct name gives a distinct factory.
    return Persistence.createEntityManagerFactory("jalon", properties("jalon-" + UUID.randomUUID()));
  }

  private Map<String, Object> properties(String sessionName) {
    Map<String, Object> properties = new HashMap<>();
    properties.put("jakarta.persistence.transactionType", "RESOURCE_LOCAL");
    properties.put("jakarta.persistence.jtaDataSource", "");
    properties.put("jakarta.persistence.nonJtaDataSource", dataSource);
    properties.put("eclipselink.logging.level", "WARNING");
    properties.put("eclipselink.session-event-listener", NoDataFolder.class.getName());
    if (sessionName != null) {
      properties.put("eclipselink.session-name", sessionName);
    }
    return properties;
  }

  /** Replaces the application's data folder listener in tests. */
  public static class NoDataFolder extends org.eclipse.persistence.sessions.SessionEventAdapter {}

  public javax.sql.DataSource dataSource() {
    return dataSource;
  }

  /** Runs {@code work} in one transaction and commits it. */
  public <T> T inTransaction(Function<EntityManager, T> work) {
    EntityManager em = emf.createEntityManager();
    try {
      em.getTransaction().begin();
      T result = work.apply(em);
      em.getTransaction().commit();
      return result;
    } finally {
      if (em.getTransaction().isActive()) {
        em.getTransaction().rollback();
      }
      em.close();
    }
  }

  public void run(Consumer<EntityManager> work) {
    inTransaction(em -> {
      work.accept(em);
      return null;
    });
  }

  @Override
  public void close() {
    emf.close();
    try {
      new EmbeddedDataSource() {
        {
          setDatabaseName("memory:" + name);
          setShutdownDatabase("shutdown");
        }
      }.getConnection();
    } catch (java.sql.SQLException expected) {
      // Derby reports a successful shutdown as an exception.
    }
    try {
      EmbeddedDataSource drop = new EmbeddedDataSource();
      drop.setDatabaseName("memory:" + name);
      drop.setConnectionAttributes("drop=true");
      drop.getConnection();
    } catch (java.sql.SQLException expected) {
      // Dropped.
    }
  }
}
