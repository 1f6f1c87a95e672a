package fr.jalon.expense;

import static org.assertj.core.api.Assertions.assertThat;

import fr.jalon.accounting.AccountingImport;
import fr.jalon.audit.AuditContext;
import fr.jalon.audit.AuditEntry;
import fr.jalon.grant.Cofunding;
import fr.jalon.grant.Grant;
import fr.jalon.plan.Action;
import fr.jalon.plan.CostCategory;
import fr.jalon.platform.TestDatabase;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Expenses against the real schema: keyset pages, filters, totals, the sums others read, visibility of staged imports. */
class ExpensePersistenceTest {
  static TestDatabase db;
  static long grantId;
  static long a1;
  static long a2;
  static long inv;
  static long sourceId;

  @BeforeAll
  static void start() {
    db = new TestDatabase();
    AuditContext.actorResolver(() -> "finance");
    db.run(em -> {
      Grant g = ExpenseRulesTest.grant();
      em.persist(g.beneficiary());
      em.persist(g);
      Action first = ExpenseRulesTest.action(g);
      Action second = new Action(g, null, "A2", "Formation", null, null, ExpenseRulesTest.START, ExpenseRulesTest.END);
      CostCategory equipment = ExpenseRulesTest.category(g, "INV", true);
      Cofunding pia = ExpenseRulesTest.pia(g);
      em.persist(first);
      em.persist(second);
      em.persist(equipment);
      em.persist(pia.funder());
      em.persist(pia);
      // 25 lines: five per day over five days (ties on the sort key), alternating actions; every third paid.
      for (int i = 0; i < 25; i++) {
        LocalDate day = LocalDate.of(2023 + i % 2, 3, 1 + i / 5);
        ExpenseTerms t = new ExpenseTerms(i % 2 == 0 ? first : second, equipment, pia, null, "Fournisseur " + (i % 3), "Ligne " + i, "F-" + i, day, null,
            new BigDecimal("100.00").add(BigDecimal.valueOf(i)), new BigDecimal("20.00"), null, null, null, null);
        Expense e = new Expense(g, t, Provenance.MANUAL, null, day);
        if (i % 3 == 0) {
          e.land(null, day.plusDays(10), false);
        }
        em.persist(e);
      }
      em.flush();
      new fr.jalon.execution.ExecutionTotals(em).rebuild(g.id());
      grantId = g.id();
      a1 = first.id();
      a2 = second.id();
      inv = equipment.id();
      sourceId = pia.id();
    });
  }

  @AfterAll
  static void stop() {
    AuditContext.actorResolver(() -> AuditContext.SYSTEM);
    db.close();
  }

  @Test
  void keysetPagesCoverEveryLineOnceInOrderThroughTies() {
    for (ExpenseRepository.Sort sort : ExpenseRepository.Sort.values()) {
      List<Long> seen = new ArrayList<>();
      db.run(em -> {
        ExpenseRepository repo = new ExpenseRepository(em);
        String after = null;
        do {
          ExpensePage page = repo.page(grantId, ExpenseFilter.none(), sort, after, 7);
          page.items().forEach(r -> seen.add(r.id()));
          after = page.next();
        } while (after != null);
      });
      assertThat(seen).as(sort.name()).hasSize(25);
      assertThat(new HashSet<>(seen)).hasSize(25);
    }
  }

  @Test
  void eachWalkedIndexPagesTheFilteredSetInTheListOrder() {
    List<ExpenseFilter> filters = List.of(
        ExpenseFilter.none(),
        new ExpenseFilter(null, null, null, null, 2024, null, null, null, null),
        new ExpenseFilter(null, null, null, ExpenseStatus.DRAFT, 2023, null, null, null, null),
        new ExpenseFilter(a2, null, null, null, 2024, null, null, null, null),
        new ExpenseFilter(null, inv, null, ExpenseStatus.PAID, null, null, null, null, null),
        new ExpenseFilter(null, null, sourceId, null, 2023, null, null, null, null, true),
        new ExpenseFilter(a1, inv, sourceId, ExpenseStatus.DRAFT, 2023, "fournisseur", new BigDecimal("100"), null, "ligne"));
    for (ExpenseFilter filter : filters) {
      db.run(em -> {
        ExpenseRepository repo = new ExpenseRepository(em);
        List<Long> expected = repo.stream(grantId, filter).map(ExpenseRow::id).toList();
        List<Long> paged = new ArrayList<>();
        String after = null;
        do {
          ExpensePage page = repo.page(grantId, filter, null, after, 3);
          page.items().forEach(r -> paged.add(r.id()));
          after = page.next();
        } while (after != null);
        assertThat(paged).as(filter + " on " + ExpenseRepository.indexFor(filter)).isNotEmpty().isEqualTo(expected);
        assertThat((long) paged.size()).as(filter.toString()).isEqualTo(repo.totals(grantId, filter).count());
      });
    }
  }

