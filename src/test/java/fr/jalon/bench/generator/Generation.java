package fr.jalon.bench.generator;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.Map;
import java.util.Random;

/**
 * What a {@link DataGenerator} works with: the connection, the dataset, a random stream of its
 * own, the facts earlier steps published, and helpers for single rows and large batches.
 */
public final class Generation {
  private final Connection connection;
  private final Dataset dataset;
  private final Random random;
  private final Map<Class<?>, Object> facts;
  private final Path fileStore;

  Generation(Connection connection, Dataset dataset, Random random, Map<Class<?>, Object> facts, Path fileStore) {
    this.connection = connection;
    this.dataset = dataset;
    this.random = random;
    this.facts = facts;
    this.fileStore = fileStore;
  }

  /**
   * The data folder's file store ({@code files/} beside {@code jalon-db/}), where a step writes the
   * files its STORED_FILE rows name; null for an in-memory database, which keeps none.
   */
  public Path fileStore() {
    return fileStore;
  }

  public Connection connection() {
    return connection;
  }

  public Dataset dataset() {
    return dataset;
  }

  /** This step's random stream: seeded by the dataset's seed and the step's name. */
  public Random random() {
    return random;
  }

  /** Makes a record (say {@code GrantFacts}) available to the steps that follow. */
  public void publish(Record fact) {
    facts.put(fact.getClass(), fact);
  }

  public <T extends Record> T fact(Class<T> type) {
    Object fact = facts.get(type);
    if (fact == null) {
      throw new IllegalStateException(type.getSimpleName() + " is not published yet: check the order in Generators.standard()");
    }
    return type.cast(fact);
  }

  /** Inserts one row and returns the identity Derby gave it: for the few rows others refer to. */
  public long insert(String table, Map<String, ?> row) throws SQLException {
    String columns = String.join(", ", row.keySet());
    String marks = String.join(", ", Collections.nCopies(row.size(), "?"));
    try (PreparedStatement s =
        connection.prepareStatement("INSERT INTO " + table + " (" + columns + ") VALUES (" + marks + ")", Statement.RETURN_GENERATED_KEYS)) {
      int i = 1;
      for (Object value : row.values()) {
        bind(s, i++, value);
      }
      s.executeUpdate();
      try (ResultSet keys = s.getGeneratedKeys()) {
        return keys.next() ? keys.getLong(1) : -1;
      }
    }
  }

  /**
   * A batch insert for large tables: rows go to Derby a thousand at a time and are committed every
   * {@value Batch#ROWS_PER_COMMIT} rows. Give explicit ids and call {@link #restartIdentity} after,
   * so Jalon's own inserts continue after the generated rows.
   */
  public Batch batch(String table, String... columns) throws SQLException {
    return new Batch(connection, table, columns);
  }

  /** Moves a table's identity past its largest id (Derby does not when ids are given). */
  public void restartIdentity(String table) throws SQLException {
    long next;
    try (Statement s = connection.createStatement();
        ResultSet r = s.executeQuery("SELECT COALESCE(MAX(ID), 0) + 1 FROM " + table)) {
      r.next();
      next = r.getLong(1);
    }
    try (Statement s = connection.createStatement()) {
      s.executeUpdate("ALTER TABLE " + table + " ALTER COLUMN ID RESTART WITH " + next);
    }
  }

  static void bind(PreparedStatement s, int index, Object value) throws SQLException {
    switch (value) {
      case null -> s.setNull(index, s.getParameterMetaData().getParameterType(index));
      case LocalDate d -> s.setDate(index, Date.valueOf(d));
      case LocalDateTime t -> s.setTimestamp(index, Timestamp.valueOf(t));
      case BigDecimal b -> s.setBigDecimal(index, b);
      case Enum<?> e -> s.setString(index, e.name());
      default -> s.setObject(index, value);
    }
  }

  /** Rows of one table, written in JDBC batches. */
  public static final class Batch implements AutoCloseable {
    static final int ROWS_PER_EXECUTE = 1_000;
    // Derby takes a table lock past 5,000 row locks anyway (STACK.md gotcha 11); nobody else reads
    // the database while it is generated, so commits are only there to bound the log.
    static final int ROWS_PER_COMMIT = 50_000;

    private final Connection connection;
    private final PreparedStatement statement;
    private final int columns;
    private long rows;

    private Batch(Connection connection, String table, String... columns) throws SQLException {
      this.connection = connection;
      this.columns = columns.length;
      String marks = String.join(", ", Collections.nCopies(columns.length, "?"));
      this.statement = connection.prepareStatement("INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES (" + marks + ")");
    }

    public void row(Object... values) throws SQLException {
      if (values.length != columns) {
        throw new IllegalArgumentException("Expected " + columns + " values, got " + values.length);
      }
      for (int i = 0; i < values.length; i++) {
        bind(statement, i + 1, values[i]);
      }
      statement.addBatch();
      rows++;
      if (rows % ROWS_PER_EXECUTE == 0) {
        statement.executeBatch();
      }
      if (rows % ROWS_PER_COMMIT == 0) {
        connection.commit();
      }
    }

    public long rows() {
      return rows;
    }

    @Override
    public void close() throws SQLException {
      try {
        statement.executeBatch();
        connection.commit();
      } finally {
        statement.close();
      }
    }
  }
}
