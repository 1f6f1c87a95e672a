package fr.jalon.bench;

import fr.jalon.bench.run.Progress;
import java.nio.file.Files;

/**
 * The bench's entry point, run by {@code mvn -Pbench verify -Dbench=quick|full|fill|serve} (see
 * the {@code bench} profile in pom.xml for the options).
 */
public final class Bench {
  private Bench() {}

  public static void main(String[] args) {
    try {
      BenchSettings settings = BenchSettings.fromSystemProperties();
      Progress.log("Jalon bench %s: seed %d, sizes %s", settings.action().label(), settings.seed(), settings.sizes());
      Files.createDirectories(settings.benchFolder());
      // Derby in this JVM (the generator) logs beside the results, not in the working directory.
      if (System.getProperty("derby.stream.error.file") == null) {
        System.setProperty("derby.stream.error.file", settings.benchFolder().resolve("derby-generator.log").toString());
      }
      switch (settings.action()) {
        case QUICK, FULL -> new BenchRun(settings).run();
        case FILL -> DatasetCommands.printHowToStart(settings, DatasetCommands.fill(settings));
        case SERVE -> DatasetCommands.serve(settings);
      }
      System.exit(0);
    } catch (Exception e) {
      System.err.println("[bench] failed: " + e);
      e.printStackTrace();
      System.exit(1);
    }
  }
}
