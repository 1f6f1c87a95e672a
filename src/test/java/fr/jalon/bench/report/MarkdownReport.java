package fr.jalon.bench.report;

import fr.jalon.bench.report.Results.Check;
import fr.jalon.bench.report.Results.DatasetInfo;
import fr.jalon.bench.report.Results.Operation;
import fr.jalon.bench.report.Results.Run;
import fr.jalon.bench.report.Results.Startup;
import fr.jalon.bench.report.Results.Throughput;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The results as tables a person reads: each figure beside its floor and its target. */
public final class MarkdownReport {
  private MarkdownReport() {}

  public static String write(Results r) {
    StringBuilder md = new StringBuilder();
    List<Run> jalon = r.runs().stream().filter(run -> !run.bare()).toList();
    Optional<Run> bare = r.runs().stream().filter(Run::bare).findFirst();
    Machine m = r.machine();

    md.append("# Jalon benchmark: ").append(r.mode()).append("\n\n");
    md.append("Seed ").append(r.seed()).append(" · sizes ").append(r.sizes().stream().map(MarkdownReport::size).collect(Collectors.joining(", ")))
        .append(" · started ").append(r.startedAt()).append(" · took ").append(duration(r.durationSeconds())).append("\n\n");
    md.append("Machine: ").append(m.cores()).append(" cores, ").append(String.format(Locale.ROOT, "%.1f GiB", m.memoryMiB() / 1024.0)).append(", ")
        .append(m.cpuModel()).append(" · ").append(m.os()).append(" · JDK ").append(m.jdk()).append(" · load average (1, 5, 15 min) ")
        .append(m.loadAverageAtStart()).append(" at start, ").append(m.loadAverageAtEnd()).append(" at end\n\n");
    if (busy(m.loadAverageAtStart(), m.cores()) || busy(m.loadAverageAtEnd(), m.cores())) {
      md.append("**Warning:** the load average went above the ").append(m.cores())
          .append(" cores: other processes competed for the CPU, so the times below are noisy (see the spread of the start-up runs).\n\n");
    }
    Results.Versions v = r.versions();
    md.append("Versions: Payara Micro ").append(v.payaraMicro()).append(" · Derby ").append(v.derby()).append(" · Flyway ").append(v.flyway())
        .append(" · JasperReports ").append(v.jasperReports()).append(" · PrimeFaces ").append(v.primeFaces()).append(" · wrk ").append(v.wrk())
        .append(" · Jalon ").append(v.jalonCommit()).append("\n\n");
    if (!r.jvmArgs().isEmpty()) {
      md.append("Extra JVM options for every measured server: `").append(String.join(" ", r.jvmArgs())).append("`\n\n");
    }

    Startup s = r.startup();
    md.append("## Start-up\n\nCold JVM to the first HTTP 200, ").append(s.jalonMillis().size())
        .append(" runs interleaved with the floor; median.\n\n");
    md.append("| application | median | runs | target | |\n|---|---:|---|---|---|\n");
    md.append("| floor: bare Payara Micro, empty WAR (`").append(s.bareUrl()).append("`) | ").append(seconds(s.bareMedianMillis())).append(" | ")
        .append(runs(s.bareMillis())).append(" | | |\n");
    md.append("| Jalon, N = ").append(size(s.jalonSize())).append(" (`").append(s.jalonUrl()).append("`) | ").append(seconds(s.jalonMedianMillis()))
        .append(" | ").append(runs(s.jalonMillis())).append(" | ≤ floor + ").append(seconds(s.allowanceMillis())).append(" = ")
        .append(seconds(s.bareMedianMillis() + s.allowanceMillis())).append(" | ").append(verdict(s.pass())).append(" |\n\n");
    if (s.jalonCpuMillis() != null && !s.jalonCpuMillis().isEmpty()) {
      // CPU time is what the application costs, whatever else the machine is doing.
      md.append("CPU time (user + system, all threads) used until that first 200, median: floor CPU ").append(seconds(median(s.bareCpuMillis())))
          .append(" (").append(runs(s.bareCpuMillis())).append("), Jalon CPU ").append(seconds(median(s.jalonCpuMillis()))).append(" (")
          .append(runs(s.jalonCpuMillis())).append(").\n\n");
    }

    md.append("## Memory (RSS)\n\nAt the first HTTP 200 and after the benchmarks below; no target set yet.\n\n");
    md.append("| application | after start | after benchmarks | above the floor (start · after) |\n|---|---:|---:|---:|\n");
    md.append("| cold starts above, median: floor | ").append(mib(median(s.bareRssKiB()))).append(" | | |\n");
    md.append("| cold starts above, median: Jalon, N = ").append(size(s.jalonSize())).append(" | ").append(mib(median(s.jalonRssKiB())))
        .append(" | | ").append(mibDelta(median(s.jalonRssKiB()) - median(s.bareRssKiB()))).append(" |\n");
    for (Run run : r.runs()) {
      md.append("| ").append(label(run)).append(" | ").append(mib(run.rssAfterStartKiB())).append(" | ").append(mib(run.rssAfterBenchmarksKiB())).append(" | ");
      if (!run.bare() && bare.isPresent()) {
        md.append(mibDelta(run.rssAfterStartKiB() - bare.get().rssAfterStartKiB())).append(" · ")
            .append(mibDelta(run.rssAfterBenchmarksKiB() - bare.get().rssAfterBenchmarksKiB()));
      }
      md.append(" |\n");
    }
    md.append('\n');

    if (!jalon.isEmpty()) {
      Run first = jalon.get(0);
      md.append("## Requests over a logged-in session\n\nOne at a time, ").append(first.fast().isEmpty() ? 0 : first.fast().get(0).warmups())
          .append(" warm-up then ").append(first.fast().isEmpty() ? 0 : first.fast().get(0).millis().count()).append(" measured calls: median · p95.")
          .append(" Size target on the median: large ≤ max(k × small, small + 20 ms).\n\n");
      operationTable(md, jalon, Run::fast, o -> ms(o.millis().median()) + " · " + ms(o.millis().p95()));
      bare.ifPresent(b -> b.fast().forEach(o -> md.append("\nFloor, bare Payara Micro, ").append(o.name()).append(": ").append(ms(o.millis().median()))
          .append(" · ").append(ms(o.millis().p95())).append(".\n")));
      md.append('\n');
      if (!first.slow().isEmpty()) {
        md.append("## Slow operations\n\n").append(first.slow().get(0).warmups()).append(" warm-up then ").append(first.slow().get(0).millis().count())
            .append(" runs: median (min – max).\n\n");
        operationTable(md, jalon, Run::slow, o -> ms(o.millis().median()) + " (" + ms(o.millis().min()) + " – " + ms(o.millis().max()) + ")");
        md.append('\n');
      }
      throughputTable(md, bare, jalon);
    }
    if (r.fecImport() != null) {
      Results.FecImport f = r.fecImport();
      md.append("## FEC import\n\nConfirm of a generated FEC over HTTP (Jalon N = ").append(size(f.size())).append(", `").append(f.jvmArgs())
          .append("`, audit included) against a plain JDBC batch insert of the same expense rows into a copy of the same database (same table, same")
          .append(" indexes) in the bench's JVM: median (min – max).\n\n");
      md.append("| FEC lines | expenses | confirm | plain JDBC | ratio | target | |\n|---:|---:|---:|---:|---:|---|---|\n");
      md.append("| ").append(size(f.lines())).append(" | ").append(size(f.expenses())).append(" | ").append(slow(f.confirmMillis())).append(" | ")
          .append(slow(f.jdbcMillis())).append(" | ").append(String.format(Locale.ROOT, "%.2f ×", f.ratio())).append(" | ≤ ").append(number(f.maxRatio()))
          .append(" × | ").append(verdict(f.pass())).append(" |\n\n");
    }

    if (r.erdStatement() != null) {
      Results.ErdStatement e = r.erdStatement();
      md.append("## Expense statement (ERD)\n\nThe statement of the busiest year (its first months holding about 100,000 lines, or the whole year when it holds fewer) to PDF over HTTP as `finance` (Jalon N = ").append(size(e.size())).append(", `")
          .append(e.jvmArgs()).append("`: regenerate the draft — lines claimed and frozen, PDF, XLSX and CSV written and stored — then download the PDF)")
          .append(" against JasperReports' own fill + export of the same lines handed over as a prepared list in the bench's JVM (same compiled designs,")
          .append(" in memory): median (min – max). PDF ").append(size((int) (e.jalonPdfBytes() / 1024))).append(" KiB (Jalon) and ")
          .append(size((int) (e.floorPdfBytes() / 1024))).append(" KiB (floor); Jalon's RSS after the runs ").append(mib(e.jalonRssKiB())).append(".\n\n");
      md.append("| period | lines | Jalon | JasperReports alone | ratio | target | |\n|---|---:|---:|---:|---:|---|---|\n");
      md.append("| ").append(e.period()).append(" | ").append(size((int) e.lines())).append(" | ").append(slow(e.jalonMillis())).append(" | ")
          .append(slow(e.floorMillis())).append(" | ").append(String.format(Locale.ROOT, "%.2f ×", e.ratio())).append(" | ≤ ").append(number(e.maxRatio()))
          .append(" × | ").append(verdict(e.pass())).append(" |\n\n");
    }
    if (r.browserPages() != null && !r.browserPages().isEmpty()) {
      Results.BrowserPage first = r.browserPages().getFirst();
      md.append("## Dashboard page in headless Chromium\n\n`").append(first.path()).append("` as `").append(first.user())
          .append("`, navigation start to the end of the load event by the browser's Navigation Timing (the chart is created at DOM ready, before it),")
          .append(" browser cache kept, 1 warm-up then 5 runs: median (min – max), and the DOMContentLoaded median.\n\n");
      md.append("| N | load event | DOMContentLoaded | target | |\n|---:|---:|---:|---|---|\n");
      for (Results.BrowserPage p : r.browserPages()) {
        if (!p.measured()) {
          md.append("| ").append(size(p.size())).append(" | ").append(p.unavailable()).append(" | | | |\n");
          continue;
        }
        md.append("| ").append(size(p.size())).append(" | ").append(slow(p.loadMillis())).append(" | ").append(wholeMs(p.domContentLoadedMillis().median()))
            .append(" ms | ≤ ").append(wholeMs(p.targetMs())).append(" ms | ").append(verdict(p.pass())).append(" |\n");
      }
      md.append('\n');
    }

    md.append("## Datasets\n\n| N | fingerprint | rows | generated |\n|---:|---|---|---|\n");
    for (DatasetInfo d : r.datasets()) {
      md.append("| ").append(size(d.size())).append(" | `").append(d.fingerprint(), 0, 16).append("` | ")
          .append(d.rows().entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "))).append(" | ")
          .append(seconds(d.generationMillis())).append(d.fromCache() ? " (earlier; reused from the cache)" : "").append(" |\n");
    }
    md.append("\n## Targets\n\n| figure | value | target | |\n|---|---|---|---|\n");
    for (Check c : r.checks()) {
      md.append("| ").append(c.figure()).append(" | ").append(c.value()).append(" | ").append(c.target()).append(" | ").append(verdict(c.pass())).append(" |\n");
    }
    long failed = r.checks().stream().filter(c -> !c.pass()).count();
    md.append("\n").append(r.checks().size() - failed).append(" of ").append(r.checks().size()).append(" targets met.\n");
    return md.toString();
  }

  private static void operationTable(StringBuilder md, List<Run> jalon, Function<Run, List<Operation>> pick, Function<Operation, String> show) {
    md.append("| operation |");
    jalon.forEach(run -> md.append(" N = ").append(size(run.size())).append(" |"));
    boolean ratio = jalon.size() > 1;
    md.append(ratio ? " size target | |\n|---|" : "\n|---|");
    jalon.forEach(run -> md.append("---:|"));
    md.append(ratio ? "---|---|\n" : "\n");
    List<Operation> operations = pick.apply(jalon.get(0));
    for (int i = 0; i < operations.size(); i++) {
      int index = i;
      md.append("| ").append(operations.get(i).name()).append(" |");
      jalon.forEach(run -> md.append(' ').append(show.apply(pick.apply(run).get(index))).append(" |"));
      if (ratio) {
        Operation small = operations.get(i);
        Operation large = pick.apply(jalon.get(jalon.size() - 1)).get(i);
        SizeRatio rule = new SizeRatio(small.k());
        md.append(" ≤ max(").append(number(small.k())).append(" × ").append(ms(small.millis().median())).append(", +20 ms) = ")
            .append(ms(rule.limitMs(small.millis().median()))).append(" | ").append(verdict(rule.met(small.millis().median(), large.millis().median())))
            .append(" |");
      }
      md.append('\n');
    }
  }

  private static void throughputTable(StringBuilder md, Optional<Run> bare, List<Run> jalon) {
    List<Throughput> reference = jalon.get(0).throughput();
    if (reference.isEmpty()) {
      return;
    }
    md.append("## Throughput\n\n`wrk`, ").append(reference.get(0).seconds()).append(" s per run on loopback: Jalon on `").append(reference.get(0).path())
        .append("` with the session cookie; floor: the bare server's static page. Requests per second (latency p50 · p99).\n\n");
    md.append("| connections |");
    bare.ifPresent(b -> md.append(" floor: bare `").append(b.throughput().get(0).path()).append("` |"));
    jalon.forEach(run -> md.append(" Jalon, N = ").append(size(run.size())).append(" |"));
    md.append("\n|---:|");
    bare.ifPresent(b -> md.append("---:|"));
    jalon.forEach(run -> md.append("---:|"));
    md.append('\n');
    for (int i = 0; i < reference.size(); i++) {
      int index = i;
      md.append("| ").append(reference.get(i).connections()).append(" |");
      bare.ifPresent(b -> md.append(' ').append(rate(b.throughput().get(index))).append(" |"));
      jalon.forEach(run -> md.append(' ').append(rate(run.throughput().get(index))).append(" |"));
      md.append('\n');
    }
    md.append('\n');
  }

  /** Long durations in whole ms with spaced thousands: {@code 3 200 ms (3 000 – 3 400)}. */
  private static String slow(Samples s) {
    return wholeMs(s.median()) + " ms (" + wholeMs(s.min()) + " – " + wholeMs(s.max()) + ")";
  }

  private static String wholeMs(double millis) {
    return String.format(Locale.ROOT, "%,.0f", millis).replace(',', ' ');
  }

  private static String rate(Throughput t) {
    String errors = t.non2xx() + t.socketErrors() > 0 ? ", " + t.non2xx() + " non-2xx, " + t.socketErrors() + " socket errors" : "";
    String rate = String.format(Locale.ROOT, "%,.0f", t.requestsPerSecond()).replace(',', ' ');
    return rate + "/s (" + ms(t.p50Millis()) + " · " + ms(t.p99Millis()) + errors + ")";
  }

  private static String label(Run run) {
    return run.bare() ? "floor: bare Payara Micro, empty WAR" : "Jalon, N = " + size(run.size());
  }

  public static String size(Integer n) {
    return String.format(Locale.ROOT, "%,d", n).replace(',', ' ');
  }

  public static String ms(double millis) {
    String format = millis < 10 ? "%.2f ms" : millis < 100 ? "%.1f ms" : "%.0f ms";
    return String.format(Locale.ROOT, format, millis);
  }

  public static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
  }

  private static String runs(List<Long> millis) {
    return millis.stream().map(x -> String.format(Locale.ROOT, "%.1f", x / 1000.0)).collect(Collectors.joining(" · ")) + " s";
  }

  private static String mib(long kib) {
    return kib <= 0 ? "–" : (kib / 1024) + " MiB";
  }

  private static String mibDelta(long kib) {
    return (kib >= 0 ? "+" : "−") + Math.abs(kib) / 1024 + " MiB";
  }

  private static long median(List<Long> values) {
    return values.isEmpty() ? 0 : Math.round(Samples.of(values).median());
  }

  private static String number(double k) {
    return k == Math.rint(k) ? Long.toString((long) k) : Double.toString(k);
  }

  private static String duration(long seconds) {
    return seconds / 60 + " min " + seconds % 60 + " s";
  }

  /** True when the 1-minute load average (first of "1 5 15") exceeds the core count. */
  static boolean busy(String loadAverage, int cores) {
    try {
      return loadAverage != null && Double.parseDouble(loadAverage.split("\\s+")[0]) > cores;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static String verdict(boolean pass) {
    return pass ? "**PASS**" : "**FAIL**";
  }
}
