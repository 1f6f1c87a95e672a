package fr.jalon.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Jalon on Payara Micro, started from the built WAR as the README starts it. One shared
 * instance serves every HTTP and browser test of the run; the start-up tests start their own.
 */
public final class JalonServer implements AutoCloseable {
  private static JalonServer shared;

  private final Process process;
  private final int port;
  private final Path dataFolder;
  private final Path log;

  private JalonServer(Process process, int port, Path dataFolder, Path log) {
    this.process = process;
    this.port = port;
    this.dataFolder = dataFolder;
    this.log = log;
  }

  /** The shared demo instance, started on first use and stopped when the test JVM ends. */
  public static synchronized JalonServer shared() {
    if (shared == null) {
      Path folder = itDir().resolve("shared");
      deleteRecursively(folder);
      shared = launch(folder, Map.of("JALON_MODE", "demo"));
      // Before the wait: a server too slow to answer in time must not outlive the test JVM either.
      Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
      // Generous: the first start loads the demo (reports included), minutes on a busy two-core machine.
      shared.awaitHealthy(Duration.ofMinutes(10));
    }
    return shared;
  }

  static Path itDir() {
    return Path.of(System.getProperty("jalon.itDir", "target/it")).toAbsolutePath();
  }

  /** Starts a Jalon process on a free port with the data folder and environment given; does not wait. */
  public static JalonServer launch(Path dataFolder, Map<String, String> environment) {
    try {
      Files.createDirectories(dataFolder);
      int port = freePort();
      Path log = dataFolder.resolveSibling(dataFolder.getFileName() + "-" + port + ".log");
      String java = ProcessHandle.current().info().command().orElse("java");
      List<String> command = new ArrayList<>(List.of(java, "-Djava.awt.headless=true", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
          "-Dderby.stream.error.file=" + dataFolder.resolve("derby.log"),
          "-jar", System.getProperty("jalon.payaraMicroJar", "target/payara-micro.jar"),
          "--nocluster", "--port", String.valueOf(port), "--contextroot", "/",
          "--postbootcommandfile", System.getProperty("jalon.postboot", "src/main/payara/postboot.asadmin"),
          "--deploy", System.getProperty("jalon.war", "target/jalon.war")));
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
      builder.environment().put("JALON_DATA", dataFolder.toString());
      builder.environment().remove("JALON_ADMIN_PASSWORD");
      builder.environment().putAll(environment);
      return new JalonServer(builder.start(), port, dataFolder, log);
    } catch (IOException e) {
      throw new IllegalStateException("Impossible de lancer Payara Micro", e);
    }
  }

  /** Waits for 200 on /health (Payara logs success even for a failed deployment). */
  public JalonServer awaitHealthy(Duration timeout) {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Jalon s'est arrêté au démarrage (code " + process.exitValue() + ") :\n" + logTail());
      }
      try {
        HttpResponse<Void> r = client.send(HttpRequest.newBuilder(uri("/health")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) {
          return this;
        }
      } catch (IOException e) {
        // Not listening yet.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      sleep(500);
    }
    throw new IllegalStateException("Jalon n'a pas répondu sur /health à temps :\n" + logTail());
  }

  /** Waits for the process to end by itself (a refused start) and returns its exit code. */
  public int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("Jalon ne s'est pas arrêté à temps :\n" + logTail());
    }
    return process.exitValue();
  }

  /** SIGTERM, as Ctrl-C or a container stop would send, then waits for the exit. */
  public int terminate() {
    process.destroy();
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return -1;
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  public URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  public String base() {
    return "http://localhost:" + port;
  }

  public Path dataFolder() {
    return dataFolder;
  }

  public String log() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  public String logTail() {
    String all = log();
    return all.length() > 6000 ? all.substring(all.length() - 6000) : all;
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      terminate();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static void deleteRecursively(Path folder) {
    if (!Files.exists(folder)) {
      return;
    }
    try (var paths = Files.walk(folder)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
