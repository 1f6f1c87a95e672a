package fr.jalon.bench.run;

import java.time.Duration;

/** Progress lines on the console, stamped with the time since the bench began. */
public final class Progress {
  private static final long STARTED = System.nanoTime();

  private Progress() {}

  public static void log(String format, Object... args) {
    Duration elapsed = Duration.ofNanos(System.nanoTime() - STARTED);
    System.out.printf("[bench %02d:%02d] %s%n", elapsed.toMinutes(), elapsed.toSecondsPart(), String.format(java.util.Locale.ROOT, format, args));
  }
}
