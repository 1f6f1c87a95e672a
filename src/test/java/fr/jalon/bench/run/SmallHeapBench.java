package fr.jalon.bench.run;

import fr.jalon.bench.BenchSettings;
import fr.jalon.bench.generator.DatasetCache;
import fr.jalon.bench.report.Results.ErdStatement;
import fr.jalon.bench.report.Results.FecImport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The benchmarks that need Jalon at {@code -Xmx512m} (issues 6 and 7), on one instance started on
 * its own copy of the largest dataset, so the bench starts one server for both: the busiest year's
 * expense statement first ({@link ErdBench}: the FEC files add paid expenses without receipts,
 * which a statement of their year would refuse), then the FEC import ({@link FecBench}). Their
 * floors run in the bench's JVM once the instance has stopped.
 */
public final class SmallHeapBench {
  public static final String HEAP = FecBench.HEAP;
  private static final Duration READY_TIMEOUT = Duration.ofMinutes(5);

  private SmallHeapBench() {}

  /** Either figure is null when its benchmark is switched off ({@code bench.erd=false}, {@code bench.fecLines=0}). */
  public record Outcome(ErdStatement erd, FecImport fec) {}

  public static Outcome run(BenchSettings settings, DatasetCache.Cached cached, int size, Path work, Path logs) throws Exception {
    DatasetCache.deleteTree(work);
    Path jalonData = work.resolve("jalon");
    DatasetCache.copyTo(cached, jalonData);
    ErdBench.Plan erdPlan = settings.erd() ? ErdBench.plan(jalonData) : null;
    FecBench.Prepared fec = settings.fecLines() > 0 ? FecBench.prepare(settings, cached, settings.fecLines(), settings.fecRuns(), work) : null;
    ErdBench.Jalon erdJalon = null;
    List<Long> confirm = null;
    PayaraInstance.Launch launch = new PayaraInstance.Launch("Jalon N = " + size + " " + HEAP, settings.war(), jalonData, JalonRequests.READY_PATH);
    // FEC files up to 200 MB (issue 6); a 500,000-line FEC is about 75 MB.
    try (PayaraInstance instance = PayaraInstance.start(settings, launch, logs.resolve("xmx512m-jalon.log"), List.of(HEAP), Map.of("JALON_UPLOAD_MAX_MB", "250"))) {
      instance.awaitReady(READY_TIMEOUT);
      if (erdPlan != null) {
        erdJalon = ErdBench.measure(instance, erdPlan, Measure.SLOW_WARMUPS, Measure.SLOW_RUNS);
      }
      if (fec != null) {
        confirm = FecBench.confirmAll(instance, fec);
      }
    }
    ErdStatement erd = erdPlan == null ? null
        : ErdBench.floor(jalonData, size, erdPlan, erdJalon, HEAP, Measure.SLOW_WARMUPS, Measure.SLOW_RUNS, work.resolve("erd"));
    return new Outcome(erd, fec == null ? null : FecBench.floor(fec, size, confirm));
  }
}
