package fr.jalon.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.jalon.audit.AuditContext;
import fr.jalon.grant.Cofunding;
import fr.jalon.grant.FunderKind;
import fr.jalon.grant.FundingNature;
import fr.jalon.grant.Grant;
import fr.jalon.grant.Organisation;
import fr.jalon.plan.PlanRecords.Grid;
import fr.jalon.plan.PlanRecords.Source;
import fr.jalon.platform.RuleViolation;
import fr.jalon.platform.TestDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The plan and the budget against the real schema: grid totals to the cent, refused deletes, the baseline of rule 12. */
class PlanPersistenceTest {
  static TestDatabase db;

  @BeforeAll
  static void start() {
    db = new TestDatabase();
    AuditContext.actorResolver(() -> "testeur");
  }

  @AfterAll
  static void stop() {
    AuditContext.actorResolver(() -> AuditContext.SYSTEM);
    db.close();
  }

  record Fixture(long grantId, List<Long> actions, List<Long> categories, List<Long> sources, long versionId) {}

  /** A grant with {@code actions} actions, the default categories, {@code sources} funding lines and a draft v1. */
  static Fixture fixture(String reference, int actions, int sources) {
    return db.inTransaction(em -> {
      Grant g = BudgetVersionTest.grant("G-" + reference);
      em.persist(g.beneficiary());
      em.persist(g);
      List<Long> actionIds = new ArrayList<>();
      Action axis = null;
      for (int i = 1; i <= actions; i++) {
        Action a = new Action(g, i == 1 ? null : axis, i == 1 ? reference + "-A" : reference + "-A." + i, "Action " + i, null, null, LocalDate.of(2020, 1, 1),
            LocalDate.of(2029, 12, 31));
        em.persist(a);
        if (i == 1) {
          axis = a;
        }
        actionIds.add(a.id() == null ? null : a.id());
      }
      List<Long> sourceIds = new ArrayList<>();
      for (int i = 0; i < sources; i++) {
        Organisation o = new Organisation("Financeur " + i, null, LegalForm(), false);
        em.persist(o);
        Cofunding c = new Cofunding(g, o, i == 0 ? FunderKind.PIA : FunderKind.COMPANY, FundingNature.CASH, new BigDecimal("1000000"));
        em.persist(c);
        em.flush();
        sourceIds.add(c.id());
      }
      List<Long> categoryIds = new ArrayList<>();
      for (CostCategory c : CostCategory.defaults(g)) {
        em.persist(c);
      }
      BudgetVersion v = new BudgetVersion(g, 1, "Budget initial", null, LocalDateTime.now(), "projet");
      em.persist(v);
      em.flush();
      List<Long> ids = em.createQuery("SELECT a.id FROM Action a WHERE a.grant.id = :g ORDER BY a.id", Long.class).setParameter("g", g.id()).getResultList();
      categoryIds.addAll(em.createQuery("SELECT c.id FROM CostCategory c WHERE c.grant.id = :g ORDER BY c.sortOrder", Long.class).setParameter("g", g.id()).getResultList());
      return new Fixture(g.id(), ids, categoryIds, sourceIds, v.id());
    });
  }

  private static fr.jalon.grant.LegalForm LegalForm() {
    return fr.jalon.grant.LegalForm.COMPANY;
  }

