package fr.jalon.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The bench's options, from system properties that the {@code bench} Maven profile passes on:
 * {@code bench} (quick, full, fill, serve), {@code bench.seed}, {@code bench.size} (fill and serve) or
 * {@code bench.sizes} (runs), {@code bench.data}, {@code bench.port}, {@code bench.wrkSeconds},
 * {@code bench.startups}, {@code bench.jvmArgs} (extra options for every measured JVM, floor and
 * Jalon alike), {@code bench.fecLines} (lines per FEC file confirmed; 0 skips the FEC import) and
 * {@code bench.fecRuns}, {@code bench.erd} (false skips the expense statement) and
 * {@code bench.browser} (false skips the dashboard page in Chromium), and the build's paths and
 * versions.
 */
public record BenchSettings(
    Action action,
    long seed,
    List<Integer> sizes,
    Optional<Path> data,
    int port,
    int wrkSeconds,
    int startups,
    List<String> jvmArgs,
    Path target,
    Path war,
    Path payaraJar,
    Path postboot,
    int fecLines,
    int fecRuns,
    boolean erd,
    boolean browser) {

  public enum Action {
    /** 10,000 and 100,000: under 15 minutes. */
    QUICK(List.of(10_000, 100_000), 20_000),
    /** 1,000,000, beside 10,000 for the size targets: under 60 minutes. */
    FULL(List.of(10_000, 1_000_000), 500_000),
    /** Generate (or take from the cache) one dataset and copy it to a data folder. */
    FILL(List.of(100_000), 0),
    /** FILL, then start Jalon on it in the foreground. */
    SERVE(List.of(100_000), 0);

    final List<Integer> defaultSizes;
    /** Lines of each FEC file confirmed (issue 6 asks 500,000; quick keeps to a smaller file). */
    final int defaultFecLines;

    Action(List<Integer> defaultSizes, int defaultFecLines) {
      this.defaultSizes = defaultSizes;
      this.defaultFecLines = defaultFecLines;
    }

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public static BenchSettings fromSystemProperties() {
    Action action = Action.valueOf(property("bench", "quick").trim().toUpperCase(Locale.ROOT));
    String sizesText = property(action == Action.FILL || action == Action.SERVE ? "bench.size" : "bench.sizes", "");
    List<Integer> sizes = sizesText.isBlank()
        ? action.defaultSizes
        : Arrays.stream(sizesText.split(",")).map(s -> Integer.parseInt(s.trim().replace("_", ""))).sorted().toList();
    Path target = Path.of(property("bench.target", "target")).toAbsolutePath();
    String data = property("bench.data", "");
    return new BenchSettings(
        action,
        Long.parseLong(property("bench.seed", "42").trim()),
        sizes,
        data.isBlank() ? Optional.empty() : Optional.of(Path.of(data).toAbsolutePath()),
        Integer.parseInt(property("bench.port", "18080").trim()),
        Integer.parseInt(property("bench.wrkSeconds", "10").trim()),
        Integer.parseInt(property("bench.startups", "5").trim()),
        Arrays.stream(property("bench.jvmArgs", "").trim().split("\\s+")).filter(a -> !a.isEmpty()).toList(),
        target,
        Path.of(property("bench.war", target.resolve("jalon.war").toString())),
        Path.of(property("bench.payaraJar", target.resolve("payara-micro.jar").toString())),
        Path.of(property("bench.postboot", "src/main/payara/postboot.asadmin")).toAbsolutePath(),
        Integer.parseInt(property("bench.fecLines", Integer.toString(action.defaultFecLines)).trim().replace("_", "")),
        Integer.parseInt(property("bench.fecRuns", "3").trim()),
        !"false".equalsIgnoreCase(property("bench.erd", "true").trim()),
        !"false".equalsIgnoreCase(property("bench.browser", "true").trim()));
  }

  /** Where results and run copies go: {@code target/bench/}. */
  public Path benchFolder() {
    return target.resolve("bench");
  }

  /** The dataset cache: {@code target/bench-data/}. */
  public Path cacheFolder() {
    return target.resolve("bench-data");
  }

  public static String property(String key, String fallback) {
    String value = System.getProperty(key);
    return value == null || value.isBlank() ? fallback : value;
  }
}
