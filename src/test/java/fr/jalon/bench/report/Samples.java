package fr.jalon.bench.report;

import java.util.Arrays;
import java.util.Collection;

/**
 * Summary of measured durations in milliseconds. The p95 is the nearest-rank percentile: the
 * smallest measured value that at least 95 % of the measurements do not exceed, so it is always a
 * value that was actually measured.
 */
public record Samples(int count, double min, double median, double p95, double max) {

  public static Samples of(Collection<? extends Number> values) {
    return of(values.stream().mapToDouble(Number::doubleValue).toArray());
  }

  public static Samples of(double... values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("No measurement to summarise");
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return new Samples(sorted.length, sorted[0], median(sorted), percentile(sorted, 95), sorted[sorted.length - 1]);
  }

  /** The middle value, or the mean of the two middle values for an even count. */
  static double median(double[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  static double percentile(double[] sorted, int percent) {
    int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
    return sorted[Math.max(rank, 1) - 1];
  }
}
