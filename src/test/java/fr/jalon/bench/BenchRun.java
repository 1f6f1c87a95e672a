package fr.jalon.bench;

import fr.jalon.bench.generator.Dataset;
import fr.jalon.bench.generator.DatasetCache;
import fr.jalon.bench.report.Json;
import fr.jalon.bench.report.Machine;
import static fr.jalon.bench.report.MarkdownReport.ms;
import static fr.jalon.bench.report.MarkdownReport.seconds;
import static fr.jalon.bench.report.MarkdownReport.size;

import fr.jalon.bench.report.MarkdownReport;
import fr.jalon.bench.report.Results;
import fr.jalon.bench.report.Results.Check;
import fr.jalon.bench.report.Results.BrowserPage;
import fr.jalon.bench.report.Results.DatasetInfo;
import fr.jalon.bench.report.Results.ErdStatement;
import fr.jalon.bench.report.Results.FecImport;
import fr.jalon.bench.report.Results.Operation;
import fr.jalon.bench.report.Results.Run;
import fr.jalon.bench.report.Results.Startup;
import fr.jalon.bench.report.Results.Throughput;
import fr.jalon.bench.report.SizeRatio;
import fr.jalon.bench.run.BareApplication;
import fr.jalon.bench.run.DashboardPageBench;
import fr.jalon.bench.run.HttpSession;
import fr.jalon.bench.run.InProcessBench;
import fr.jalon.bench.run.JalonRequests;
import fr.jalon.bench.run.Measure;
import fr.jalon.bench.run.PayaraInstance;
import fr.jalon.bench.run.PayaraInstance.Launch;
import fr.jalon.bench.run.SmallHeapBench;
import fr.jalon.bench.run.Progress;
import fr.jalon.bench.run.StartupBench;
import fr.jalon.bench.run.Wrk;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code bench quick} and {@code bench full}: datasets from the cache, start-up against the
 * floor, then for the floor and for each size one instance measured over HTTP, then the targets
 * and the result files under {@code target/bench/}.
 */
final class BenchRun {
  private static final Duration READY_TIMEOUT = Duration.ofMinutes(5);

  private final BenchSettings settings;
  private final String commit;
  private final Path logs;

  BenchRun(BenchSettings settings) {
    this.settings = settings;
    // Read before the run: the WAR was just built from this tree, which may move during a long run.
    this.commit = commit();
    this.logs = settings.benchFolder().resolve("logs");
  }

