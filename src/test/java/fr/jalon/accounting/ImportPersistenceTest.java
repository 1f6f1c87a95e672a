package fr.jalon.accounting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.jalon.expense.ExpenseFilter;
import fr.jalon.expense.ExpenseRepository;
import fr.jalon.expense.ExpenseStatus;
import fr.jalon.expense.ExpenseTotals;
import fr.jalon.grant.Cofunding;
import fr.jalon.grant.FunderKind;
import fr.jalon.grant.FundingNature;
import fr.jalon.grant.Grant;
import fr.jalon.grant.GrantChange;
import fr.jalon.grant.LegalForm;
import fr.jalon.grant.Organisation;
import fr.jalon.grant.ParameterValues;
import fr.jalon.plan.Action;
import fr.jalon.plan.CostCategory;
import fr.jalon.platform.TestDatabase;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sample FEC imported against the real schema: its expenses to the cent once confirmed, nothing
 * visible while staged or after a failure half-way, nothing created by a second import.
 */
class ImportPersistenceTest {
  static TestDatabase db;
  static long grantId;

  @BeforeAll
  static void start() {
    db = new TestDatabase();
    db.run(em -> {
      Grant g = new Grant(new GrantChange("PIA3-FEC", "Campus", "PIA 3", "CDC", "MENJ", LocalDate.of(2020, 9, 28), LocalDate.of(2020, 9, 1), LocalDate.of(2029, 12, 31),
          new BigDecimal("2000000.00"), new BigDecimal("5000000.00"), ParameterValues.defaults(), null), new Organisation("Lycée", null, LegalForm.EPLE, false));
      em.persist(g.beneficiary());
      em.persist(g);
      CostCategory.defaults(g).forEach(em::persist);
      em.persist(new Action(g, null, "A1", "Plateforme", null, null, LocalDate.of(2020, 9, 1), LocalDate.of(2029, 12, 31)));
      Organisation cdc = new Organisation("CDC", null, LegalForm.PUBLIC_BODY, false);
      em.persist(cdc);
      em.persist(new Cofunding(g, cdc, FunderKind.PIA, FundingNature.CASH, new BigDecimal("2000000.00")));
      em.flush();
      grantId = g.id();
    });
  }

  @AfterAll
  static void stop() {
    db.close();
  }

  static ImportRun run(EntityManager em) {
    Grant g = em.find(Grant.class, grantId);
    Action a = em.createQuery("SELECT a FROM Action a", Action.class).getSingleResult();
    Cofunding pia = em.createQuery("SELECT c FROM Cofunding c", Cofunding.class).getSingleResult();
    List<CostCategory> categories = em.createQuery("SELECT c FROM CostCategory c", CostCategory.class).getResultList();
    ExpenseRepository repo = new ExpenseRepository(em);
    return new ImportRun(g, a, pia, categories, FecSelection.everything(), new ImportRun.Taken() {
      @Override
      public boolean sourceKey(String key) {
        return repo.sourceKeyTaken(grantId, key);
      }

      @Override
      public boolean invoice(String supplier, String number, LocalDate date) {
        return repo.invoiceTaken(grantId, supplier, number, date);
      }
    });
  }

  /** Imports the sample in chunks of 20, each its own transaction; {@code failAfter} chunks, a failure. */
  static int[] importSample(int failAfter) {
    long importId = db.inTransaction(em -> {
      AccountingImport i = new AccountingImport(em.find(Grant.class, grantId), "FEC", "fec-exemple.txt", "a".repeat(64), LocalDateTime.of(2024, 12, 1, 9, 0), "finance");
      em.persist(i);
      em.flush();
      return i.id();
    });
    int[] counts = new int[3];
    List<ImportRun.Staged> staged = new ArrayList<>();
    db.run(em -> {
      ImportRun run = run(em);
      FecEntries.read(FecReaderTest::sample, FecSelection.everything(), f -> counts[run.classify(f, staged::add).outcome().ordinal()]++,
          p -> counts[ImportLine.Outcome.REFUSED.ordinal()]++);
    });
    int chunk = 0;
    for (int from = 0; from < staged.size(); from += 20) {
      if (chunk++ == failAfter) {
        db.run(em -> em.find(AccountingImport.class, importId).fail());
        throw new IllegalStateException("panne simulée");
      }
      List<ImportRun.Staged> part = staged.subList(from, Math.min(staged.size(), from + 20));
      db.run(em -> ImportStaging.insert(em, importId, part));
    }
    db.run(em -> {
      em.find(AccountingImport.class, importId).confirm();
      em.flush();
      new fr.jalon.execution.ExecutionTotals(em).importShown(importId);
    });
    return counts;
  }

