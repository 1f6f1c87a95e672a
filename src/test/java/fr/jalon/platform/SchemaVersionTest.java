package fr.jalon.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The start-up check that decides whether Flyway has to be loaded at all. */
class SchemaVersionTest {
  private final ClassLoader loader = SchemaVersionTest.class.getClassLoader();
  private TestDatabase db;

  @BeforeEach
  void migrate() {
    db = new TestDatabase();
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void aDatabaseMigratedByFlywayWithTheShippedScriptsIsCurrent() {
    // Also proves the checksums are computed exactly as Flyway computes them.
    assertThat(SchemaVersion.isCurrent(db.dataSource(), loader)).isTrue();
  }

  @Test
  void aNewEmptyDatabaseIsNotCurrent() {
    EmbeddedDataSource empty = new EmbeddedDataSource();
    empty.setDatabaseName("memory:jalon-empty-" + UUID.randomUUID());
    empty.setCreateDatabase("create");
    assertThat(SchemaVersion.isCurrent(empty, loader)).isFalse();
  }

  @Test
  void aPendingMigrationMakesItNotCurrent() throws SQLException {
    execute("DELETE FROM \"flyway_schema_history\" WHERE \"installed_rank\" = (SELECT MAX(\"installed_rank\") FROM \"flyway_schema_history\")");
    assertThat(SchemaVersion.isCurrent(db.dataSource(), loader)).isFalse();
  }

  @Test
  void anAppliedScriptEditedSinceMakesItNotCurrentSoFlywayValidates() throws SQLException {
    execute("UPDATE \"flyway_schema_history\" SET \"checksum\" = \"checksum\" + 1 WHERE \"version\" = '1'");
    assertThat(SchemaVersion.isCurrent(db.dataSource(), loader)).isFalse();
  }

  @Test
  void aFailedMigrationMakesItNotCurrent() throws SQLException {
    execute("UPDATE \"flyway_schema_history\" SET \"success\" = FALSE WHERE \"version\" = '1'");
    assertThat(SchemaVersion.isCurrent(db.dataSource(), loader)).isFalse();
  }

  @Test
  void aMigrationUnknownToThisVersionMakesItNotCurrent() throws SQLException {
    execute("INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\", \"type\", \"script\", \"checksum\", \"installed_by\", \"execution_time\", \"success\")"
        + " VALUES (999, '999', 'future', 'SQL', 'V999__future.sql', 1, 'APP', 1, TRUE)");
    assertThat(SchemaVersion.isCurrent(db.dataSource(), loader)).isFalse();
  }

  @Test
  void versionsAreComparedAsFlywayReadsThem() {
    assertThat(SchemaVersion.normalise("9_1")).isEqualTo("9.1");
    assertThat(SchemaVersion.normalise("013")).isEqualTo("13");
    assertThat(SchemaVersion.normalise("2.0")).isEqualTo("2");
  }

  private void execute(String sql) throws SQLException {
    try (Connection connection = db.dataSource().getConnection(); Statement statement = connection.createStatement()) {
      statement.executeUpdate(sql);
    }
  }
}
