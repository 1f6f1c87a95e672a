package fr.jalon.expense;

import static org.assertj.core.api.Assertions.assertThat;

import fr.jalon.accounting.AccountingImport;
import fr.jalon.audit.AuditContext;
import fr.jalon.audit.AuditTrail;
import fr.jalon.execution.ExecutionFigures;
import fr.jalon.execution.ExecutionFigures.Axis;
import fr.jalon.execution.ExecutionFigures.Scope;
import fr.jalon.execution.ExecutionTotals;
import fr.jalon.execution.Figure;
import fr.jalon.execution.SpendLine;
import fr.jalon.grant.Cofunding;
import fr.jalon.grant.FunderKind;
import fr.jalon.grant.FundingNature;
import fr.jalon.grant.Grant;
import fr.jalon.grant.GrantService;
import fr.jalon.grant.LegalForm;
import fr.jalon.grant.Organisation;
import fr.jalon.plan.Action;
import fr.jalon.plan.CostCategory;
import fr.jalon.platform.StoredFile;
import fr.jalon.platform.TestDatabase;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Budget execution against the ledger: the maintained totals equal the sums over the expenses to
 * the cent after creates, edits, steps, cancels, bulk steps, an import and its undo (all through
 * the expense service); the figures equal the budget and the ledger to the cent.
 */
class BudgetExecutionPersistenceTest {
  static final LocalDate TODAY = LocalDate.of(2026, 11, 29);
  static TestDatabase db;
  static long grantId;
  static List<Long> actions = new ArrayList<>();
  static List<Long> categories = new ArrayList<>();
  static long pia;

  @BeforeAll
  static void start() {
    db = new TestDatabase();
    AuditContext.actorResolver(() -> "finance");
    db.run(em -> {
      Grant g = ExpenseRulesTest.grant();
      em.persist(g.beneficiary());
      em.persist(g);
      CostCategory.defaults(g).forEach(em::persist);
      Action axis = ExpenseRulesTest.action(g);
      em.persist(axis);
      for (int i = 1; i <= 4; i++) {
        Action a = new Action(g, axis, "A1." + i, "Sous-action " + i, null, null, ExpenseRulesTest.START, ExpenseRulesTest.END);
        em.persist(a);
      }
      Cofunding p = ExpenseRulesTest.pia(g);
      em.persist(p.funder());
      em.persist(p);
      Organisation region = new Organisation("Région", null, LegalForm.LOCAL_AUTHORITY, false);
      em.persist(region);
      em.persist(new Cofunding(g, region, FunderKind.REGION, FundingNature.CASH, new BigDecimal("1500000.00")));
      em.createNativeQuery("INSERT INTO STORED_FILE (STORAGE_NAME, ORIGINAL_NAME, CONTENT_TYPE, SIZE_BYTES, SHA256, STORED_AT, STORED_BY)"
          + " VALUES ('x', 'facture.pdf', 'application/pdf', 10, '" + "0".repeat(64) + "', CURRENT_TIMESTAMP, 'test')").executeUpdate();
      StoredFile file = em.createQuery("SELECT f FROM StoredFile f", StoredFile.class).getSingleResult();
      em.flush();
      ExpenseGenerator.generate(em, g, file, TODAY, 1200, new BigDecimal("1800000.00"), 7L);
      grantId = g.id();
      pia = p.id();
      actions.addAll(em.createQuery("SELECT a.id FROM Action a WHERE a.parent IS NOT NULL ORDER BY a.code", Long.class).getResultList());
      categories.addAll(em.createQuery("SELECT c.id FROM CostCategory c WHERE c.eligible = TRUE AND c.flatRate = FALSE AND c.code <> 'PERS' ORDER BY c.sortOrder", Long.class)
          .getResultList());
      // An approved budget: every action x category on the PIA line, 2021-2026; one cell deliberately tiny.
      em.createNativeQuery("INSERT INTO BUDGET_VERSION (GRANT_ID, NUMBER, LABEL, STATUS, CREATED_AT, CREATED_BY, APPROVED_ON, APPROVED_BY)"
          + " VALUES (" + grantId + ", 1, 'Budget initial', 'APPROVED', CURRENT_TIMESTAMP, 'test', CURRENT_DATE, 'admin')").executeUpdate();
      long version = ((Number) em.createNativeQuery("SELECT MAX(ID) FROM BUDGET_VERSION").getSingleResult()).longValue();
      int n = 0;
      for (long a : actions) {
        for (long c : categories) {
          for (int y = 2021; y <= 2026; y++) {
            String amount = n++ == 0 ? "1.00" : String.valueOf(20000 + (n * 137) % 9000) + ".50";
            em.createNativeQuery("INSERT INTO BUDGET_LINE (BUDGET_VERSION_ID, ACTION_ID, CATEGORY_ID, COFUNDING_ID, BUDGET_YEAR, AMOUNT) VALUES (?, ?, ?, ?, ?, ?)")
                .setParameter(1, version).setParameter(2, a).setParameter(3, c).setParameter(4, pia).setParameter(5, y).setParameter(6, new BigDecimal(amount))
                .executeUpdate();
          }
        }
      }
      // Money committed on the tiny cell: that line is over budget.
      ExpenseService service = service(em);
      long over = service.create(new NewExpense(actions.get(0), categories.get(0), pia, null, new NewExpense.NewSupplier("Fournisseur hors budget", null),
          "Achat au-delà du prévu", "HB-1", LocalDate.of(2021, 3, 1), null, new BigDecimal("500.00"), new BigDecimal("100.00"), null, null, null, null, null)).id();
      service.step(over, new StepRequest(ExpenseStatus.COMMITTED, LocalDate.of(2021, 3, 2), null, null));
    });
  }