  static ExpenseTotals totals(ExpenseStatus status) {
    return db.inTransaction(em -> new ExpenseRepository(em).totals(grantId, new ExpenseFilter(null, null, null, status, null, null, null, null, null)));
  }

  @Test
  void aFailureHalfWayLeavesNothingVisibleThenTheSampleImportsToTheCentAndOnlyOnce() {
    assertThatThrownBy(() -> importSample(2)).hasMessage("panne simulée");
    assertThat(totals(null).count()).isZero();

    int[] counts = importSample(Integer.MAX_VALUE);
    assertThat(counts[0]).isEqualTo(77);
    assertThat(counts[2]).isEqualTo(5);
    ExpenseTotals all = totals(null);
    assertThat(all.count()).isEqualTo(77);
    assertThat(all.amountExcl()).isEqualByComparingTo("306114.75");
    assertThat(all.amountIncl()).isEqualByComparingTo("348439.16");
    // The beneficiary does not recover VAT: eligible = incl. VAT.
    assertThat(all.eligibleAmount()).isEqualByComparingTo("348439.16");
    assertThat(totals(ExpenseStatus.PAID).count()).isEqualTo(36 + 17);
    assertThat(totals(ExpenseStatus.LIQUIDATED).count()).isEqualTo(24);
    long corrections = db.inTransaction(em -> em.createQuery("SELECT COUNT(e) FROM Expense e WHERE e.corrects IS NOT NULL AND e.importId IS NOT NULL"
        + " AND e.importId IN (SELECT i.id FROM AccountingImport i WHERE i.status = fr.jalon.accounting.ImportStatus.CONFIRMED)", Long.class).getSingleResult());
    assertThat(corrections).isEqualTo(1);
    long personnel = db.inTransaction(em -> em.createQuery("SELECT COUNT(e) FROM Expense e WHERE e.supplierName = 'Personnel' AND e.category.code = 'PERS'"
        + " AND e.importId IN (SELECT i.id FROM AccountingImport i WHERE i.status = fr.jalon.accounting.ImportStatus.CONFIRMED)", Long.class).getSingleResult());
    assertThat(personnel).isEqualTo(6);

    int[] again = importSample(Integer.MAX_VALUE);
    assertThat(again[0]).isZero();
    assertThat(again[1]).isEqualTo(77);
    assertThat(totals(null).count()).isEqualTo(77);

    // An import one of whose lines a statement holds cannot be undone; once released, it can.
    long importId = db.inTransaction(em -> em.createQuery("SELECT MIN(i.id) FROM AccountingImport i WHERE i.status = fr.jalon.accounting.ImportStatus.CONFIRMED", Long.class)
        .getSingleResult());
    db.run(em -> em.createNativeQuery("UPDATE EXPENSE SET STATEMENT_ID = 999 WHERE ID = (SELECT MIN(ID) FROM EXPENSE WHERE IMPORT_ID = ?)").setParameter(1, importId).executeUpdate());
    assertThatThrownBy(() -> db.run(em -> service(em).undo(importId, new ImportService.UndoRequest("essai"))))
        .isInstanceOf(fr.jalon.platform.RuleViolation.class).hasMessageContaining("1 de ses dépenses");
    assertThat(totals(null).count()).isEqualTo(77);
    db.run(em -> em.createNativeQuery("UPDATE EXPENSE SET STATEMENT_ID = NULL WHERE IMPORT_ID = ?").setParameter(1, importId).executeUpdate());
    db.run(em -> service(em).undo(importId, new ImportService.UndoRequest("essai")));
    assertThat(totals(null).count()).isZero();
  }