  Path run() throws Exception {
    Wrk.requireInstalled();
    Instant began = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Machine machine = Machine.probe();
    Path runData = settings.benchFolder().resolve("run");
    DatasetCache.deleteTree(runData);
    DatasetCache.deleteTree(logs);

    DatasetCache cache = DatasetCache.standard(settings.cacheFolder());
    Map<Integer, Path> dataFolders = new LinkedHashMap<>();
    Map<Integer, DatasetCache.Cached> cachedBySize = new LinkedHashMap<>();
    List<DatasetInfo> datasets = new ArrayList<>();
    String derbyVersion = "unknown";
    for (int size : settings.sizes()) {
      DatasetCache.Cached cached = cache.get(new Dataset(settings.seed(), size));
      Path folder = runData.resolve(cached.dataset().key());
      DatasetCache.copyTo(cached, folder);
      dataFolders.put(size, folder);
      cachedBySize.put(size, cached);
      datasets.add(new DatasetInfo(size, cached.fingerprint(), cached.rowCounts(), cached.generationMillis(), cached.reused()));
      derbyVersion = cached.derbyVersion();
      Progress.log("dataset N = %d: %s (%s), fingerprint %s", size, cached.reused() ? "from the cache" : "generated", cached.folder(),
          cached.fingerprint().substring(0, 16));
    }

    Launch bare = new Launch("bare Payara Micro", BareApplication.write(settings.benchFolder().resolve("bare.war")), null, BareApplication.READY_PATH);
    int largest = settings.sizes().getLast();
    Startup startup = StartupBench.run(settings, bare, jalon(largest, dataFolders.get(largest)), largest, logs);

    List<Run> runs = new ArrayList<>();
    List<BrowserPage> pages = new ArrayList<>();
    runs.add(measureBare(bare));
    for (Map.Entry<Integer, Path> size : dataFolders.entrySet()) {
      runs.add(measureJalon(size.getKey(), size.getValue(), pages));
    }

    // Last: one -Xmx512m instance on its own copy of the largest dataset, for the statement and then the FEC import (which adds expenses).
    // A failure there (the product failing at that size is a result too) is written as a failed target, and the figures
    // measured before it still make their table.
    SmallHeapBench.Outcome heap = new SmallHeapBench.Outcome(null, null);
    String heapFailure = null;
    if (settings.erd() || settings.fecLines() > 0) {
      try {
        heap = SmallHeapBench.run(settings, cachedBySize.get(largest), largest, settings.benchFolder().resolve("xmx512m"), logs);
      } catch (Exception e) {
        heapFailure = e.getMessage();
        Progress.log("the -Xmx512m part failed (see %s): %s", logs.resolve("xmx512m-jalon.log"), heapFailure);
      }
    }
    FecImport fec = heap.fec();

    // Last, with no server running: JMH in its own JVM. A failure there keeps the figures above.
    String inProcess;
    try {
      inProcess = InProcessBench.run(settings.benchFolder());
    } catch (Exception e) {
      inProcess = "\n## In-process operations (JMH)\n\nFailed: " + e + "\n";
      Progress.log("JMH failed: %s", e);
    }

    Instant ended = Instant.now();
    List<Check> checks = checks(startup, runs, fec, heap.erd(), pages);
    if (heapFailure != null) {
      checks.add(new Check("-Xmx512m part (" + (settings.erd() ? "expense statement, " : "") + "FEC confirm of " + size(settings.fecLines()) + " lines), N = "
          + size(largest), "failed: " + heapFailure, "completes", false));
    }
    Results results = new Results(settings.action().label(), settings.seed(), settings.sizes(), began.toString(),
        Duration.between(began, ended).toSeconds(), settings.jvmArgs(), machine.withLoadAtEnd(), versions(derbyVersion), datasets, startup, runs, fec,
        heap.erd(), pages, checks);
    Path written = write(results, ended, inProcess);
    if (heapFailure != null) {
      throw new IllegalStateException("the -Xmx512m part failed; every other figure is in " + written + ": " + heapFailure);
    }
    return written;
  }

  private Launch jalon(int size, Path dataFolder) {
    return new Launch("Jalon N = " + size, settings.war(), dataFolder, JalonRequests.READY_PATH);
  }

  private Run measureBare(Launch bare) throws Exception {
    try (PayaraInstance instance = PayaraInstance.start(settings, bare, logs.resolve("measure-bare.log"))) {
      instance.awaitReady(READY_TIMEOUT);
      long rssAfterStart = instance.rssKiB();
      HttpSession session = HttpSession.anonymous(instance.base());
      Operation page = Measure.fast(session, new Measure.Request("GET " + BareApplication.READY_PATH, BareApplication.READY_PATH, 1));
      Progress.log("floor: GET / median %.2f ms, p95 %.2f ms", page.millis().median(), page.millis().p95());
      List<Throughput> throughput = throughput(instance, BareApplication.READY_PATH, null);
      return new Run("bare Payara Micro", null, rssAfterStart, instance.rssKiB(), List.of(page), List.of(), throughput);
    }
  }

