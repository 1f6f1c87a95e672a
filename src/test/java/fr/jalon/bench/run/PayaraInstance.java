package fr.jalon.bench.run;

import fr.jalon.bench.BenchSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One Payara Micro process on loopback, started the way the README starts Jalon (same JVM options,
 * same post-boot commands), whether it deploys Jalon or the empty floor application.
 */
public final class PayaraInstance implements AutoCloseable {
  private static final Duration POLL = Duration.ofMillis(100);
  /** Long enough for a JDK 25 recording start to assemble its AOT cache as it stops (about a minute). */
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(180);

  /** What to deploy; {@code dataFolder} is null for the floor application, which has no data. */
  public record Launch(String label, Path war, Path dataFolder, String readyPath) {}

  private final Launch launch;
  private final Process process;
  private final long startedNanos;
  private final URI base;
  private final Path log;
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();

  private PayaraInstance(Launch launch, Process process, long startedNanos, URI base, Path log) {
    this.launch = launch;
    this.process = process;
    this.startedNanos = startedNanos;
    this.base = base;
    this.log = log;
  }

  /** Starts the process; {@code log} null sends its output to this console (the serve action). */
  public static PayaraInstance start(BenchSettings settings, Launch launch, Path log) throws IOException {
    return start(settings, launch, log, List.of(), Map.of());
  }

  /** The same with more JVM options (after the bench's own) and environment variables for Jalon. */
  public static PayaraInstance start(BenchSettings settings, Launch launch, Path log, List<String> moreJvmArgs, Map<String, String> moreEnv) throws IOException {
    refuseBusyPort(settings.port());
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Djava.awt.headless=true");
    command.addAll(settings.jvmArgs());
    command.addAll(moreJvmArgs);
    if (launch.dataFolder() != null) {
      command.add("-Dderby.stream.error.file=" + launch.dataFolder().resolve("derby.log"));
      command.addAll(startupCache(launch.dataFolder()));
    }
    command.addAll(List.of("-jar", settings.payaraJar().toString(), "--nocluster", "--port", Integer.toString(settings.port()), "--contextroot", "/",
        "--postbootcommandfile", settings.postboot().toString(), "--deploy", launch.war().toString()));
    ProcessBuilder builder = new ProcessBuilder(command);
    Map<String, String> env = builder.environment();
    // The caller's JALON_* settings must not leak into a measured process.
    env.keySet().removeIf(key -> key.startsWith("JALON_"));
    if (launch.dataFolder() != null) {
      env.put("JALON_MODE", "demo");
      env.put("JALON_DATA", launch.dataFolder().toString());
      env.put("JALON_PORT", Integer.toString(settings.port()));
      if (log != null) {
        // The periodic generation's first pass (60 s after start) would draft every report due since
        // the grant began — yearly statements of every paid line — in the middle of the measurements
        // and hold the REPORT table meanwhile; the bench measures requests, so that pass waits a day.
        env.put("JALON_SCHEDULE_DELAY_SECONDS", "86400");
      }
      env.putAll(moreEnv);
    }
    if (log == null) {
      builder.inheritIO();
    } else {
      Files.createDirectories(log.getParent());
      builder.redirectErrorStream(true).redirectOutput(log.toFile());
    }
    long started = System.nanoTime();
    Process process = builder.start();
    return new PayaraInstance(launch, process, started, URI.create("http://127.0.0.1:" + settings.port()), log);
  }

  /**
   * As the README starts Jalon (pom.xml, the run profile and the aot-cache profiles): on JDK 25 and
   * later an AOT cache recorded by the first start (written when it stops), then used; before,
   * a class-data archive written at the first stop, then used. Beside the data folder.
   */
  static List<String> startupCache(Path dataFolder) {
    String name = dataFolder.getFileName() + "-jalon";
    if (Runtime.version().feature() >= 25) {
      Path cache = dataFolder.resolveSibling(name + ".aot");
      return Files.exists(cache) ? List.of("-XX:AOTCache=" + cache) : List.of("-XX:AOTCacheOutput=" + cache, "-Xlog:aot=error");
    }
    return List.of("-XX:SharedArchiveFile=" + dataFolder.resolveSibling(name + ".jsa"), "-XX:+AutoCreateSharedArchive");
  }

  /** Waits for the first HTTP 200 on the launch's ready path; returns the time since the start. */
  public Duration awaitReady(Duration timeout) throws InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(base.resolve(launch.readyPath())).timeout(Duration.ofSeconds(10)).GET().build();
    long deadline = startedNanos + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(launch.label() + " stopped before answering (exit " + process.exitValue() + ")" + logTail());
      }
      try {
        if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return Duration.ofNanos(System.nanoTime() - startedNanos);
        }
      } catch (ConnectException | HttpTimeoutException e) {
        // Not listening yet.
      } catch (IOException e) {
        // The listener may reset connections while the application deploys.
      }
      Thread.sleep(POLL);
    }
    throw new IllegalStateException(launch.label() + " did not answer 200 on " + launch.readyPath() + " within " + timeout.toSeconds() + " s" + logTail());
  }

  /** Resident memory of the process, from /proc/PID/status (VmRSS), in KiB. */
  public long rssKiB() {
    try {
      return Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status")).stream()
          .filter(line -> line.startsWith("VmRSS:"))
          .map(line -> Long.parseLong(line.replaceAll("\\D", "")))
          .findFirst()
          .orElse(-1L);
    } catch (IOException e) {
      return -1;
    }
  }

  /**
   * CPU time the process has used so far (user + system, all threads), from /proc/PID/stat, in ms:
   * on a busy machine a steadier figure than the wall-clock time.
   */
  public long cpuMillis() {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
      // The command name in parentheses may hold spaces: count the fields after its closing one.
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
      long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
      return ticks * 1000 / CLOCK_TICKS_PER_SECOND;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** USER_HZ: 100 on every Linux this runs on (getconf CLK_TCK). */
  private static final long CLOCK_TICKS_PER_SECOND = 100;

  public URI base() {
    return base;
  }

  public Launch launch() {
    return launch;
  }

  /** Blocks until the process ends (the serve action: until Ctrl-C). */
  public int waitFor() throws InterruptedException {
    return process.waitFor();
  }

  /** SIGTERM, so Jalon shuts Derby down cleanly; SIGKILL only if it hangs. */
  @Override
  public void close() {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        System.out.println("[bench] " + launch.label() + " ignored SIGTERM for " + STOP_TIMEOUT.toSeconds() + " s: killing it");
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private String logTail() {
    if (log == null || !Files.exists(log)) {
      return "";
    }
    try {
      List<String> lines = Files.readAllLines(log);
      return "; last lines of " + log + ":\n  " + String.join("\n  ", lines.subList(Math.max(0, lines.size() - 25), lines.size()));
    } catch (IOException | UncheckedIOException e) {
      return "; see " + log;
    }
  }

  private static void refuseBusyPort(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
      throw new IllegalStateException("Port " + port + " is already in use: stop what listens there, or pass -Dbench.port=…");
    } catch (IOException free) {
      // Nothing listens: the port is ours.
    }
  }
}
