package fr.jalon.bench.generator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A SHA-256 over the content of every application table, in a fixed order: two databases with the
 * same fingerprint hold the same data. Left out: Flyway's history (it records when and how fast
 * migrations ran) and password hashes (random salts).
 */
public record DatasetFingerprint(String sha256, Map<String, Long> rowCounts) {
  static final String FLYWAY_HISTORY = "flyway_schema_history";
  static final Set<String> SKIPPED_COLUMNS = Set.of("APP_USER.PASSWORD_HASH");

  public static DatasetFingerprint of(Connection connection) throws SQLException {
    MessageDigest digest = newDigest();
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String table : tables(connection)) {
      List<Column> columns = columns(connection, table);
      List<String> read = columns.stream().filter(c -> !SKIPPED_COLUMNS.contains(table + "." + c.name())).map(Column::name).toList();
      // A table with an ID column is ordered by it; the others by every column that can be sorted.
      List<String> order = columns.stream().anyMatch(c -> c.name().equals("ID"))
          ? List.of("ID")
          : columns.stream().filter(c -> !c.lob()).map(Column::name).toList();
      digest.update(("T:" + table + "\n").getBytes(StandardCharsets.UTF_8));
      long rows = 0;
      try (Statement s = connection.createStatement();
          ResultSet r = s.executeQuery("SELECT " + String.join(", ", read) + " FROM " + table + " ORDER BY " + String.join(", ", order))) {
        StringBuilder line = new StringBuilder();
        while (r.next()) {
          line.setLength(0);
          for (int i = 1; i <= read.size(); i++) {
            String value = r.getString(i);
            line.append(value == null ? "\u0000" : value).append('\u001f');
          }
          digest.update(line.append('\n').toString().getBytes(StandardCharsets.UTF_8));
          rows++;
        }
      }
      counts.put(table, rows);
    }
    return new DatasetFingerprint(HexFormat.of().formatHex(digest.digest()), counts);
  }

  /** Rows per application table, by table name. */
  public static Map<String, Long> rowCounts(Connection connection) throws SQLException {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String table : tables(connection)) {
      try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
        r.next();
        counts.put(table, r.getLong(1));
      }
    }
    return counts;
  }

  private record Column(String name, boolean lob) {}

  static List<String> tables(Connection connection) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (ResultSet r = connection.getMetaData().getTables(null, connection.getSchema(), "%", new String[] {"TABLE"})) {
      while (r.next()) {
        String name = r.getString("TABLE_NAME");
        if (!name.equalsIgnoreCase(FLYWAY_HISTORY)) {
          tables.add(name);
        }
      }
    }
    tables.sort(null);
    return tables;
  }

  private static List<Column> columns(Connection connection, String table) throws SQLException {
    List<Column> columns = new ArrayList<>();
    DatabaseMetaData meta = connection.getMetaData();
    try (ResultSet r = meta.getColumns(null, connection.getSchema(), table, "%")) {
      while (r.next()) {
        int type = r.getInt("DATA_TYPE");
        columns.add(new Column(r.getString("COLUMN_NAME"), type == Types.CLOB || type == Types.BLOB));
      }
    }
    return columns;
  }

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