  private Run measureJalon(int size, Path dataFolder, List<BrowserPage> pages) throws Exception {
    try (PayaraInstance instance = PayaraInstance.start(settings, jalon(size, dataFolder), logs.resolve("measure-jalon-" + size + ".log"))) {
      instance.awaitReady(READY_TIMEOUT);
      long rssAfterStart = instance.rssKiB();
      HttpSession session = HttpSession.login(instance.base(), JalonRequests.USERNAME, JalonRequests.PASSWORD);
      List<Operation> fast = new ArrayList<>();
      for (Measure.Request request : JalonRequests.FAST) {
        Operation o = Measure.fast(session, request);
        fast.add(o);
        Progress.log("N = %d: %s median %.2f ms, p95 %.2f ms", size, o.name(), o.millis().median(), o.millis().p95());
      }
      List<Operation> slow = new ArrayList<>();
      for (Measure.Request request : JalonRequests.SLOW) {
        Operation o = Measure.slow(session, request);
        slow.add(o);
        Progress.log("N = %d: %s median %.0f ms (%.0f – %.0f)", size, o.name(), o.millis().median(), o.millis().min(), o.millis().max());
      }
      if (settings.browser()) {
        pages.add(DashboardPageBench.measure(instance, size, Measure.SLOW_WARMUPS, Measure.SLOW_RUNS));
      }
      List<Throughput> throughput = throughput(instance, JalonRequests.THROUGHPUT_PATH, session.cookieHeader());
      return new Run("Jalon", size, rssAfterStart, instance.rssKiB(), fast, slow, throughput);
    }
  }

  private List<Throughput> throughput(PayaraInstance instance, String path, String cookie) throws Exception {
    List<Throughput> results = new ArrayList<>();
    for (int connections : JalonRequests.CONNECTIONS) {
      Throughput t = Wrk.run(instance.base().resolve(path), connections, Duration.ofSeconds(settings.wrkSeconds()), cookie);
      if (t.non2xx() > 0) {
        // Errors would be counted as fast answers: refuse the figure rather than print it.
        throw new IllegalStateException("wrk got " + t.non2xx() + " answers other than 2xx/3xx from " + instance.launch().label() + " " + path);
      }
      results.add(t);
      Progress.log("%s: wrk %s, %d connections: %.0f requests/s, p50 %.2f ms, p99 %.2f ms", instance.launch().label(), path, connections,
          t.requestsPerSecond(), t.p50Millis(), t.p99Millis());
    }
    return results;
  }

  /** Start-up against the floor; every request against itself from the smallest to the largest size. */
  static List<Check> checks(Startup startup, List<Run> runs, FecImport fec, ErdStatement erd, List<BrowserPage> pages) {
    List<Check> checks = new ArrayList<>();
    checks.add(new Check("Jalon start-up, median of " + startup.jalonMillis().size() + " cold starts (N = " + size(startup.jalonSize()) + ")",
        seconds(startup.jalonMedianMillis()),
        "≤ floor " + seconds(startup.bareMedianMillis()) + " + " + seconds(startup.allowanceMillis()) + " = "
            + seconds(startup.bareMedianMillis() + startup.allowanceMillis()),
        startup.pass()));
    List<Run> jalon = runs.stream().filter(r -> !r.bare()).toList();
    if (jalon.size() > 1) {
      Run small = jalon.getFirst();
      Run large = jalon.getLast();
      sizeChecks(checks, small, large, small.fast(), large.fast());
      sizeChecks(checks, small, large, small.slow(), large.slow());
    }
    if (!jalon.isEmpty()) {
      absoluteChecks(checks, jalon.getLast());
    }
    if (fec != null) {
      checks.add(new Check("FEC confirm of " + size(fec.lines()) + " lines (" + size(fec.expenses()) + " expenses), " + fec.jvmArgs() + ", N = " + size(fec.size())
              + ", against a plain JDBC batch insert of the same rows",
          ms(fec.confirmMillis().median()) + " against " + ms(fec.jdbcMillis().median()) + String.format(Locale.ROOT, " (%.2f ×)", fec.ratio()),
          "≤ " + (long) fec.maxRatio() + " ×", fec.pass()));
    }
    if (erd != null) {
      checks.add(new Check("ERD " + erd.period() + " (busiest year, " + size((int) erd.lines()) + " lines) to PDF over HTTP, " + erd.jvmArgs() + ", N = " + size(erd.size())
              + ", against JasperReports' own fill + export of the same rows",
          ms(erd.jalonMillis().median()) + " against " + ms(erd.floorMillis().median()) + String.format(Locale.ROOT, " (%.2f ×)", erd.ratio()),
          "≤ " + erd.maxRatio() + " ×", erd.pass()));
    }
    // The page's target at the largest size; a missing browser is said in its table, not failed.
    pages.stream().filter(p -> p.size() == runs.stream().filter(r -> !r.bare()).mapToInt(Run::size).max().orElse(-1)).filter(BrowserPage::measured)
        .forEach(p -> checks.add(new Check("Dashboard page in headless Chromium (" + p.user() + "), load event median, N = " + size(p.size()),
            ms(p.loadMillis().median()), "≤ " + ms(p.targetMs()), p.pass())));
    return checks;
  }