  /**
   * The whole sample staged as one JDBC batch: every line written as the entity would be (amounts,
   * dates, status, provenance, key), invisible while staged, and the credit note linked to the
   * invoice it corrects, written earlier in the same batch.
   */
  @Test
  void oneBatchStagesEveryLineAndLinksTheCreditNoteToItsInvoice() {
    long importId = db.inTransaction(em -> {
      AccountingImport i = new AccountingImport(em.find(Grant.class, grantId), "FEC", "fec-lot.txt", "b".repeat(64), LocalDateTime.of(2024, 12, 2,9, 0), "finance");
      em.persist(i);
      em.flush();
      return i.id();
    });
    List<ImportRun.Staged> staged = new ArrayList<>();
    long visibleBefore = totals(null).count();
    db.run(em -> {
      ImportRun base = run(em);
      // Nothing taken: the lines are staged whatever the other test confirmed.
      ImportRun run = new ImportRun(em.find(Grant.class, grantId), em.createQuery("SELECT a FROM Action a", Action.class).getSingleResult(),
          em.createQuery("SELECT c FROM Cofunding c", Cofunding.class).getSingleResult(), em.createQuery("SELECT c FROM CostCategory c", CostCategory.class).getResultList(),
          FecSelection.everything(), new ImportRun.Taken() {
            @Override
            public boolean sourceKey(String key) {
              return false;
            }

            @Override
            public boolean invoice(String supplier, String number, LocalDate date) {
              return false;
            }
          });
      assertThat(base).isNotNull();
      FecEntries.read(FecReaderTest::sample, FecSelection.everything(), f -> run.classify(f, staged::add), p -> {});
    });
    assertThat(staged).hasSize(77);
    db.run(em -> ImportStaging.insert(em, importId, staged));

    assertThat(totals(null).count()).as("staged lines stay invisible").isEqualTo(visibleBefore);
    List<Object[]> rows = db.inTransaction(em -> em.createNativeQuery("SELECT SOURCE_KEY, AMOUNT_EXCL, AMOUNT_VAT, AMOUNT_INCL, ELIGIBLE_AMOUNT, INVOICE_DATE, PAID_ON, STATUS,"
        + " PROVENANCE, SUPPLIER_NAME, EXPENSE_YEAR, SORT_DATE, PAYMENT_ESTIMATED FROM EXPENSE WHERE IMPORT_ID = ? ORDER BY ID").setParameter(1, importId).getResultList());
    assertThat(rows).hasSize(77);
    // Credit notes are written after the chunk's other lines: rows and staged lines meet by source key.
    java.util.Map<String, fr.jalon.expense.Expense> bySourceKey = new java.util.HashMap<>();
    staged.forEach(st -> bySourceKey.put(st.expense().sourceKey(), st.expense()));
    assertThat(bySourceKey).hasSize(77);
    for (Object[] r : rows) {
      fr.jalon.expense.Expense e = bySourceKey.get((String) r[0]);
      assertThat(e).as("row %s was staged", r[0]).isNotNull();
      assertThat((BigDecimal) r[1]).isEqualByComparingTo(e.amountExcl());
      assertThat((BigDecimal) r[2]).isEqualByComparingTo(e.amountVat());
      assertThat((BigDecimal) r[3]).isEqualByComparingTo(e.amountIncl());
      assertThat((BigDecimal) r[4]).isEqualByComparingTo(e.eligibleAmount());
      assertThat(((java.sql.Date) r[5]).toLocalDate()).isEqualTo(e.invoiceDate());
      assertThat(r[6] == null ? null : ((java.sql.Date) r[6]).toLocalDate()).isEqualTo(e.paidOn());
      assertThat(r[7]).isEqualTo(e.status().name());
      assertThat(r[8]).isEqualTo("FEC");
      assertThat(r[9]).isEqualTo(e.supplierName());
      assertThat(((Number) r[10]).intValue()).isEqualTo(e.year());
      assertThat(((java.sql.Date) r[11]).toLocalDate()).isEqualTo(e.sortDate());
      assertThat(r[12]).isEqualTo(e.paymentEstimated());
    }
    ImportRun.Staged creditNote = staged.stream().filter(s -> s.correctsSourceKey() != null).findFirst().orElseThrow();
    List<Object[]> link = db.inTransaction(em -> em.createNativeQuery("SELECT c.SOURCE_KEY, o.SOURCE_KEY, o.IMPORT_ID FROM EXPENSE c JOIN EXPENSE o ON o.ID = c.CORRECTS_ID"
        + " WHERE c.IMPORT_ID = ?").setParameter(1, importId).getResultList());
    assertThat(link).hasSize(1);
    assertThat(link.get(0)[0]).isEqualTo(creditNote.expense().sourceKey());
    assertThat(link.get(0)[1]).isEqualTo(creditNote.correctsSourceKey());
    assertThat(((Number) link.get(0)[2]).longValue()).isEqualTo(importId);
    db.run(em -> em.find(AccountingImport.class, importId).fail());
  }

  private static ImportService service(EntityManager em) {
    ImportService s = new ImportService();
    s.em = em;
    s.grants = fr.jalon.grant.GrantFixtures.grantService(em);
    s.totals = new fr.jalon.execution.ExecutionTotals(em);
    s.audit = fr.jalon.platform.Fields.set(new fr.jalon.audit.AuditTrail(), "em", em);
    return s;
  }
}
