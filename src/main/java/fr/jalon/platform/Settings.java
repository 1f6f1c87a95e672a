package fr.jalon.platform;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Jalon's configuration, read from environment variables (a system property of the same name
 * wins, which tests use). Plain so that start-up checks can be tested without a container.
 */
public record Settings(
    Path dataFolder, Mode mode, Optional<String> firstAdminPassword, long uploadMaxBytes, long importMaxBytes) {

  public enum Mode {
    DEMO,
    PRODUCTION
  }

  public static final String DATA = "JALON_DATA";
  public static final String MODE = "JALON_MODE";
  public static final String ADMIN_PASSWORD = "JALON_ADMIN_PASSWORD";
  public static final String UPLOAD_MAX_MB = "JALON_UPLOAD_MAX_MB";
  /** The largest file an import from accounting takes, in MB (default 200; the servlet container stops at 2048). */
  public static final String IMPORT_MAX_MB = "JALON_IMPORT_MAX_MB";

  /** The shortest first-admin password production mode accepts. */
  public static final int MIN_PASSWORD_LENGTH = 12;

  public static Settings fromEnvironment() {
    return from(System.getenv(), key -> System.getProperty(key));
  }

  static Settings from(Map<String, String> env, java.util.function.Function<String, String> props) {
    java.util.function.Function<String, String> get =
        key -> Optional.ofNullable(props.apply(key)).orElse(env.get(key));
    // The data source reads JALON_DATA from the environment only: so does everything else.
    Path data = Path.of(Optional.ofNullable(env.get(DATA)).filter(s -> !s.isBlank()).orElse("data"));
    String modeText = Optional.ofNullable(get.apply(MODE)).orElse("production").trim();
    Mode mode =
        switch (modeText.toLowerCase(java.util.Locale.ROOT)) {
          case "demo" -> Mode.DEMO;
          case "production", "prod", "" -> Mode.PRODUCTION;
          default ->
              throw new StartupException(
                  "JALON_MODE vaut « " + modeText + " » : valeurs admises « demo » ou « production ».");
        };
    Optional<String> password = Optional.ofNullable(get.apply(ADMIN_PASSWORD)).filter(s -> !s.isBlank());
    long maxMb;
    String maxText = Optional.ofNullable(get.apply(UPLOAD_MAX_MB)).orElse("20").trim();
    try {
      maxMb = Long.parseLong(maxText);
    } catch (NumberFormatException e) {
      throw new StartupException("JALON_UPLOAD_MAX_MB doit être un nombre entier de mégaoctets, pas « " + maxText + " ».");
    }
    if (maxMb <= 0) {
      throw new StartupException("JALON_UPLOAD_MAX_MB doit être positif.");
    }
    long importMb;
    String importText = Optional.ofNullable(get.apply(IMPORT_MAX_MB)).orElse("200").trim();
    try {
      importMb = Long.parseLong(importText);
    } catch (NumberFormatException e) {
      throw new StartupException("JALON_IMPORT_MAX_MB doit être un nombre entier de mégaoctets, pas « " + importText + " ».");
    }
    if (importMb <= 0 || importMb > 2048) {
      throw new StartupException("JALON_IMPORT_MAX_MB doit être compris entre 1 et 2048.");
    }
    return new Settings(data.toAbsolutePath().normalize(), mode, password, maxMb * 1024 * 1024, importMb * 1024 * 1024);
  }

  public boolean demo() {
    return mode == Mode.DEMO;
  }


  public Path fileStoreFolder() {
    return dataFolder.resolve("files");
  }
}
