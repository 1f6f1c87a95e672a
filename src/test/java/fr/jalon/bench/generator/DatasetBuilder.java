package fr.jalon.bench.generator;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.logging.Logger;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.flywaydb.core.Flyway;

/**
 * Fills one Derby database: Jalon's real migrations first, then each generator in its own
 * transaction, then a fingerprint of the result.
 */
public final class DatasetBuilder {
  private static final Logger LOG = Logger.getLogger(DatasetBuilder.class.getName());

  private final List<DataGenerator> steps;

  public DatasetBuilder(List<DataGenerator> steps) {
    this.steps = List.copyOf(steps);
  }

  public static DatasetBuilder standard() {
    return new DatasetBuilder(Generators.standard());
  }

  public record Filled(DatasetFingerprint fingerprint, String derbyVersion, Duration took) {}

  /**
   * Creates and fills the database {@code databaseName} (a folder path, or {@code memory:name}),
   * which must not exist yet. The database stays booted: call {@link #shutdown} before copying it.
   */
  public Filled fill(String databaseName, Dataset dataset) throws SQLException {
    long start = System.nanoTime();
    EmbeddedDataSource dataSource = dataSource(databaseName);
    dataSource.setCreateDatabase("create");
    Flyway.configure(DatasetBuilder.class.getClassLoader())
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .load()
        .migrate();
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      Map<Class<?>, Object> facts = new HashMap<>();
      // The file store sits beside the database in a data folder (Settings.fileStoreFolder).
      Path fileStore = databaseName.startsWith("memory:") ? null : Path.of(databaseName).toAbsolutePath().resolveSibling(DatasetCache.FILES);
      for (DataGenerator step : steps) {
        long stepStart = System.nanoTime();
        step.generate(new Generation(connection, dataset, randomFor(dataset.seed(), step.name()), facts, fileStore));
        connection.commit();
        LOG.fine(() -> step.name() + " generated in " + Duration.ofNanos(System.nanoTime() - stepStart).toMillis() + " ms");
      }
      DatasetFingerprint fingerprint = DatasetFingerprint.of(connection);
      String version = connection.getMetaData().getDatabaseProductVersion();
      connection.commit();
      return new Filled(fingerprint, version, Duration.ofNanos(System.nanoTime() - start));
    }
  }

  /** Closes the database cleanly so its files can be copied or booted by another process. */
  public static void shutdown(String databaseName) {
    EmbeddedDataSource dataSource = dataSource(databaseName);
    dataSource.setShutdownDatabase("shutdown");
    try {
      dataSource.getConnection().close();
    } catch (SQLException e) {
      // Derby reports a clean shutdown of one database as SQLState 08006.
      if (!"08006".equals(e.getSQLState())) {
        throw new IllegalStateException("Derby did not shut " + databaseName + " down: " + e.getMessage(), e);
      }
    }
  }

  /**
   * Each step's own stream, from the seed and the step's name; java.util.Random because its
   * algorithm is fixed by its specification, so the data stays the same across JDKs.
   */
  static Random randomFor(long seed, String stepName) {
    return new Random(seed * 0x9E3779B97F4A7C15L + stepName.hashCode());
  }

  private static EmbeddedDataSource dataSource(String databaseName) {
    EmbeddedDataSource dataSource = new EmbeddedDataSource();
    dataSource.setDatabaseName(databaseName);
    return dataSource;
  }
}
