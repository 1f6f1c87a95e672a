/**
 * The seeded data generator: the real migrations, then one {@link fr.jalon.bench.generator.DataGenerator}
 * per capability writing JDBC batches, cached per (seed, size) under {@code target/bench-data/}.
 * A later issue adds its entities by writing one generator and listing it in
 * {@link fr.jalon.bench.generator.Generators#standard()}.
 */
package fr.jalon.bench.generator;
