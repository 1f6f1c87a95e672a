package fr.jalon.bench.report;

/**
 * The size target: the figure measured on the large dataset may be at most k times the one on the
 * small dataset, or the small one plus 20 ms, whichever is larger. The 20 ms keep a fast operation
 * from failing on noise (2 ms becoming 5 ms is no regression a user sees). k = 1 says the
 * operation must not grow with the data at all.
 */
public record SizeRatio(double k) {
  public static final double SLACK_MS = 20;

  public SizeRatio {
    if (k < 1) {
      throw new IllegalArgumentException("k below 1 would ask the large dataset to be faster: " + k);
    }
  }

  /** The largest acceptable figure on the large dataset, in milliseconds. */
  public double limitMs(double smallMs) {
    return Math.max(k * smallMs, smallMs + SLACK_MS);
  }

  public boolean met(double smallMs, double largeMs) {
    return largeMs <= limitMs(smallMs);
  }
}
