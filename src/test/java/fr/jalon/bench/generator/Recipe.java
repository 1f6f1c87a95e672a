package fr.jalon.bench.generator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a cached database was made with: a hash of the migration scripts and of the compiled
 * generator classes. When either changes the cache is rebuilt, so nobody has to remember to bump a
 * version number after changing a generator or adding a migration.
 */
final class Recipe {
  private Recipe() {}

  static String current() {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      ClassLoader loader = Recipe.class.getClassLoader();
      hashFolder(digest, loader.getResource("db/migration"));
      hashFolder(digest, Recipe.class.getResource("."));
      return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void hashFolder(MessageDigest digest, URL folder) {
    if (folder == null) {
      throw new IllegalStateException("A folder of the generator's recipe is missing from the class path");
    }
    if (!"file".equals(folder.getProtocol())) {
      // Inside a jar (never the case under Maven): fall back to the location only.
      digest.update(folder.toString().getBytes());
      return;
    }
    try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
      // Unit tests of the generator share its package but make no data.
      List<Path> sorted =
          files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().endsWith("Test.class")).sorted().toList();
      for (Path file : sorted) {
        digest.update(file.getFileName().toString().getBytes());
        digest.update(Files.readAllBytes(file));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
