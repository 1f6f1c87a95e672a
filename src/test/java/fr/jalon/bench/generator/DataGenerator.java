package fr.jalon.bench.generator;

import java.sql.SQLException;

/**
 * One capability's share of a generated database (users, the grant, later actions, budget lines,
 * expenses…). Steps run in the order of {@link Generators#standard()}, each in its own
 * transaction, and read what earlier steps published through {@link Generation#fact(Class)}.
 */
public interface DataGenerator {

  /**
   * Names the step in the log and seeds its own random stream, so adding or changing a step never
   * changes the data the other steps make.
   */
  String name();

  void generate(Generation g) throws SQLException;
}
