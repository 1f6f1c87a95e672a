package fr.jalon.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import fr.jalon.bench.report.Results.Check;
import fr.jalon.bench.report.Results.DatasetInfo;
import fr.jalon.bench.report.Results.Operation;
import fr.jalon.bench.report.Results.Run;
import fr.jalon.bench.report.Results.Startup;
import fr.jalon.bench.report.Results.Throughput;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MarkdownReportTest {

  @Test
  void startUpStandsBesideItsFloorAndTarget() {
    String md = MarkdownReport.write(results(new Startup(100_000, "/", "/login.xhtml", List.of(10_000L), List.of(16_000L), List.of(300_000L),
        List.of(600_000L), 10_000, 16_000, 5_000, List.of(14_000L), List.of(30_000L)), "0.50 0.40 0.30"));
    assertThat(md)
        .contains("| Jalon, N = 100 000 (`/login.xhtml`) | 16.0 s | 16.0 s | ≤ floor + 5.0 s = 15.0 s | **FAIL** |")
        .contains("| GET /api/grant | 2.00 ms · 3.00 ms | 2.50 ms · 3.50 ms | ≤ max(1 × 2.00 ms, +20 ms) = 22.0 ms | **PASS** |")
        .contains("CPU 30.0 s")
        .doesNotContain("Warning");
  }

  @Test
  void theFecConfirmStandsBesideThePlainJdbcInsert() {
    Results plain = results(new Startup(100_000, "/", "/login.xhtml", List.of(10_000L), List.of(12_000L), List.of(300_000L),
        List.of(600_000L), 10_000, 12_000, 5_000, List.of(14_000L), List.of(20_000L)), "0.50 0.40 0.30");
    Results withFec = new Results(plain.mode(), plain.seed(), plain.sizes(), plain.startedAt(), plain.durationSeconds(), plain.jvmArgs(), plain.machine(),
        plain.versions(), plain.datasets(), plain.startup(), plain.runs(),
        new Results.FecImport(100_000, 20_000, 6_000, "-Xmx512m", Samples.of(3_000, 3_200, 3_400), Samples.of(1_000, 1_100, 1_200), 2), null, List.of(),
        plain.checks());
    assertThat(MarkdownReport.write(withFec)).contains("| 20 000 | 6 000 | 3 200 ms (3 000 – 3 400) | 1 100 ms (1 000 – 1 200) | 2.91 × | ≤ 2 × | **FAIL** |");
  }

  @Test
  void theStatementStandsBesideJasperReportsOwnFillAndTheDashboardPageBesideItsTarget() {
    Results plain = results(new Startup(100_000, "/", "/login.xhtml", List.of(10_000L), List.of(12_000L), List.of(300_000L),
        List.of(600_000L), 10_000, 12_000, 5_000, List.of(14_000L), List.of(20_000L)), "0.50 0.40 0.30");
    Results r = new Results(plain.mode(), plain.seed(), plain.sizes(), plain.startedAt(), plain.durationSeconds(), plain.jvmArgs(), plain.machine(),
        plain.versions(), plain.datasets(), plain.startup(), plain.runs(), null,
        new Results.ErdStatement(100_000, "2025-01-01 – 2025-12-31", 29_618, "-Xmx512m", Samples.of(9_000, 9_500, 10_000), Samples.of(7_000, 7_200, 7_400), 9_000_000, 8_000_000,
            600_000, 1.5),
        List.of(new Results.BrowserPage(10_000, "conseil", "/dashboard/dashboard.xhtml", Samples.of(300, 310, 320), Samples.of(200, 210, 220), 2_000, null),
            new Results.BrowserPage(100_000, "conseil", "/dashboard/dashboard.xhtml", null, null, 2_000, "not measured: chromium is missing")),
        plain.checks());
    String md = MarkdownReport.write(r);
    assertThat(md).contains("| 2025-01-01 – 2025-12-31 | 29 618 | 9 500 ms (9 000 – 10 000) | 7 200 ms (7 000 – 7 400) | 1.32 × | ≤ 1.5 × | **PASS** |");
    assertThat(md).contains("| 10 000 | 310 ms (300 – 320) | 210 ms | ≤ 2 000 ms | **PASS** |");
    assertThat(md).contains("| 100 000 | not measured: chromium is missing | | | |");
  }

  @Test
  void aBusyMachineIsPointedOut() {
    String md = MarkdownReport.write(results(new Startup(100_000, "/", "/login.xhtml", List.of(10_000L), List.of(12_000L), List.of(300_000L),
        List.of(600_000L), 10_000, 12_000, 5_000, List.of(14_000L), List.of(20_000L)), "3.10 2.00 1.00"));
    assertThat(md).contains("**Warning:** the load average went above the 2 cores");
  }

  private static Results results(Startup startup, String load) {
    Throughput t = new Throughput("/api/grant", 1, 10, 1000, 1, 2, 10_000, 0, 0);
    Run bare = new Run("bare Payara Micro", null, 300_000, 310_000, List.of(op("GET /", 0.5)), List.of(), List.of(t));
    Run small = new Run("Jalon", 10_000, 600_000, 700_000, List.of(op("GET /api/grant", 2)), List.of(), List.of(t));
    Run large = new Run("Jalon", 100_000, 600_000, 700_000, List.of(op("GET /api/grant", 2.5)), List.of(), List.of(t));
    return new Results("quick", 42, List.of(10_000, 100_000), "2026-01-01T00:00:00Z", 600, List.of(),
        new Machine(2, 4096, "CPU", "Linux", "JDK 25", load, load), new Results.Versions("7", "10.17", "12.4", "7.0.3", "15", "4.1", "abc"),
        List.of(new DatasetInfo(10_000, "0123456789abcdef0123", Map.of("GRANT_AGREEMENT", 1L), 1000, true)), startup,
        List.of(bare, small, large), null, null, List.of(), List.of(new Check("start-up", "16.0 s", "≤ 15.0 s", false)));
  }

  private static Operation op(String name, double median) {
    return new Operation(name, 50, Samples.of(median, median, median + 1), 1);
  }
}
