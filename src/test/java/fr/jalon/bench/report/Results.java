package fr.jalon.bench.report;

import java.util.List;

/** Everything one bench run measured, as written to the JSON file. Times in ms, memory in KiB. */
public record Results(
    String mode,
    long seed,
    List<Integer> sizes,
    String startedAt,
    long durationSeconds,
    List<String> jvmArgs,
    Machine machine,
    Versions versions,
    List<DatasetInfo> datasets,
    Startup startup,
    List<Run> runs,
    FecImport fecImport,
    ErdStatement erdStatement,
    List<BrowserPage> browserPages,
    List<Check> checks) {

  public record Versions(String payaraMicro, String derby, String flyway, String jasperReports, String primeFaces, String wrk, String jalonCommit) {}

  /** A generated database: its fingerprint proves two runs measured the same data. */
  public record DatasetInfo(int size, String fingerprint, java.util.Map<String, Long> rows, long generationMillis, boolean fromCache) {}

  /** Cold starts to the first HTTP 200, interleaved: bare, Jalon, Jalon, bare, bare, Jalon… */
  public record Startup(
      int jalonSize, String bareUrl, String jalonUrl, List<Long> bareMillis, List<Long> jalonMillis, List<Long> bareRssKiB, List<Long> jalonRssKiB,
      long bareMedianMillis, long jalonMedianMillis, long allowanceMillis, List<Long> bareCpuMillis, List<Long> jalonCpuMillis) {

    public boolean pass() {
      return jalonMedianMillis <= bareMedianMillis + allowanceMillis;
    }
  }

  /** One started application (the bare floor, or Jalon on one dataset) and what was measured on it. */
  public record Run(
      String application, Integer size, long rssAfterStartKiB, long rssAfterBenchmarksKiB, List<Operation> fast, List<Operation> slow,
      List<Throughput> throughput) {

    public boolean bare() {
      return size == null;
    }
  }

  /** Sequential requests over one session: warm-ups, then measured runs. */
  public record Operation(String name, int warmups, Samples millis, double k) {}

  /** One wrk run: requests per second and latency percentiles at a number of connections. */
  public record Throughput(String path, int connections, int seconds, double requestsPerSecond, double p50Millis, double p99Millis, long requests,
      long non2xx, long socketErrors) {}

  /**
   * The FEC confirm over HTTP (Jalon with {@code jvmArgs}, audit included) against a plain JDBC
   * batch insert of the same rows into a copy of the same database, in the bench's JVM. Null when
   * not run.
   */
  public record FecImport(int size, int lines, int expenses, String jvmArgs, Samples confirmMillis, Samples jdbcMillis, double maxRatio) {

    public double ratio() {
      return confirmMillis.median() / jdbcMillis.median();
    }

    public boolean pass() {
      return ratio() <= maxRatio;
    }
  }

  /**
   * The busiest year's expense statement to PDF over HTTP (Jalon with {@code jvmArgs}: regenerate
   * the draft, then download its PDF) against JasperReports' own fill + export of the same lines
   * handed over as a prepared list, in the bench's JVM. Null when not run.
   */
  public record ErdStatement(
      int size, String period, long lines, String jvmArgs, Samples jalonMillis, Samples floorMillis, long jalonPdfBytes, long floorPdfBytes, long jalonRssKiB,
      double maxRatio) {

    public double ratio() {
      return jalonMillis.median() / floorMillis.median();
    }

    public boolean pass() {
      return ratio() <= maxRatio;
    }
  }

  /**
   * A page loaded in headless Chromium, from the navigation's start to the end of its load event
   * (and to DOMContentLoaded), by the browser's Navigation Timing. When the browser is missing the
   * samples are null and {@code unavailable} says why.
   */
  public record BrowserPage(int size, String user, String path, Samples loadMillis, Samples domContentLoadedMillis, double targetMs, String unavailable) {

    public boolean measured() {
      return loadMillis != null;
    }

    public boolean pass() {
      return measured() && loadMillis.median() <= targetMs;
    }
  }

  /** A figure against its target. */
  public record Check(String figure, String value, String target, boolean pass) {}
}
