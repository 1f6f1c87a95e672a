package fr.jalon.expense;

import static org.assertj.core.api.Assertions.assertThat;

import fr.jalon.grant.Cofunding;
import fr.jalon.grant.FunderKind;
import fr.jalon.grant.FundingNature;
import fr.jalon.grant.Grant;
import fr.jalon.grant.LegalForm;
import fr.jalon.grant.Organisation;
import fr.jalon.plan.Action;
import fr.jalon.plan.CostCategory;
import fr.jalon.platform.StoredFile;
import fr.jalon.platform.TestDatabase;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo's expenses: every stage, most with a receipt, the paid cap kept, written in a few seconds. */
class ExpenseGeneratorTest {
  static TestDatabase db;

  @BeforeAll
  static void start() {
    db = new TestDatabase();
  }

  @AfterAll
  static void stop() {
    db.close();
  }

  @Test
  void twoAndAHalfThousandPlausibleExpensesAtEveryStage() {
    long started = System.nanoTime();
    ExpenseGenerator.Result r = db.inTransaction(em -> {
      Grant g = ExpenseRulesTest.grant();
      em.persist(g.beneficiary());
      em.persist(g);
      CostCategory.defaults(g).forEach(em::persist);
      Action axis = ExpenseRulesTest.action(g);
      em.persist(axis);
      for (int i = 1; i <= 6; i++) {
        em.persist(new Action(g, axis, "A1." + i, "Sous-action " + i, null, null, ExpenseRulesTest.START, ExpenseRulesTest.END));
      }
      Cofunding pia = ExpenseRulesTest.pia(g);
      em.persist(pia.funder());
      em.persist(pia);
      Organisation region = new Organisation("Région", null, LegalForm.LOCAL_AUTHORITY, false);
      em.persist(region);
      em.persist(new Cofunding(g, region, FunderKind.REGION, FundingNature.CASH, new BigDecimal("1500000.00")));
      em.createNativeQuery("INSERT INTO STORED_FILE (STORAGE_NAME, ORIGINAL_NAME, CONTENT_TYPE, SIZE_BYTES, SHA256, STORED_AT, STORED_BY)"
          + " VALUES ('x', 'facture.pdf', 'application/pdf', 10, '" + "0".repeat(64) + "', CURRENT_TIMESTAMP, 'test')").executeUpdate();
      StoredFile file = em.createQuery("SELECT f FROM StoredFile f", StoredFile.class).getSingleResult();
      return ExpenseGenerator.generate(em, g, file, LocalDate.of(2026, 11, 29), 2500, new BigDecimal("1800000.00"), 20200901L);
    });
    long millis = (System.nanoTime() - started) / 1_000_000;
    System.out.println("ExpenseGenerator: " + r.expenses() + " expenses in " + millis + " ms");
    assertThat(r.expenses()).isGreaterThan(2300);
    assertThat(r.withReceipt()).isGreaterThan(r.expenses() * 7 / 10);
    assertThat(r.paidEligible()).isLessThanOrEqualTo(new BigDecimal("1800000.00"));
    List<ExpenseStatus> statuses = db.inTransaction(em -> em.createQuery("SELECT DISTINCT e.status FROM Expense e", ExpenseStatus.class).getResultList());
    // Every stage of the chain up to the payment (statements and verdicts are the reports' part).
    assertThat(statuses).containsExactlyInAnyOrder(ExpenseStatus.DRAFT, ExpenseStatus.COMMITTED, ExpenseStatus.SERVICE_DONE, ExpenseStatus.LIQUIDATED,
        ExpenseStatus.ORDERED, ExpenseStatus.PAID, ExpenseStatus.CANCELLED);
    long corrections = db.inTransaction(em -> em.createQuery("SELECT COUNT(e) FROM Expense e WHERE e.corrects IS NOT NULL", Long.class).getSingleResult());
    assertThat(corrections).isPositive();
    BigDecimal paid = db.inTransaction(em -> new ExpenseRepository(em).paidEligible(em.createQuery("SELECT g.id FROM Grant g", Long.class).getSingleResult()));
    assertThat(paid).isEqualByComparingTo(r.paidEligible());
  }
}
