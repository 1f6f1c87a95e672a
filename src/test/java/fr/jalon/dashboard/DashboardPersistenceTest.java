package fr.jalon.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import fr.jalon.dashboard.Dashboard.Figures;
import fr.jalon.dashboard.Dashboard.LineFigures;
import fr.jalon.dashboard.Dashboard.YearFigures;
import fr.jalon.dashboard.DashboardFigures.Cell;
import fr.jalon.dashboard.DashboardFigures.Label;
import fr.jalon.execution.ExecutionFigures;
import fr.jalon.execution.ExecutionFigures.Scope;
import fr.jalon.expense.ExpenseFilter;
import fr.jalon.expense.ExpenseGenerator;
import fr.jalon.expense.ExpenseRepository;
import fr.jalon.expense.ExpenseStatus;
import fr.jalon.grant.Cofunding;
import fr.jalon.grant.FunderKind;
import fr.jalon.grant.FundingNature;
import fr.jalon.grant.Grant;
import fr.jalon.grant.GrantChange;
import fr.jalon.grant.LegalForm;
import fr.jalon.grant.Organisation;
import fr.jalon.grant.ParameterValues;
import fr.jalon.plan.Action;
import fr.jalon.plan.BudgetLine;
import fr.jalon.plan.BudgetVersion;
import fr.jalon.plan.CostCategory;
import fr.jalon.plan.PlanRepository;
import fr.jalon.platform.StoredFile;
import fr.jalon.platform.TestDatabase;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's figures against the ledger on generated data: every total, every category, every
 * action and every year equals, to the cent, the sum of the expense lines behind it (a paid line in
 * its payment year), the expense list's total for the filter a figure links to, and the plan's
 * lines for the planned amounts.
 */
class DashboardPersistenceTest {
  static final LocalDate START = LocalDate.of(2020, 9, 1);
  static final LocalDate END = LocalDate.of(2029, 12, 31);
  static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

  static TestDatabase db;
  static long grantId;
  static long versionId;
  static List<Integer> years;
  static List<Label> categories;
  static List<Label> actions;
  static BigDecimal receivedIn2022;

  @BeforeAll
  static void generate() {
    db = new TestDatabase();
    db.run(em -> {
      Grant g = new Grant(new GrantChange("PIA3-DASH", "Campus", "PIA 3", "CDC", "MENJ", LocalDate.of(2020, 9, 28), START, END, new BigDecimal("2000000.00"),
          new BigDecimal("5000000.00"), ParameterValues.defaults(), null), new Organisation("Lycée", null, LegalForm.EPLE, false));
      em.persist(g.beneficiary());
      em.persist(g);
      List<CostCategory> cats = CostCategory.defaults(g);
      cats.forEach(em::persist);
      Action axis = new Action(g, null, "A1", "Plateau technique", null, null, START, END);
      em.persist(axis);
      List<Action> subs = new ArrayList<>();
      for (int i = 1; i <= 6; i++) {
        Action a = new Action(g, axis, "A1." + i, "Sous-action " + i, null, null, START, END);
        em.persist(a);
        subs.add(a);
      }
      Organisation cdc = new Organisation("Caisse des Dépôts", null, LegalForm.PUBLIC_BODY, false);
      em.persist(cdc);
      Cofunding pia = new Cofunding(g, cdc, FunderKind.PIA, FundingNature.CASH, new BigDecimal("2000000.00"));
      em.persist(pia);
      Organisation regionOrg = new Organisation("Région", null, LegalForm.LOCAL_AUTHORITY, false);
      em.persist(regionOrg);
      Cofunding region = new Cofunding(g, regionOrg, FunderKind.REGION, FundingNature.CASH, new BigDecimal("1500000.00"));
      em.persist(region);
      em.persist(region.receive(LocalDate.of(2022, 3, 1), new BigDecimal("100000.10"), "R1"));
      em.persist(region.receive(LocalDate.of(2022, 10, 1), new BigDecimal("50000.05"), "R2"));
      em.persist(region.receive(LocalDate.of(2023, 10, 1), new BigDecimal("70000.00"), "R3"));
      receivedIn2022 = new BigDecimal("150000.15");
      BudgetVersion v = new BudgetVersion(g, 1, "Budget initial", null, LocalDateTime.of(2020, 9, 1, 9, 0), "admin");
      em.persist(v);
      Random random = new Random(8);
      for (Action a : subs) {
        for (CostCategory c : cats) {
          if (!c.eligible() || c.flatRate()) {
            continue;
          }
          for (int y : g.years()) {
            em.persist(new BudgetLine(v, a, c, random.nextBoolean() ? pia : region, y, new BigDecimal(random.nextInt(2_000_000)).movePointLeft(2)));
          }
        }
      }
      v.approve(START, "admin", null);
      em.createNativeQuery("INSERT INTO STORED_FILE (STORAGE_NAME, ORIGINAL_NAME, CONTENT_TYPE, SIZE_BYTES, SHA256, STORED_AT, STORED_BY)"
          + " VALUES ('x', 'facture.pdf', 'application/pdf', 10, '" + "0".repeat(64) + "', CURRENT_TIMESTAMP, 'test')").executeUpdate();
      StoredFile file = em.createQuery("SELECT f FROM StoredFile f", StoredFile.class).getSingleResult();
      ExpenseGenerator.generate(em, g, file, TODAY, 2500, new BigDecimal("1800000.00"), 20261129L);
    });
    db.run(em -> {
      Grant g = em.createQuery("SELECT g FROM Grant g", Grant.class).getSingleResult();
      grantId = g.id();
      years = g.years();
      PlanRepository plan = new PlanRepository(em);
      versionId = plan.inForce(grantId).orElseThrow().id();
      categories = plan.categories(grantId).stream().map(c -> new Label(c.id(), c.code(), c.label())).toList();
      actions = plan.actions(grantId, false).stream().map(a -> new Label(a.id(), a.code(), a.title())).toList();
    });
  }

