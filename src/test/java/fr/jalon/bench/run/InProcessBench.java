package fr.jalon.bench.run;

import fr.jalon.bench.jmh.FecReadBenchmark;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * In-process operations with JMH, in a forked JVM: one fork, 3 warm-up and 5 measured iterations
 * of one second. JMH's own results go to {@code jmh.json}; the table goes at the end of the run's
 * Markdown report.
 */
public final class InProcessBench {
  private InProcessBench() {}

  /** Runs the benchmarks and returns the Markdown section that reports them. */
  public static String run(Path benchFolder) throws RunnerException {
    Options options = new OptionsBuilder()
        .include(FecReadBenchmark.class.getName())
        .forks(1)
        .warmupIterations(3)
        .warmupTime(TimeValue.seconds(1))
        .measurementIterations(5)
        .measurementTime(TimeValue.seconds(1))
        .jvmArgsAppend("-Djava.awt.headless=true")
        .resultFormat(ResultFormatType.JSON)
        .result(benchFolder.resolve("jmh.json").toString())
        .build();
    Collection<RunResult> results = new Runner(options).run();
    double jalon = score(results, "jalon");
    double floor = score(results, "floor");
    Progress.log("JMH: FEC of %d lines read by Jalon in %.1f ms, floor %.1f ms", FecReadBenchmark.LINES, jalon, floor);
    return section(FecReadBenchmark.LINES, jalon, error(results, "jalon"), floor, error(results, "floor"));
  }

  static String section(int lines, double jalon, double jalonError, double floor, double floorError) {
    return "\n## In-process operations (JMH)\n\n"
        + "One fork, 3 warm-up and 5 measured iterations of 1 s, average time per operation ± JMH's 99.9 % error; JMH's results in `jmh.json`. No target set yet.\n\n"
        + "| operation | Jalon | floor | ratio |\n|---|---:|---:|---:|\n"
        + String.format(Locale.ROOT, "| read a FEC of %,d lines from memory (floor: decode the lines and split them on the tab) | %.1f ± %.1f ms | %.1f ± %.1f ms | %.2f × |%n",
            lines, jalon, jalonError, floor, floorError, jalon / floor).replace(',', ' ');
  }

  private static RunResult result(Collection<RunResult> results, String method) {
    return results.stream().filter(r -> r.getParams().getBenchmark().endsWith("." + method)).findFirst()
        .orElseThrow(() -> new IllegalStateException("JMH gave no result for " + method));
  }

  private static double score(Collection<RunResult> results, String method) {
    return result(results, method).getPrimaryResult().getScore();
  }

  private static double error(Collection<RunResult> results, String method) {
    return result(results, method).getPrimaryResult().getScoreError();
  }
}