  @Test
  void filtersNarrowThePagesAndTheTotalsAlike() {
    db.run(em -> {
      ExpenseRepository repo = new ExpenseRepository(em);
      ExpenseFilter onA1In2023 = new ExpenseFilter(a1, inv, null, null, 2023, null, null, null, null);
      ExpensePage page = repo.page(grantId, onA1In2023, null, null, 50);
      ExpenseTotals totals = repo.totals(grantId, onA1In2023);
      assertThat(page.items()).allMatch(r -> r.actionCode().equals("A1") && r.date().getYear() == 2023);
      assertThat(totals.count()).isEqualTo(page.items().size()).isEqualTo(13);
      assertThat(totals.amountIncl()).isEqualByComparingTo(page.items().stream().map(ExpenseRow::amountIncl).reduce(BigDecimal.ZERO, BigDecimal::add));
      ExpenseTotals paid = repo.totals(grantId, new ExpenseFilter(null, null, null, ExpenseStatus.PAID, null, null, null, null, null));
      assertThat(paid.count()).isEqualTo(9);
      assertThat(repo.paidEligible(grantId)).isEqualByComparingTo(paid.eligibleAmount());
      ExpenseTotals slow = repo.totals(grantId, new ExpenseFilter(null, null, null, null, null, "fournisseur 1", new BigDecimal("110"), new BigDecimal("130"), "ligne"));
      // Supplier 1 on lines 1, 4, 7, 10 (incl. VAT 121, 124, 127, 130); 13 and above are past 130.
      assertThat(slow.count()).isEqualTo(4);
    });
  }

  @Test
  void committedAndPaidPerActionAddUpToTheTotals() {
    db.run(em -> {
      ExpenseRepository repo = new ExpenseRepository(em);
      List<ActionSpending> spending = new fr.jalon.execution.ExecutionFigures(em).figures(grantId, null, fr.jalon.execution.ExecutionFigures.Scope.all(),
          java.util.EnumSet.of(fr.jalon.execution.ExecutionFigures.Axis.ACTION)).stream().map(f -> new ActionSpending(f.actionId(), f.committed(), f.paid())).toList();
      BigDecimal paid = spending.stream().map(ActionSpending::paid).reduce(BigDecimal.ZERO, BigDecimal::add);
      assertThat(paid).isEqualByComparingTo(repo.paidEligible(grantId));
      assertThat(spending).extracting(ActionSpending::actionId).containsExactlyInAnyOrder(a1, a2);
    });
  }

  @Test
  void linesOfAStagedImportStayInvisibleUntilItIsConfirmed() {
    long importId = db.inTransaction(em -> {
      Grant g = em.find(Grant.class, grantId);
      AccountingImport imp = new AccountingImport(g, "FEC", "fec.txt", "0".repeat(64), LocalDateTime.of(2024, 5, 1, 9, 0), "finance");
      em.persist(imp);
      em.flush();
      Expense any = em.createQuery("SELECT e FROM Expense e", Expense.class).setMaxResults(1).getSingleResult();
      ExpenseTerms t = new ExpenseTerms(any.action(), any.category(), any.source(), null, "Importé", "Ligne importée", "IMP-1", LocalDate.of(2024, 5, 1), null,
          new BigDecimal("10.00"), BigDecimal.ZERO, null, null, null, null);
      Expense staged = new Expense(g, t, Provenance.FEC, "AC|12|6063", LocalDate.of(2024, 5, 1));
      staged.stagedBy(imp.id());
      em.persist(staged);
      return imp.id();
    });
    long before = db.inTransaction(em -> new ExpenseRepository(em).totals(grantId, ExpenseFilter.none()).count());
    db.run(em -> {
      em.find(AccountingImport.class, importId).confirm();
      em.flush();
      new fr.jalon.execution.ExecutionTotals(em).importShown(importId);
    });
    long after = db.inTransaction(em -> new ExpenseRepository(em).totals(grantId, ExpenseFilter.none()).count());
    assertThat(after).isEqualTo(before + 1);
    db.run(em -> {
      em.find(AccountingImport.class, importId).undo();
      em.flush();
      new fr.jalon.execution.ExecutionTotals(em).importHidden(importId);
    });
    long undone = db.inTransaction(em -> new ExpenseRepository(em).totals(grantId, ExpenseFilter.none()).count());
    assertThat(undone).isEqualTo(before);
  }

  @Test
  void aChangeOfStageIsInTheAuditTrail() {
    long id = db.inTransaction(em -> {
      Expense e = em.createQuery("SELECT e FROM Expense e WHERE e.status = fr.jalon.expense.ExpenseStatus.DRAFT ORDER BY e.id", Expense.class).setMaxResults(1).getSingleResult();
      e.advance(ExpenseStatus.COMMITTED, e.sortDate(), null);
      return e.id();
    });
    List<AuditEntry> trail = db.inTransaction(em -> em.createQuery("SELECT a FROM AuditEntry a WHERE a.entityType = 'Expense' AND a.action = 'UPDATE'", AuditEntry.class).getResultList());
    assertThat(trail).anyMatch(a -> a.changes().contains("status: DRAFT → COMMITTED"));
    assertThat(id > 0).isTrue();
  }

  @Test
  void sameInvoiceFindsTheOtherLinesOfAnInvoice() {
    db.run(em -> {
      ExpenseRepository repo = new ExpenseRepository(em);
      assertThat(repo.sameInvoice(grantId, "fournisseur 0", "F-0", LocalDate.of(2023, 3, 1), null)).hasSize(1);
      assertThat(repo.sameInvoice(grantId, "fournisseur 0", "F-0", LocalDate.of(2023, 3, 2), null)).isEmpty();
      // An import's question, on the invoice index: the same answers, the supplier's case aside.
      assertThat(repo.invoiceTaken(grantId, " Fournisseur 0 ", "F-0", LocalDate.of(2023, 3, 1))).isTrue();
      assertThat(repo.invoiceTaken(grantId, "fournisseur 0", "F-0", LocalDate.of(2023, 3, 2))).isFalse();
      assertThat(repo.invoiceTaken(grantId, "fournisseur 1", "F-0", LocalDate.of(2023, 3, 1))).isFalse();
    });
  }
}
