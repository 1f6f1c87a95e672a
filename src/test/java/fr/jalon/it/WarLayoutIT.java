package fr.jalon.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The packaged WAR keeps its libraries where Payara does not parse them at deployment (pom.xml,
 * maven-antrun-plugin): only PrimeFaces and the Class-Path jar in WEB-INF/lib, everything else in
 * WEB-INF/libraries, each file named by that Class-Path and nothing named that is missing. The
 * other ITs, on this WAR, prove the classes load (Derby, Flyway on a new database, JasperReports).
 */
class WarLayoutIT {

  private static final String LIBRARIES = "WEB-INF/libraries/";

  @Test
  void librariesSitOutsideWebInfLibAndTheClassPathNamesEachOne() throws Exception {
    try (ZipFile war = new ZipFile(Path.of(System.getProperty("jalon.war", "target/jalon.war")).toFile())) {
      List<String> lib = war.stream().map(ZipEntry::getName)
          .filter(name -> name.startsWith("WEB-INF/lib/") && !name.endsWith("/")).sorted().toList();
      assertThat(lib).hasSize(2).allMatch(name -> name.equals("WEB-INF/lib/jalon-libraries.jar") || name.matches("WEB-INF/lib/primefaces-.*\\.jar"));

      List<String> libraries = war.stream().map(ZipEntry::getName)
          .filter(name -> name.startsWith(LIBRARIES) && !name.endsWith("/")).sorted().toList();
      assertThat(libraries).allMatch(name -> name.endsWith(".lib"))
          .anyMatch(name -> name.startsWith(LIBRARIES + "derby-"))
          .anyMatch(name -> name.startsWith(LIBRARIES + "flyway-core-"))
          .anyMatch(name -> name.startsWith(LIBRARIES + "jasperreports-"));

      String classPath;
      try (InputStream in = war.getInputStream(war.getEntry("WEB-INF/lib/jalon-libraries.jar"));
          JarInputStream jar = new JarInputStream(in)) {
        classPath = jar.getManifest().getMainAttributes().getValue("Class-Path");
      }
      List<String> named = Arrays.stream(classPath.trim().split(" +"))
          .map(entry -> entry.replaceFirst("^\\.\\./libraries/", LIBRARIES)).sorted().toList();
      assertThat(named).as("Class-Path of jalon-libraries.jar").isEqualTo(libraries);
    }
  }
}