  @AfterAll
  static void stop() {
    AuditContext.actorResolver(() -> AuditContext.SYSTEM);
    db.close();
  }

  /** The expense service as the container wires it, on this transaction's entity manager. */
  static ExpenseService service(EntityManager em) {
    ExpenseService s = new ExpenseService();
    s.em = em;
    s.grants = new GrantService() {
      @Override
      public Grant grant() {
        return em.find(Grant.class, grantId);
      }
    };
    s.repository = new ExpenseRepository(em);
    s.audit = new AuditTrail() {
      @Override
      public void record(String action, String entityType, String entityId, String summary, String changes) {}
    };
    s.clock = Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    s.totals = new ExecutionTotals(em);
    return s;
  }

  static NewExpense typed(Random r, int i, Integer version) {
    long action = actions.get(r.nextInt(actions.size()));
    long category = categories.get(r.nextInt(categories.size()));
    BigDecimal excl = BigDecimal.valueOf(1000 + r.nextInt(3_000_000), 2);
    BigDecimal vat = excl.multiply(new BigDecimal("0.20")).setScale(2, java.math.RoundingMode.HALF_UP);
    return new NewExpense(action, category, r.nextBoolean() ? null : pia, null, new NewExpense.NewSupplier("Fournisseur " + i, null), "Achat " + i, "T-" + i,
        LocalDate.of(2021 + r.nextInt(5), 1 + r.nextInt(12), 1 + r.nextInt(28)), null, excl, vat, null, new BigDecimal(r.nextInt(4) == 0 ? "50" : "100"), null, null,
        version);
  }