  /** Plain JDBC, as the bench generator writes: amounts with cents that do not add up round. */
  static long insertLines(Fixture f, int categories, int years) throws Exception {
    long n = 0;
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement("INSERT INTO BUDGET_LINE (BUDGET_VERSION_ID, ACTION_ID, CATEGORY_ID, COFUNDING_ID, BUDGET_YEAR, AMOUNT) VALUES (?,?,?,?,?,?)")) {
      c.setAutoCommit(false);
      for (long a : f.actions()) {
        for (int k = 0; k < categories; k++) {
          for (long s : f.sources()) {
            for (int y = 2020; y < 2020 + years; y++) {
              ps.setLong(1, f.versionId());
              ps.setLong(2, a);
              ps.setLong(3, f.categories().get(k));
              ps.setLong(4, s);
              ps.setInt(5, y);
              ps.setBigDecimal(6, new BigDecimal((a * 7919 + k * 104729 + s * 31 + y * 17) % 100000).movePointLeft(2).add(new BigDecimal("123.45")));
              ps.addBatch();
              n++;
            }
          }
        }
      }
      ps.executeBatch();
      c.commit();
    }
    return n;
  }

  static Grid grid(Fixture f) {
    return db.inTransaction(em -> {
      PlanRepository r = new PlanRepository(em);
      Grant g = em.find(Grant.class, f.grantId());
      List<Source> sources = f.sources().stream().map(id -> new Source(id, "S" + id, "X")).toList();
      return GridBuilder.build(r.version(f.versionId()).orElseThrow(), g.years(), r.actions(f.grantId(), false), r.categories(f.grantId()), sources, r.cells(f.versionId()), true);
    });
  }

  @Test
  void theGridsTotalsEqualTheSumOfItsLinesToTheCent() throws Exception {
    Fixture f = fixture("TOT", 4, 3);
    insertLines(f, 6, 10);
    Grid grid = grid(f);
    BigDecimal sqlTotal = db.inTransaction(em -> new PlanRepository(em).total(f.versionId()));
    var sqlYears = db.inTransaction(em -> new PlanRepository(em).yearTotals(f.versionId()));
    assertThat(grid.lineCount()).isEqualTo(4 * 6 * 3);
    assertThat(grid.total()).isEqualByComparingTo(sqlTotal);
    for (int i = 0; i < grid.years().size(); i++) {
      assertThat(grid.yearTotals()[i]).as("year %s", grid.years().get(i)).isEqualByComparingTo(sqlYears.get(grid.years().get(i)));
    }
    BigDecimal groups = grid.groups().stream().map(PlanRecords.GridGroup::total).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal rows = grid.groups().stream().flatMap(g -> g.rows().stream()).map(PlanRecords.GridRow::total).reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(groups).isEqualByComparingTo(sqlTotal);
    assertThat(rows).isEqualByComparingTo(sqlTotal);
    BigDecimal byCategory = db.inTransaction(em -> new PlanRepository(em).categoryTotals(f.versionId())).stream().map(Fungibility.Total::amount).reduce(BigDecimal.ZERO,
        BigDecimal::add);
    assertThat(byCategory).isEqualByComparingTo(sqlTotal);
    // Eligible total leaves out an ineligible category.
    db.run(em -> em.find(CostCategory.class, f.categories().get(0)).edit("PERS", "Personnel", false, "641"));
    BigDecimal eligible = db.inTransaction(em -> new PlanRepository(em).eligibleTotal(f.versionId()));
    BigDecimal pers = db.inTransaction(em -> new PlanRepository(em).categoryTotals(f.versionId())).get(0).amount();
    assertThat(eligible).isEqualByComparingTo(sqlTotal.subtract(pers));
  }

  @Test
  void anActionWithBudgetLinesCannotBeDeletedAndTheRefusalSaysWhy() throws Exception {
    Fixture f = fixture("DEL", 3, 1);
    insertLines(f, 1, 2);
    long withBudget = f.actions().get(1);
    assertThatThrownBy(() -> db.run(em -> service(em).delete(withBudget)))
        .isInstanceOf(RuleViolation.class)
        .hasMessageContaining("ne peut pas être supprimée").hasMessageContaining("2 ligne(s) de budget").hasMessageContaining("Clôturez-la");
    db.run(em -> service(em).close(withBudget));
    boolean closed = db.inTransaction(em -> em.find(Action.class, withBudget).closed());
    assertThat(closed).isTrue();
    // An axis with sub-actions is refused too; a bare action goes.
    assertThatThrownBy(() -> db.run(em -> service(em).delete(f.actions().get(0)))).isInstanceOf(RuleViolation.class);
    long bare = db.inTransaction(em -> {
      Action a = new Action(em.find(Grant.class, f.grantId()), null, "DEL-B", "Sans budget", null, null, LocalDate.of(2021, 1, 1), LocalDate.of(2022, 1, 1));
      em.persist(a);
      em.flush();
      return a.id();
    });
    db.run(em -> service(em).delete(bare));
    Action gone = db.inTransaction(em -> em.find(Action.class, bare));
    assertThat(gone).isNull();
  }

  private static ActionService service(jakarta.persistence.EntityManager em) {
    ActionService s = new ActionService() {
      @Override
      public PlanRecords.ActionRow close(long id) {
        find(id).close();
        return null;
      }
    };
    s.em = em;
    s.repository = new PlanRepository(em);
    return s;
  }

  @Test
  void codesAreUniqueWithinTheGrant() {
    Fixture f = fixture("UNI", 2, 1);
    boolean taken = db.inTransaction(em -> new PlanRepository(em).codeTaken(f.grantId(), "uni-a", null));
    boolean takenByItself = db.inTransaction(em -> new PlanRepository(em).codeTaken(f.grantId(), "UNI-A", f.actions().get(0)));
    assertThat(taken).isTrue();
    assertThat(takenByItself).isFalse();
  }

  @Test
  void aRevisionCopiesTheLinesAndTheBaselineIsTheFirstApprovedVersionUntilAnAmendment() throws Exception {
    Fixture f = fixture("REV", 2, 2);
    insertLines(f, 2, 3);
    java.util.Optional<Long> none = db.inTransaction(em -> new PlanRepository(em).baselineVersionId(f.grantId()));
    assertThat(none).isEmpty();
    db.run(em -> em.find(BudgetVersion.class, f.versionId()).approve(LocalDate.of(2020, 6, 1), "admin", null));
    long v2 = db.inTransaction(em -> {
      BudgetVersion base = em.find(BudgetVersion.class, f.versionId());
      BudgetVersion draft = new BudgetVersion(base.grant(), 2, "Révision", base, LocalDateTime.now(), "projet");
      em.persist(draft);
      em.flush();
      new PlanRepository(em).copyLines(base.id(), draft.id());
      return draft.id();
    });
    BigDecimal copied = db.inTransaction(em -> new PlanRepository(em).total(v2));
    BigDecimal original = db.inTransaction(em -> new PlanRepository(em).total(f.versionId()));
    java.util.Optional<Long> baseline = db.inTransaction(em -> new PlanRepository(em).baselineVersionId(f.grantId()));
    assertThat(copied).isEqualByComparingTo(original);
    assertThat(baseline).contains(f.versionId());
    // An approved version refuses a line change at flush time too.
    assertThatThrownBy(() -> db.run(em -> em.createQuery("SELECT l FROM BudgetLine l WHERE l.budgetVersion.id = :v", BudgetLine.class)
        .setParameter("v", f.versionId()).setMaxResults(1).getSingleResult().plan(BigDecimal.ONE))).isInstanceOf(RuleViolation.class);
  }

  @Test
  void afterAnAmendmentTheBaselineIsTheVersionItApproved() throws Exception {
    Fixture f = fixture("AMD", 2, 1);
    insertLines(f, 1, 2);
    db.run(em -> em.find(BudgetVersion.class, f.versionId()).approve(LocalDate.of(2020, 6, 1), "admin", null));
    long v2 = db.inTransaction(em -> {
      BudgetVersion base = em.find(BudgetVersion.class, f.versionId());
      BudgetVersion draft = new BudgetVersion(base.grant(), 2, "Révision", base, LocalDateTime.now(), "projet");
      em.persist(draft);
      em.flush();
      new PlanRepository(em).copyLines(base.id(), draft.id());
      base.supersede();
      draft.approve(LocalDate.of(2022, 6, 1), "admin", null);
      return draft.id();
    });
    java.util.Optional<Long> before = db.inTransaction(em -> new PlanRepository(em).baselineVersionId(f.grantId()));
    assertThat(before).contains(f.versionId());
    long decision = db.inTransaction(em -> {
      fr.jalon.grant.CopilMeeting m = new fr.jalon.grant.CopilMeeting(em.find(Grant.class, f.grantId()), LocalDate.of(2022, 5, 1), "COPIL", "Tous");
      fr.jalon.grant.CopilDecision d = m.decide("AMD-COPIL-1", fr.jalon.grant.DecisionSubject.AMENDMENT, null, "Avenant 1", null);
      em.persist(m);
      em.flush();
      return d.id();
    });
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement("INSERT INTO AMENDMENT (GRANT_ID, NUMBER, SIGNED_ON, EFFECTIVE_FROM, OBJECT, DECISION_ID, BUDGET_VERSION_ID) VALUES (?,?,?,?,?,?,?)")) {
      ps.setLong(1, f.grantId());
      ps.setInt(2, 1);
      ps.setDate(3, java.sql.Date.valueOf("2022-06-15"));
      ps.setDate(4, java.sql.Date.valueOf("2022-07-01"));
      ps.setString(5, "Avenant n° 1 : budget révisé");
      ps.setLong(6, decision);
      ps.setLong(7, v2);
      ps.executeUpdate();
    }
    java.util.Optional<Long> after = db.inTransaction(em -> new PlanRepository(em).baselineVersionId(f.grantId()));
    assertThat(after).contains(v2);
  }

  /**
   * The size of issue 4: 60 actions × 7 categories × 6 sources × 10 years = 25,200 lines. Prints
   * the time to read and lay out the grid (the server part of the budget page and GET
   * /api/budget/versions/{id}), warm, median of 15.
   */
  @Test
  void theWholeGridAtFullSizeIsReadQuickly() throws Exception {
    Fixture f = fixture("BIG", 60, 6);
    long lines = insertLines(f, 7, 10);
    assertThat(lines).isEqualTo(25_200);
    List<Long> times = new ArrayList<>();
    Grid grid = null;
    for (int i = 0; i < 15; i++) {
      long t0 = System.nanoTime();
      grid = grid(f);
      times.add((System.nanoTime() - t0) / 1_000_000);
    }
    times.sort(null);
    System.out.printf("Budget grid, %d lines (%d rows): median %d ms, max %d ms%n", lines, grid.lineCount(), times.get(7), times.get(14));
    assertThat(grid.lineCount()).isEqualTo(60 * 7 * 6);
    assertThat(times.get(7)).isLessThan(1500);
  }
}
