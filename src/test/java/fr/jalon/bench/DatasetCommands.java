package fr.jalon.bench;

import fr.jalon.bench.generator.Dataset;
import fr.jalon.bench.generator.DatasetCache;
import fr.jalon.bench.run.JalonRequests;
import fr.jalon.bench.run.PayaraInstance;
import fr.jalon.bench.run.Progress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** {@code bench fill} and {@code bench serve}: a generated database to try Jalon at a chosen size. */
final class DatasetCommands {
  private DatasetCommands() {}

  /** Fills the data folder from the cache (generating first if needed); returns the folder. */
  static Path fill(BenchSettings settings) throws Exception {
    int size = settings.sizes().getFirst();
    DatasetCache.Cached cached = DatasetCache.standard(settings.cacheFolder()).get(new Dataset(settings.seed(), size));
    Progress.log("dataset seed %d, N = %d: %s in %s, fingerprint %s", settings.seed(), size,
        cached.reused() ? "reused from the cache" : "generated in " + cached.generationMillis() + " ms", cached.folder(), cached.fingerprint().substring(0, 16));
    Path data = settings.data().orElse(settings.target().resolve("bench-try").resolve(cached.dataset().key()));
    if (Files.exists(data.resolve("jalon-db"))) {
      Progress.log("%s already holds a database: left as it is (delete it for fresh data)", data);
    } else {
      DatasetCache.copyTo(cached, data);
      Progress.log("copied to the data folder %s", data);
    }
    return data;
  }

  static void printHowToStart(BenchSettings settings, Path data) {
    System.out.println();
    System.out.println("Start Jalon on it (port 8080 unless JALON_PORT is set):");
    System.out.println("  mvn -Prun -Djalon.data=" + data);
    System.out.println("or, without Maven:");
    System.out.println("  JALON_DATA=" + data + " java -Djava.awt.headless=true -Dderby.stream.error.file=" + data.resolve("derby.log")
        + " -jar target/payara-micro.jar --nocluster --port 8080 --contextroot / --postbootcommandfile src/main/payara/postboot.asadmin"
        + " --deploy target/jalon.war");
    System.out.println("Log in as admin, projet, finance or conseil, password " + JalonRequests.PASSWORD + ".");
  }

  /** Fills, then runs Jalon on the data folder in the foreground until Ctrl-C. */
  static void serve(BenchSettings settings) throws Exception {
    Path data = fill(settings);
    PayaraInstance.Launch launch = new PayaraInstance.Launch("Jalon", settings.war(), data, JalonRequests.READY_PATH);
    PayaraInstance jalon = PayaraInstance.start(settings, launch, null);
    Runtime.getRuntime().addShutdownHook(new Thread(jalon::close, "stop-jalon"));
    Duration ready = jalon.awaitReady(Duration.ofMinutes(10));
    Progress.log("Jalon answers on http://localhost:%d/ after %.1f s, on %s (N = %d). Log in as admin, projet, finance or conseil, password %s."
        + " Ctrl-C stops it.", settings.port(), ready.toMillis() / 1000.0, data, settings.sizes().getFirst(), JalonRequests.PASSWORD);
    jalon.waitFor();
  }
}
