package fr.jalon.bench.generator;

import java.util.List;
import java.util.Random;

/** Seeded choices from fixed lists. */
final class Pick {
  private Pick() {}

  static <T> T one(Random random, List<T> choices) {
    return choices.get(random.nextInt(choices.size()));
  }

  /** A whole number in [min, max]. */
  static int between(Random random, int min, int max) {
    return min + random.nextInt(max - min + 1);
  }
}
