package fr.jalon.bench.generator;

import static org.assertj.core.api.Assertions.assertThat;

import fr.jalon.grant.Siret;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The generator on in-memory Derby. Passwords get a cheap stand-in hash here (a real one costs
 * 0.25 s each); every bench run logs in with the demo password, which checks the real ones.
 */
class GeneratorTest {
  private static final List<String> DATABASES = new ArrayList<>();
  private static String seed42;
  private static DatasetFingerprint first42;
  private static DatasetFingerprint second42;
  private static DatasetFingerprint first43;

  @BeforeAll
  static void generate() throws SQLException {
    seed42 = memoryDatabase();
    first42 = fill(seed42, new Dataset(42, 1_000));
    second42 = fill(memoryDatabase(), new Dataset(42, 1_000));
    first43 = fill(memoryDatabase(), new Dataset(43, 1_000));
  }

  @AfterAll
  static void drop() {
    for (String name : DATABASES) {
      try {
        DriverManager.getConnection("jdbc:derby:" + name + ";drop=true").close();
      } catch (SQLException expected) {
        // Derby answers a successful drop with SQLState 08006.
      }
    }
  }

  @Test
  void sameSeedAndSizeGiveTheSameData() {
    assertThat(second42.sha256()).isEqualTo(first42.sha256());
  }

  @Test
  void anotherSeedGivesOtherData() {
    assertThat(first43.sha256()).isNotEqualTo(first42.sha256());
  }

  @Test
  void theDatabaseHoldsOneGrantItsOrganisationsTheDemoUsersAndOneAuditEntry() {
    assertThat(first42.rowCounts())
        .containsEntry("GRANT_AGREEMENT", 1L)
        .containsEntry("GRANT_PARAMETERS", 1L)
        .containsEntry("APP_USER", 4L)
        .containsEntry("USER_ROLE", 4L)
        .containsEntry("AUDIT_ENTRY", 1L);
    // The beneficiary and its partners, then the expenses' suppliers.
    assertThat(first42.rowCounts().get("ORGANISATION")).isBetween(8L + ExpenseDataGenerator.SUPPLIERS, 12L + ExpenseDataGenerator.SUPPLIERS);
  }

  @Test
  void theBudgetHasTheSizeOfIssueFour() {
    assertThat(first42.rowCounts())
        .containsEntry("PLAN_ACTION", 60L)
        .containsEntry("COST_CATEGORY", 7L)
        .containsEntry("COFUNDING", 6L)
        .containsEntry("TRANCHE", 3L)
        .containsEntry("BUDGET_VERSION", 2L)
        .containsEntry("BUDGET_LINE", 2L * 60 * 7 * 6 * 10);
  }

  @Test
  void milestonesAndDeliverablesCoverEveryAction() {
    assertThat(first42.rowCounts())
        .containsEntry("MILESTONE", 54L * MilestoneGenerator.PER_ACTION)
        .containsEntry("DELIVERABLE", 54L * MilestoneGenerator.DELIVERABLES_PER_ACTION)
        .containsEntry("GRANT_INDICATOR", (long) IndicatorGenerator.COUNT);
  }

  @Test
  void theSizeIsTheNumberOfExpensesAtEveryStageEachConsistent() throws SQLException {
    assertThat(first42.rowCounts()).containsEntry("EXPENSE", 1_000L);
    try (Connection c = DriverManager.getConnection("jdbc:derby:" + seed42); Statement s = c.createStatement()) {
      assertThat(column(s, "SELECT DISTINCT STATUS FROM EXPENSE"))
          .contains("DRAFT", "COMMITTED", "SERVICE_DONE", "LIQUIDATED", "PAID", "CANCELLED");
      assertThat(column(s, "SELECT DISTINCT PROVENANCE FROM EXPENSE")).containsExactlyInAnyOrder("MANUAL", "FEC");
      assertThat(column(s, "SELECT COUNT(*) FROM EXPENSE WHERE AMOUNT_INCL <> AMOUNT_EXCL + AMOUNT_VAT OR ELIGIBLE_AMOUNT > AMOUNT_INCL"
          + " OR EXPENSE_YEAR <> YEAR(SORT_DATE) OR (STATUS = 'PAID' AND PAID_ON IS NULL) OR PAID_ON < INVOICE_DATE")).containsExactly("0");
    }
  }

