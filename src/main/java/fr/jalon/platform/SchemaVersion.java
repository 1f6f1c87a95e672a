package fr.jalon.platform;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Enumeration;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import javax.sql.DataSource;

/**
 * Tells, without loading Flyway, whether the database already holds exactly the migrations the
 * application ships: every versioned script under {@code db/migration} applied successfully, with
 * the same name and the same checksum (computed as Flyway computes it), and nothing else. Any
 * difference — a pending, failed, edited or unknown migration, no history table, a location that
 * cannot be listed — answers "no", and Flyway then migrates or refuses to start as it always did.
 */
public final class SchemaVersion {
  static final String LOCATION = "db/migration";
  private static final String HISTORY_TABLE = "flyway_schema_history";
  private static final Pattern VERSIONED = Pattern.compile("V([0-9][0-9_.]*)__.+\\.sql");

  private SchemaVersion() {}

  /** An applied or shipped migration: its script name and checksum, keyed by version. */
  record Migration(String script, int checksum) {}

  /** True when the database needs nothing from Flyway (see the class comment). */
  public static boolean isCurrent(DataSource dataSource, ClassLoader loader) {
    Map<String, Migration> shipped;
    try {
      shipped = shipped(loader);
    } catch (IOException | UncheckedIOException | URISyntaxException e) {
      return false;
    }
    if (shipped.isEmpty()) {
      return false;
    }
    try (Connection connection = dataSource.getConnection()) {
      Map<String, Migration> applied = applied(connection);
      return applied != null && applied.equals(shipped);
    } catch (SQLException e) {
      return false;
    }
  }

  /** The versioned scripts of the location, with Flyway's checksum; empty when there are none. */
  static Map<String, Migration> shipped(ClassLoader loader) throws IOException, URISyntaxException {
    Map<String, Migration> found = new TreeMap<>();
    Enumeration<URL> roots = loader.getResources(LOCATION);
    while (roots.hasMoreElements()) {
      URL root = roots.nextElement();
      switch (root.getProtocol()) {
        case "file" -> {
          try (Stream<Path> files = Files.list(Path.of(root.toURI()))) {
            for (Path file : (Iterable<Path>) files::iterator) {
              String name = file.getFileName().toString();
              if (Files.isRegularFile(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                  add(found, name, in);
                }
              }
            }
          }
        }
        case "jar" -> {
          JarURLConnection connection = (JarURLConnection) root.openConnection();
          connection.setUseCaches(false);
          try (JarFile jar = connection.getJarFile()) {
            String prefix = connection.getEntryName() + "/";
            for (JarEntry entry : (Iterable<JarEntry>) jar.entries()::asIterator) {
              String name = entry.getName();
              if (name.startsWith(prefix) && !entry.isDirectory() && name.indexOf('/', prefix.length()) < 0) {
                try (InputStream in = jar.getInputStream(entry)) {
                  add(found, name.substring(prefix.length()), in);
                }
              }
            }
          }
        }
        default -> throw new IOException("Emplacement de migrations illisible : " + root);
      }
    }
    return found;
  }

  private static void add(Map<String, Migration> found, String name, InputStream in) throws IOException {
    Matcher versioned = VERSIONED.matcher(name);
    if (versioned.matches()) {
      Migration previous = found.put(normalise(versioned.group(1)), new Migration(name, checksum(in)));
      if (previous != null) {
        throw new IOException("Deux migrations pour la même version : " + previous.script() + ", " + name);
      }
    } else if (name.endsWith(".sql")) {
      // Repeatable or other scripts: only Flyway knows what to do with them.
      throw new IOException("Migration non versionnée : " + name);
    }
  }

  /**
   * Flyway's checksum: CRC-32 of the UTF-8 bytes of each line, line breaks left out, a leading
   * byte-order mark ignored.
   */
  static int checksum(InputStream in) throws IOException {
    CRC32 crc = new CRC32();
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 4096)) {
      String line = reader.readLine();
      if (line != null && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      while (line != null) {
        crc.update(line.getBytes(StandardCharsets.UTF_8));
        line = reader.readLine();
      }
    }
    return (int) crc.getValue();
  }

  /** Flyway reads {@code 9_1} and {@code 9.1} as the same version, and ignores leading zeros. */
  static String normalise(String version) {
    StringBuilder out = new StringBuilder();
    for (String part : version.replace('_', '.').split("\\.")) {
      String digits = part.replaceFirst("^0+(?=.)", "");
      out.append(out.isEmpty() ? "" : ".").append(digits);
    }
    return out.toString().replaceFirst("(\\.0)+$", "");
  }

  /** The successful versioned SQL migrations of the history; null when Flyway has work to do. */
  private static Map<String, Migration> applied(Connection connection) throws SQLException {
    // Without a history table the SELECT fails (42X05) and isCurrent answers no: cheaper than
    // asking DatabaseMetaData first, a query Derby compiles on its first use.
    Map<String, Migration> applied = new TreeMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(
            "SELECT \"version\", \"type\", \"script\", \"checksum\", \"success\" FROM \"" + HISTORY_TABLE + "\" ORDER BY \"installed_rank\"")) {
      while (rows.next()) {
        String version = rows.getString(1);
        String type = rows.getString(2);
        int checksum = rows.getInt(4);
        boolean noChecksum = rows.wasNull();
        if (!rows.getBoolean(5)) {
          return null;
        }
        if ("SQL".equals(type) && version != null && !noChecksum) {
          if (applied.put(normalise(version), new Migration(rows.getString(3), checksum)) != null) {
            return null;
          }
        } else if (!"SCHEMA".equals(type)) {
          // Baselines, Java migrations, deletions, undo rows: Flyway decides.
          return null;
        }
      }
    }
    return applied;
  }
}
