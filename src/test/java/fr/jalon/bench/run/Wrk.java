package fr.jalon.bench.run;

import fr.jalon.bench.report.Results.Throughput;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Throughput with the {@code wrk} load tool (Debian package {@code wrk}), on loopback only. */
public final class Wrk {
  private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([\\d.]+)");
  private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in");
  private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
  private static final Pattern SOCKET_ERRORS = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");
  private static final Pattern PERCENTILE = Pattern.compile("^\\s*(50|99)(?:\\.0+)?%\\s+([\\d.]+)(us|ms|s|m)\\s*$", Pattern.MULTILINE);

  private Wrk() {}

  /** Runs wrk against {@code url} with {@code connections} connections for {@code duration}. */
  public static Throughput run(URI url, int connections, Duration duration, String cookieHeader) throws IOException, InterruptedException {
    if (!"127.0.0.1".equals(url.getHost()) && !"localhost".equals(url.getHost())) {
      throw new IllegalArgumentException("wrk runs on loopback only: " + url);
    }
    int threads = Math.min(connections, Runtime.getRuntime().availableProcessors());
    List<String> command = new ArrayList<>(List.of("wrk", "-t", Integer.toString(threads), "-c", Integer.toString(connections),
        "-d", duration.toSeconds() + "s", "--timeout", "10s", "--latency"));
    if (cookieHeader != null && !cookieHeader.isBlank()) {
      command.addAll(List.of("-H", "Cookie: " + cookieHeader));
    }
    command.add(url.toString());
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output;
    try (InputStream in = process.getInputStream()) {
      output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    if (process.waitFor() != 0) {
      throw new IllegalStateException("wrk failed:\n" + output);
    }
    return parse(output, url.getPath(), connections, (int) duration.toSeconds());
  }

  /** Reads wrk's report (with {@code --latency}); latencies in milliseconds. */
  static Throughput parse(String output, String path, int connections, int seconds) {
    double p50 = Double.NaN;
    double p99 = Double.NaN;
    Matcher percentile = PERCENTILE.matcher(output);
    while (percentile.find()) {
      double millis = toMillis(Double.parseDouble(percentile.group(2)), percentile.group(3));
      if (percentile.group(1).equals("50")) {
        p50 = millis;
      } else {
        p99 = millis;
      }
    }
    long socketErrors = 0;
    Matcher errors = SOCKET_ERRORS.matcher(output);
    if (errors.find()) {
      for (int i = 1; i <= 4; i++) {
        socketErrors += Long.parseLong(errors.group(i));
      }
    }
    return new Throughput(path, connections, seconds, number(RATE, output), p50, p99, (long) number(REQUESTS, output),
        NON_2XX.matcher(output).find() ? (long) number(NON_2XX, output) : 0, socketErrors);
  }

  private static double number(Pattern pattern, String output) {
    Matcher m = pattern.matcher(output);
    if (!m.find()) {
      throw new IllegalStateException("Unexpected wrk output (no " + pattern + "):\n" + output);
    }
    return Double.parseDouble(m.group(1));
  }

  private static double toMillis(double value, String unit) {
    return switch (unit) {
      case "us" -> value / 1000;
      case "ms" -> value;
      case "s" -> value * 1000;
      case "m" -> value * 60_000;
      default -> throw new IllegalArgumentException(unit);
    };
  }

  /** The installed wrk's version line, for the results. */
  /** Fails at once, before minutes of data generation and start-ups, when wrk is missing. */
  public static void requireInstalled() {
    if ("not installed".equals(version())) {
      throw new IllegalStateException("wrk est introuvable : le banc en a besoin pour le débit (Debian : apt-get install wrk). "
          + "wrk not found: the bench needs it for throughput (Debian: apt-get install wrk).");
    }
  }

  public static String version() {
    try {
      Process process = new ProcessBuilder("wrk", "-v").redirectErrorStream(true).start();
      String first = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().findFirst().orElse("");
      process.waitFor();
      Matcher m = Pattern.compile("wrk (\\S+)").matcher(first);
      return m.find() ? m.group(1) : first;
    } catch (IOException e) {
      return "not installed";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown";
    }
  }
}