  @Test
  void everyPaidExpenseAndOnlyThoseCarryOneReceiptSoAYearCanEnterAStatement() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:derby:" + seed42); Statement s = c.createStatement()) {
      assertThat(column(s, "SELECT COUNT(*) FROM EXPENSE WHERE STATUS = 'PAID'")).isNotEqualTo(List.of("0"));
      assertThat(column(s, "SELECT COUNT(*) FROM EXPENSE e WHERE e.RECEIPT_COUNT <> (SELECT COUNT(*) FROM EXPENSE_RECEIPT r WHERE r.EXPENSE_ID = e.ID)"
          + " OR (e.STATUS = 'PAID' AND e.RECEIPT_COUNT <> 1) OR (e.STATUS <> 'PAID' AND e.RECEIPT_COUNT <> 0)")).containsExactly("0");
      assertThat(column(s, "SELECT DISTINCT f.CONTENT_TYPE FROM EXPENSE_RECEIPT r JOIN STORED_FILE f ON f.ID = r.FILE_ID")).containsExactly("application/pdf");
    }
  }

  @Test
  void theReceiptsArePdfFilesWhoseHashTheStoredFileRowsHold() {
    byte[] pdf = Receipt.pdf("Facture - Métrologie (Lyon)");
    assertThat(new String(pdf, 0, 8, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-1.4");
    assertThat(Receipt.pdf("Facture - Métrologie (Lyon)")).isEqualTo(pdf);
    assertThat(Receipt.sha256(pdf)).hasSize(64);
  }

  @Test
  void organisationsCarryValidSirets() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:derby:" + seed42); Statement s = c.createStatement()) {
      assertThat(column(s, "SELECT SIRET FROM ORGANISATION")).isNotEmpty().allMatch(Siret::valid);
      assertThat(column(s, "SELECT USERNAME FROM APP_USER")).containsExactlyInAnyOrder("admin", "projet", "finance", "conseil");
    }
  }

  @Test
  void batchRowsWithExplicitIdsLeaveRoomForJalonsOwnInserts() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:derby:" + seed42)) {
      c.setAutoCommit(false);
      Generation g = new Generation(c, new Dataset(42, 1_000), new Random(1), new HashMap<>(), null);
      try (Generation.Batch batch = g.batch("STORED_FILE", "ID", "STORAGE_NAME", "ORIGINAL_NAME", "CONTENT_TYPE", "SIZE_BYTES", "SHA256", "STORED_AT", "STORED_BY")) {
        for (long id = 1_000; id < 1_003; id++) {
          batch.row(id, "f" + id, "f.pdf", "application/pdf", 1L, "0".repeat(64), LocalDateTime.of(2024, 1, 1, 9, 0), "admin");
        }
      }
      g.restartIdentity("STORED_FILE");
      long next = g.insert("STORED_FILE", Map.of("STORAGE_NAME", "next", "ORIGINAL_NAME", "n.pdf", "CONTENT_TYPE", "application/pdf",
          "SIZE_BYTES", 1L, "SHA256", "0".repeat(64), "STORED_AT", LocalDateTime.of(2024, 1, 1, 9, 0), "STORED_BY", "admin"));
      assertThat(next).isEqualTo(1_003);
      // The batch committed: leave the shared database as the other tests expect it.
      try (Statement s = c.createStatement()) {
        s.executeUpdate("DELETE FROM STORED_FILE WHERE ID >= 1000");
      }
      c.commit();
    }
  }

  @Test
  void checkDigitsFollowLuhn() {
    // 732 829 320 is the SIREN INSEE uses as its example.
    assertThat(Sirets.checkDigit("73282932")).isZero();
    assertThat(Siret.valid("7328293200001" + Sirets.checkDigit("7328293200001"))).isTrue();
  }

  private static DatasetFingerprint fill(String name, Dataset dataset) throws SQLException {
    return new DatasetBuilder(Generators.standard(password -> "test$" + password)).fill(name, dataset).fingerprint();
  }

  private static String memoryDatabase() {
    String name = "memory:bench-" + UUID.randomUUID();
    DATABASES.add(name);
    return name;
  }

  private static List<String> column(Statement s, String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (ResultSet r = s.executeQuery(sql)) {
      while (r.next()) {
        values.add(r.getString(1));
      }
    }
    return values;
  }
}