  @Test
  void maintainedTotalsEqualTheSumsOverTheExpensesAfterEveryKindOfChange() {
    assertMaintainedEqualsLedger("after generation");
    Random r = new Random(42);
    List<Long> created = new ArrayList<>();
    db.run(em -> {
      ExpenseService s = service(em);
      for (int i = 0; i < 40; i++) {
        created.add(s.create(typed(r, i, null)).id());
      }
    });
    assertMaintainedEqualsLedger("after creates");
    db.run(em -> {
      ExpenseService s = service(em);
      for (int i = 0; i < 10; i++) {
        long id = created.get(i);
        s.revise(id, typed(r, 100 + i, em.find(Expense.class, id).version()));
      }
      for (int i = 0; i < 30; i++) {
        Expense e = em.find(Expense.class, created.get(i));
        s.step(e.id(), new StepRequest(ExpenseStatus.COMMITTED, e.invoiceDate(), null, null));
      }
      s.step(created.get(35), new StepRequest(ExpenseStatus.CANCELLED, LocalDate.of(2025, 3, 1), null, null));
      s.step(created.get(0), new StepRequest(ExpenseStatus.CANCELLED, LocalDate.of(2025, 3, 1), null, null));
    });
    assertMaintainedEqualsLedger("after edits, steps and cancels");
    List<Long> bulk = created.subList(1, 25);
    LocalDate late = LocalDate.of(2026, 1, 15);
    db.run(em -> {
      ExpenseService s = service(em);
      s.stepAll(new StepRequest(ExpenseStatus.SERVICE_DONE, late, null, bulk));
      s.stepAll(new StepRequest(ExpenseStatus.LIQUIDATED, late, null, bulk));
      s.stepAll(new StepRequest(ExpenseStatus.ORDERED, late, "M-1", bulk.subList(0, 12)));
      s.stepAll(new StepRequest(ExpenseStatus.PAID, LocalDate.of(2026, 2, 2), null, bulk.subList(0, 8)));
    });
    assertMaintainedEqualsLedger("after bulk steps");
    // An import: staged lines, confirmed (the status flip and the totals in one transaction), then undone.
    long importId = db.inTransaction(em -> {
      Grant g = em.find(Grant.class, grantId);
      AccountingImport imp = new AccountingImport(g, "FEC", "fec.txt", "1".repeat(64), LocalDateTime.of(2026, 5, 1, 9, 0), "finance");
      em.persist(imp);
      em.flush();
      Random ri = new Random(9);
      for (int i = 0; i < 60; i++) {
        NewExpense t = typed(ri, 500 + i, null);
        Expense staged = new Expense(g, service(em).terms(g, t), Provenance.FEC, "AC|" + i + "|6063", t.invoiceDate());
        staged.land(t.invoiceDate().plusDays(5), i % 3 == 0 ? null : t.invoiceDate().plusDays(40 + i * 5), false);
        staged.stagedBy(imp.id());
        em.persist(staged);
      }
      return imp.id();
    });
    assertMaintainedEqualsLedger("while staged");
    db.run(em -> {
      em.find(AccountingImport.class, importId).confirm();
      em.flush();
      new ExecutionTotals(em).importShown(importId);
    });
    assertMaintainedEqualsLedger("after the import's confirm");
    db.run(em -> {
      Expense liquidated = em.createQuery("SELECT e FROM Expense e WHERE e.importId = :i AND e.status = :s", Expense.class)
          .setParameter("i", importId).setParameter("s", ExpenseStatus.LIQUIDATED).setMaxResults(1).getSingleResult();
      service(em).step(liquidated.id(), new StepRequest(ExpenseStatus.ORDERED, LocalDate.of(2026, 6, 1), "M-2", null));
    });
    assertMaintainedEqualsLedger("after a step on an imported line");
    db.run(em -> {
      em.find(AccountingImport.class, importId).undo();
      em.flush();
      new ExecutionTotals(em).importHidden(importId);
    });
    assertMaintainedEqualsLedger("after the import's undo");
  }

  @Test
  void twoTransactionsCreatingAndMovingTheSameRowLoseNothing() throws Exception {
    long action = actions.get(1);
    long category = categories.get(1);
    // A row nobody has yet: expense year 2029, in the draft bucket.
    SpendLine line = new SpendLine(grantId, action, category, pia, "DRAFT", 2029, null, new BigDecimal("10.00"), new BigDecimal("2.00"), new BigDecimal("12.00"),
        new BigDecimal("12.00"), null);
    java.util.concurrent.CountDownLatch firstWrote = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch secondStarted = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      var first = pool.submit(() -> db.run(em -> {
        new ExecutionTotals(em).apply(null, line);
        em.flush();
        firstWrote.countDown();
        await(secondStarted);
      }));
      var second = pool.submit(() -> {
        await(firstWrote);
        secondStarted.countDown();
        db.run(em -> new ExecutionTotals(em).apply(null, line));
      });
      first.get(60, java.util.concurrent.TimeUnit.SECONDS);
      second.get(60, java.util.concurrent.TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }
    ExecutionTotals.Sums sums = db.inTransaction(em -> new ExecutionTotals(em).sums(grantId, action, category, pia, "DRAFT", 2029));
    assertThat(sums.count()).isEqualTo(2);
    assertThat(sums.amountIncl()).isEqualByComparingTo("24.00");
    db.run(em -> new ExecutionTotals(em).applyAll(List.of(line, line), List.of()));
  }