  @AfterAll
  static void stop() {
    db.close();
  }

  static List<Cell> cells() {
    return db.inTransaction(em -> DashboardFigures.cells(new ExecutionFigures(em).figures(grantId, versionId, Scope.all(), DashboardFigures.AXES)));
  }

  /** One visible expense line as the ledger holds it. */
  record Line(long actionId, long categoryId, ExpenseStatus status, int ownYear, LocalDate paidOn, BigDecimal eligible) {
    /** A paid line counts in its payment year, any other in its own year. */
    int year() {
      return status == ExpenseStatus.PAID && paidOn != null ? paidOn.getYear() : ownYear;
    }
  }

  /** The ledger: every visible expense line, read one by one (what the dashboard never does). */
  static List<Line> ledger() {
    return db.inTransaction(em -> em.createQuery("SELECT e.action.id, e.category.id, e.status, e.year, e.paidOn, e.eligibleAmount FROM Expense e WHERE e.grant.id = :g"
            + " AND (e.importId IS NULL OR e.importId IN (SELECT i.id FROM AccountingImport i WHERE i.status = fr.jalon.accounting.ImportStatus.CONFIRMED))", Object[].class)
        .setParameter("g", grantId)
        .getResultStream()
        .map(r -> new Line((Long) r[0], (Long) r[1], (ExpenseStatus) r[2], (Integer) r[3], (LocalDate) r[4], (BigDecimal) r[5]))
        .toList());
  }

  static void assertMatchesLedger(String what, Figures f, Predicate<Line> which) {
    List<Line> lines = ledger().stream().filter(which).toList();
    BigDecimal committed = sum(lines.stream().filter(l -> l.status().committed()).map(Line::eligible));
    BigDecimal paid = sum(lines.stream().filter(l -> l.status() == ExpenseStatus.PAID).map(Line::eligible));
    assertThat(f.committed()).as(what + " committed").isEqualTo(committed);
    assertThat(f.paid()).as(what + " paid").isEqualTo(paid);
    assertThat(f.stillToPay()).as(what + " still to pay").isEqualTo(committed.subtract(paid));
  }

  /** The expense list's totals for a filter (what a dashboard link opens), scanned over the lines. */
  static BigDecimal listTotal(ExpenseFilter filter) {
    return db.inTransaction(em -> new ExpenseRepository(em).scanned(grantId, filter).eligibleAmount());
  }

