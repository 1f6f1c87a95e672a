package fr.jalon.platform;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** Flyway's migrate on the shipped scripts; kept apart so Flyway loads only when it has work. */
final class Migrations {
  private Migrations() {}

  static void migrate(DataSource dataSource, ClassLoader loader) {
    Flyway.configure(loader)
        .dataSource(dataSource)
        .locations("classpath:" + SchemaVersion.LOCATION)
        .load()
        .migrate();
  }
}
