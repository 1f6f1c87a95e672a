package fr.jalon.bench.run;

import fr.jalon.bench.report.Results.Operation;
import fr.jalon.bench.report.Samples;
import java.io.IOException;
import java.net.http.HttpResponse;

/** Timing loops over a session: one request at a time, every answer checked. */
public final class Measure {
  /** Fast operations: enough warm-up for the JIT, enough runs for a stable p95. */
  public static final int FAST_WARMUPS = 50;
  public static final int FAST_RUNS = 200;
  /** Slow operations (reports, imports): a warm-up and a few runs. */
  public static final int SLOW_WARMUPS = 1;
  public static final int SLOW_RUNS = 5;

  private Measure() {}

  /** A request Jalon must answer with 200; k is its size-ratio factor. */
  public record Request(String name, String path, double k) {}

  public static Operation fast(HttpSession session, Request request) throws IOException, InterruptedException {
    return run(session, request, FAST_WARMUPS, FAST_RUNS);
  }

  public static Operation slow(HttpSession session, Request request) throws IOException, InterruptedException {
    return run(session, request, SLOW_WARMUPS, SLOW_RUNS);
  }

  static Operation run(HttpSession session, Request request, int warmups, int runs) throws IOException, InterruptedException {
    for (int i = 0; i < warmups; i++) {
      call(session, request);
    }
    double[] millis = new double[runs];
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      call(session, request);
      millis[i] = (System.nanoTime() - start) / 1e6;
    }
    return new Operation(request.name(), warmups, Samples.of(millis), request.k());
  }

  private static void call(HttpSession session, Request request) throws IOException, InterruptedException {
    HttpResponse<byte[]> response = session.get(request.path());
    if (response.statusCode() != 200) {
      // A redirect to the login page or an error page must never be timed as a success.
      throw new IllegalStateException(request.name() + " answered HTTP " + response.statusCode() + " instead of 200");
    }
  }
}
