package fr.jalon.bench.generator;

/**
 * What a generated database is made from: a seed and a size. The size N is the number of expenses
 * the grant holds (and of FEC lines) once those capabilities exist; the same pair always gives the
 * same data.
 */
public record Dataset(long seed, int size) {
  public Dataset {
    if (size < 0) {
      throw new IllegalArgumentException("The size must not be negative: " + size);
    }
  }

  /** The cache folder's name, e.g. {@code 42-100000}. */
  public String key() {
    return seed + "-" + size;
  }
}
