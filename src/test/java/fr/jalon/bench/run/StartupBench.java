package fr.jalon.bench.run;

import fr.jalon.bench.BenchSettings;
import fr.jalon.bench.report.Results.Startup;
import fr.jalon.bench.report.Samples;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Cold starts of the floor and of Jalon, interleaved (floor, Jalon, Jalon, floor, floor…) so that
 * a change in the machine's load touches both alike. Each start is a new JVM, timed from the
 * process start to the first HTTP 200; the CPU time the process used until then is kept beside it.
 */
public final class StartupBench {
  /** The target: Jalon starts at most 5 s slower than the bare server. */
  public static final long ALLOWANCE_MILLIS = 5_000;
  static final Duration TIMEOUT = Duration.ofMinutes(5);

  private StartupBench() {}

  public static Startup run(BenchSettings settings, PayaraInstance.Launch bare, PayaraInstance.Launch jalon, int jalonSize, Path logs)
      throws IOException, InterruptedException {
    List<Long> bareMillis = new ArrayList<>();
    List<Long> jalonMillis = new ArrayList<>();
    List<Long> bareRss = new ArrayList<>();
    List<Long> jalonRss = new ArrayList<>();
    List<Long> bareCpu = new ArrayList<>();
    List<Long> jalonCpu = new ArrayList<>();
    for (int round = 0; round < settings.startups(); round++) {
      List<PayaraInstance.Launch> order = round % 2 == 0 ? List.of(bare, jalon) : List.of(jalon, bare);
      for (PayaraInstance.Launch launch : order) {
        boolean isBare = launch == bare;
        Path log = logs.resolve("startup-" + (round + 1) + "-" + (isBare ? "bare" : "jalon") + ".log");
        try (PayaraInstance instance = PayaraInstance.start(settings, launch, log)) {
          long millis = instance.awaitReady(TIMEOUT).toMillis();
          long cpu = instance.cpuMillis();
          long rss = instance.rssKiB();
          (isBare ? bareMillis : jalonMillis).add(millis);
          (isBare ? bareRss : jalonRss).add(rss);
          (isBare ? bareCpu : jalonCpu).add(cpu);
          Progress.log("start-up %d/%d: %s %.1f s (CPU %.1f s), RSS %d MiB", round + 1, settings.startups(), launch.label(), millis / 1000.0, cpu / 1000.0,
              rss / 1024);
        }
      }
    }
    return new Startup(jalonSize, bare.readyPath(), jalon.readyPath(), bareMillis, jalonMillis, bareRss, jalonRss,
        Math.round(Samples.of(bareMillis).median()), Math.round(Samples.of(jalonMillis).median()), ALLOWANCE_MILLIS, bareCpu, jalonCpu);
  }
}