  private static void await(java.util.concurrent.CountDownLatch latch) {
    try {
      if (!latch.await(30, java.util.concurrent.TimeUnit.SECONDS)) {
        throw new IllegalStateException("the other transaction never came");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void figuresEqualTheBudgetAndTheLedgerToTheCent() {
    db.run(em -> {
      // The ledger, read line by line (only the test does this).
      Map<String, BigDecimal[]> expected = new TreeMap<>();
      for (Object[] b : (List<Object[]>) em.createNativeQuery("SELECT ACTION_ID, CATEGORY_ID, COFUNDING_ID, BUDGET_YEAR, AMOUNT FROM BUDGET_LINE").getResultList()) {
        cell(expected, b[0] + "/" + b[1] + "/" + b[2] + "/" + b[3])[0] = cell(expected, b[0] + "/" + b[1] + "/" + b[2] + "/" + b[3])[0].add((BigDecimal) b[4]);
      }
      List<Expense> ledger = em.createQuery("SELECT e FROM Expense e WHERE " + ExpenseRepository.VISIBLE, Expense.class).getResultList();
      for (Expense e : ledger) {
        boolean paid = e.status() == ExpenseStatus.PAID;
        int year = paid && e.paidOn() != null ? e.paidOn().getYear() : e.year();
        BigDecimal[] c = cell(expected, e.action().id() + "/" + e.category().id() + "/" + e.source().id() + "/" + year);
        if (e.status().committed()) c[1] = c[1].add(e.eligibleAmount());
        if (paid) c[2] = c[2].add(e.eligibleAmount());
      }
      List<Figure> figures = new ExecutionFigures(em).figures(grantId, null, Scope.all(), EnumSet.allOf(Axis.class));
      Map<String, BigDecimal[]> actual = new TreeMap<>();
      boolean sawOver = false;
      for (Figure f : figures) {
        actual.put(f.actionId() + "/" + f.categoryId() + "/" + f.sourceId() + "/" + f.year(), new BigDecimal[] {f.planned(), f.committed(), f.paid()});
        assertThat(f.stillToPay()).isEqualByComparingTo(f.committed().subtract(f.paid()));
        assertThat(f.available()).isEqualByComparingTo(f.planned().subtract(f.committed()));
        assertThat(f.overBudget()).isEqualTo(f.committed().compareTo(f.planned()) > 0);
        sawOver |= f.overBudget() && f.planned().compareTo(new BigDecimal("1.00")) == 0;
      }
      assertThat(actual.keySet()).isEqualTo(expected.keySet());
      expected.forEach((k, v) -> {
        for (int i = 0; i < 3; i++) {
          assertThat(actual.get(k)[i]).as(k + " #" + i).isEqualByComparingTo(v[i]);
        }
      });
      // Roll-ups add up; the whole grant is one figure.
      Figure whole = new ExecutionFigures(em).figures(grantId, null, Scope.all(), EnumSet.noneOf(Axis.class)).get(0);
      BigDecimal plannedSum = expected.values().stream().map(v -> v[0]).reduce(BigDecimal.ZERO, BigDecimal::add);
      BigDecimal committedSum = expected.values().stream().map(v -> v[1]).reduce(BigDecimal.ZERO, BigDecimal::add);
      BigDecimal paidSum = expected.values().stream().map(v -> v[2]).reduce(BigDecimal.ZERO, BigDecimal::add);
      assertThat(whole.planned()).isEqualByComparingTo(plannedSum);
      assertThat(whole.committed()).isEqualByComparingTo(committedSum);
      assertThat(whole.paid()).isEqualByComparingTo(paidSum);
      assertThat(whole.stillToPay()).isEqualByComparingTo(committedSum.subtract(paidSum));
      for (Axis axis : Axis.values()) {
        List<Figure> rolled = new ExecutionFigures(em).figures(grantId, null, Scope.all(), EnumSet.of(axis));
        assertThat(rolled.stream().map(Figure::committed).reduce(BigDecimal.ZERO, BigDecimal::add)).as(axis.name()).isEqualByComparingTo(committedSum);
        assertThat(rolled.stream().map(Figure::planned).reduce(BigDecimal.ZERO, BigDecimal::add)).as(axis.name()).isEqualByComparingTo(plannedSum);
      }
      long action = actions.get(0);
      List<Figure> ofAction = new ExecutionFigures(em).figures(grantId, null, Scope.action(action), EnumSet.of(Axis.CATEGORY));
      BigDecimal actionCommitted = ledger.stream().filter(e -> e.action().id() == action && e.status().committed()).map(Expense::eligibleAmount)
          .reduce(BigDecimal.ZERO, BigDecimal::add);
      assertThat(ofAction.stream().map(Figure::committed).reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(actionCommitted);
      assertThat(ofAction).allMatch(f -> f.actionId() == null && f.categoryCode() != null);
      assertThat(sawOver).as("the 1,00 € cell with money committed is over budget").isTrue();
      assertThat(figures).anyMatch(f -> !f.overBudget() && f.planned().signum() > 0);
    });
  }

  private static BigDecimal[] cell(Map<String, BigDecimal[]> m, String key) {
    return m.computeIfAbsent(key, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
  }

  /** Every row of the maintained totals equals the same group summed over the visible expenses; the list's fast totals too. */
  static void assertMaintainedEqualsLedger(String when) {
    db.run(em -> {
      Map<String, String> ledger = new TreeMap<>();
      for (Object[] r : (List<Object[]>) em.createNativeQuery("SELECT ACTION_ID, CATEGORY_ID, COFUNDING_ID, STATUS, EXPENSE_YEAR,"
          + " CASE WHEN STATUS = 'PAID' AND PAID_ON IS NOT NULL THEN YEAR(PAID_ON) ELSE EXPENSE_YEAR END, COUNT(*), SUM(AMOUNT_EXCL), SUM(AMOUNT_VAT), SUM(AMOUNT_INCL),"
          + " SUM(ELIGIBLE_AMOUNT) FROM EXPENSE e WHERE e.GRANT_ID = " + grantId
          + " AND (e.IMPORT_ID IS NULL OR e.IMPORT_ID IN (SELECT i.ID FROM ACCOUNTING_IMPORT i WHERE i.STATUS = 'CONFIRMED'))"
          + " GROUP BY ACTION_ID, CATEGORY_ID, COFUNDING_ID, STATUS, EXPENSE_YEAR, CASE WHEN STATUS = 'PAID' AND PAID_ON IS NOT NULL THEN YEAR(PAID_ON) ELSE EXPENSE_YEAR END")
          .getResultList()) {
        ledger.put(key(r), sums(r));
      }
      Map<String, String> maintained = new TreeMap<>();
      for (Object[] r : (List<Object[]>) em.createNativeQuery("SELECT ACTION_ID, CATEGORY_ID, COFUNDING_ID, STATUS, EXPENSE_YEAR, BUDGET_YEAR, LINE_COUNT, AMOUNT_EXCL,"
          + " AMOUNT_VAT, AMOUNT_INCL, ELIGIBLE_AMOUNT FROM EXECUTION_TOTAL WHERE GRANT_ID = " + grantId + " AND (LINE_COUNT <> 0 OR AMOUNT_INCL <> 0 OR ELIGIBLE_AMOUNT <> 0)")
          .getResultList()) {
        maintained.put(key(r), sums(r));
      }
      assertThat(maintained).as(when).isEqualTo(ledger);
      ExpenseRepository repo = new ExpenseRepository(em);
      List<ExpenseFilter> filters = List.of(ExpenseFilter.none(),
          new ExpenseFilter(actions.get(1), null, null, null, null, null, null, null, null),
          new ExpenseFilter(null, categories.get(0), pia, null, 2024, null, null, null, null),
          new ExpenseFilter(null, null, null, ExpenseStatus.PAID, null, null, null, null, null),
          new ExpenseFilter(actions.get(0), null, null, ExpenseStatus.COMMITTED, 2023, null, null, null, null));
      for (ExpenseFilter f : filters) {
        assertThat(repo.totals(grantId, f)).as(when + " " + f).isEqualTo(repo.scanned(grantId, f));
      }
    });
  }

  private static String key(Object[] r) {
    return r[0] + "/" + r[1] + "/" + r[2] + "/" + r[3] + "/" + r[4] + "/" + r[5];
  }

  private static String sums(Object[] r) {
    return ((Number) r[6]).longValue() + " " + money(r[7]) + " " + money(r[8]) + " " + money(r[9]) + " " + money(r[10]);
  }

  private static String money(Object o) {
    return new BigDecimal(o.toString()).setScale(2).toPlainString();
  }
}