  /** The fixed targets some operations have at the largest size (JalonRequests.TARGETS). */
  private static void absoluteChecks(List<Check> checks, Run large) {
    for (Operation o : large.fast()) {
      for (JalonRequests.Target t : JalonRequests.TARGETS) {
        if (!o.name().startsWith(t.namePrefix())) {
          continue;
        }
        checks.add(new Check(o.name() + " median, N = " + size(large.size()), ms(o.millis().median()), "≤ " + ms(t.medianMs()),
            o.millis().median() <= t.medianMs()));
        if (!Double.isNaN(t.p95Ms())) {
          checks.add(new Check(o.name() + " p95, N = " + size(large.size()), ms(o.millis().p95()), "≤ " + ms(t.p95Ms()), o.millis().p95() <= t.p95Ms()));
        }
      }
    }
  }

  private static void sizeChecks(List<Check> checks, Run small, Run large, List<Operation> smallOps, List<Operation> largeOps) {
    for (int i = 0; i < smallOps.size(); i++) {
      Operation s = smallOps.get(i);
      Operation l = largeOps.get(i);
      SizeRatio rule = new SizeRatio(s.k());
      checks.add(new Check(s.name() + " median, N = " + size(large.size()) + " against N = " + size(small.size()),
          ms(l.millis().median()) + " against " + ms(s.millis().median()),
          String.format(Locale.ROOT, "≤ max(%s × %s, %s + 20 ms) = %s", s.k() == Math.rint(s.k()) ? Long.toString((long) s.k()) : Double.toString(s.k()),
              ms(s.millis().median()), ms(s.millis().median()), ms(rule.limitMs(s.millis().median()))),
          rule.met(s.millis().median(), l.millis().median())));
    }
  }

  private Results.Versions versions(String derbyVersion) {
    return new Results.Versions(BenchSettings.property("bench.version.payara", "?"), derbyVersion, BenchSettings.property("bench.version.flyway", "?"),
        BenchSettings.property("bench.version.jasperreports", "?"), BenchSettings.property("bench.version.primefaces", "?"), Wrk.version(), commit);
  }

  /** The measured code's commit, marked when the working tree has uncommitted changes. */
  private static String commit() {
    String head = git("rev-parse", "--short", "HEAD");
    if (head.isBlank()) {
      return "unknown";
    }
    return git("status", "--porcelain", "--untracked-files=no").isBlank() ? head : head + " (with uncommitted changes)";
  }

  private static String git(String... args) {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes()).trim();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : "";
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  private Path write(Results results, Instant ended, String inProcess) throws IOException {
    Path folder = settings.benchFolder();
    String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(ended);
    String json = Json.write(results);
    String markdown = MarkdownReport.write(results) + inProcess;
    Path history = folder.resolve("history");
    Files.createDirectories(history);
    String name = settings.action().label();
    Files.writeString(history.resolve(name + "-" + stamp + ".json"), json);
    Files.writeString(history.resolve(name + "-" + stamp + ".md"), markdown);
    Files.writeString(folder.resolve(name + ".json"), json);
    Path md = folder.resolve(name + ".md");
    Files.writeString(md, markdown);
    System.out.println();
    System.out.println(markdown);
    Progress.log("results: %s and %s (copies in %s)", md, folder.resolve(name + ".json"), history);
    return md;
  }

}
