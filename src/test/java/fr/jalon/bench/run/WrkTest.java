package fr.jalon.bench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fr.jalon.bench.report.Results.Throughput;
import org.junit.jupiter.api.Test;

class WrkTest {
  private static final String OUTPUT =
      """
      Running 10s test @ http://127.0.0.1:18080/api/grant
        2 threads and 8 connections
        Thread Stats   Avg      Stdev     Max   +/- Stdev
          Latency     4.95ms    2.10ms  41.30ms   85.12%
          Req/Sec   815.40     90.11     1.01k    71.00%
        Latency Distribution
           50%  850.00us
           75%    5.80ms
           90%    7.41ms
           99%    1.20s
        16244 requests in 10.01s, 20.35MB read
        Socket errors: connect 0, read 2, write 0, timeout 1
        Non-2xx or 3xx responses: 4
      Requests/sec:   1622.81
      Transfer/sec:      2.03MB
      """;

  @Test
  void readsRateLatencyPercentilesInTheirUnitsAndErrors() {
    Throughput t = Wrk.parse(OUTPUT, "/api/grant", 8, 10);
    assertThat(t.requestsPerSecond()).isEqualTo(1622.81);
    assertThat(t.p50Millis()).isCloseTo(0.85, within(1e-9));
    assertThat(t.p99Millis()).isEqualTo(1200);
    assertThat(t.requests()).isEqualTo(16244);
    assertThat(t.socketErrors()).isEqualTo(3);
    assertThat(t.non2xx()).isEqualTo(4);
    assertThat(t.connections()).isEqualTo(8);
  }

  @Test
  void aCleanRunHasNoErrors() {
    String clean = OUTPUT.lines().filter(l -> !l.contains("errors") && !l.contains("Non-2xx")).reduce("", (a, b) -> a + b + "\n");
    Throughput t = Wrk.parse(clean, "/", 1, 10);
    assertThat(t.non2xx()).isZero();
    assertThat(t.socketErrors()).isZero();
  }
}