  @Test
  void theTotalsEqualTheLedgerToTheCent() {
    Figures total = DashboardFigures.total(cells());
    assertMatchesLedger("total", total, l -> true);
    assertThat(total.paid()).isEqualTo(listTotal(new ExpenseFilter(null, null, null, ExpenseStatus.PAID, null, null, null, null, null)));
    assertThat(total.paid().signum()).isPositive();
    BigDecimal planned = db.inTransaction(em -> new PlanRepository(em).total(versionId));
    assertThat(total.planned()).isEqualTo(planned.setScale(2));
    assertThat(total.available()).isEqualTo(planned.subtract(total.committed()));
  }

  @Test
  void eachCategoryAndEachActionEqualsItsLinesInTheExpenseList() {
    List<Cell> cells = cells();
    List<LineFigures> byCategory = DashboardFigures.lines(cells, categories, Cell::categoryId, false);
    assertThat(byCategory).hasSize(categories.size());
    for (LineFigures l : byCategory) {
      assertMatchesLedger(l.code(), l.figures(), line -> line.categoryId() == l.id());
      assertThat(l.figures().paid()).as("the list a paid figure opens").isEqualTo(listTotal(new ExpenseFilter(null, l.id(), null, ExpenseStatus.PAID, null, null, null, null, null)));
    }
    List<LineFigures> byAction = DashboardFigures.lines(cells, actions, Cell::actionId, true);
    assertThat(byAction).extracting(LineFigures::code).containsExactly("A1.1", "A1.2", "A1.3", "A1.4", "A1.5", "A1.6");
    for (LineFigures l : byAction) {
      assertMatchesLedger(l.code(), l.figures(), line -> line.actionId() == l.id());
      assertThat(l.figures().paid()).as("the list a paid figure opens").isEqualTo(listTotal(new ExpenseFilter(l.id(), null, null, ExpenseStatus.PAID, null, null, null, null, null)));
    }
    Figures total = DashboardFigures.total(cells);
    assertThat(sum(byCategory.stream().map(l -> l.figures().paid()))).isEqualTo(total.paid());
    assertThat(sum(byAction.stream().map(l -> l.figures().committed()))).isEqualTo(total.committed());
    assertThat(sum(byAction.stream().map(l -> l.figures().planned()))).isEqualTo(total.planned());
  }

  @Test
  void eachYearEqualsItsLinesAndTheMoneyReceivedThatYear() {
    Map<Integer, BigDecimal> received = db.inTransaction(em -> new DashboardRepository(em).receivedByYear(grantId));
    List<YearFigures> byYear = DashboardFigures.years(cells(), years, received);
    assertThat(byYear).extracting(YearFigures::year).containsExactlyElementsOf(years);
    for (YearFigures y : byYear) {
      BigDecimal zero = BigDecimal.ZERO.setScale(2);
      assertMatchesLedger(String.valueOf(y.year()), Dashboard.Figures.of(y.planned(), y.committed(), y.paid(), zero, zero), line -> line.year() == y.year());
    }
    assertThat(byYear.stream().filter(y -> y.year() == 2022).findFirst().orElseThrow().received()).isEqualTo(receivedIn2022);
    assertThat(byYear.stream().filter(y -> y.year() == 2021).findFirst().orElseThrow().received()).isEqualTo(new BigDecimal("0.00"));
    BigDecimal plannedByYear = sum(byYear.stream().map(YearFigures::planned));
    assertThat(plannedByYear).isEqualTo(DashboardFigures.total(cells()).planned());
  }

  @Test
  void theCellsAreBoundedByTheGrantsShapeNotByItsExpenses() {
    long expenses = db.inTransaction(em -> em.createQuery("SELECT COUNT(e) FROM Expense e", Long.class).getSingleResult());
    assertThat(cells().size()).isLessThanOrEqualTo(years.size() * categories.size() * actions.size()).isLessThan((int) expenses);
  }

  private static BigDecimal sum(java.util.stream.Stream<BigDecimal> amounts) {
    return amounts.reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
  }

}
