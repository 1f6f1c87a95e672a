package fr.jalon.plan;

import fr.jalon.plan.PlanRecords.ActionRow;
import fr.jalon.plan.PlanRecords.CategoryRow;
import fr.jalon.plan.PlanRecords.Cell;
import fr.jalon.plan.PlanRecords.DecisionRow;
import fr.jalon.plan.PlanRecords.VersionRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The plan's and the budget's queries: projections and aggregates, no entity graphs. */
@ApplicationScoped
public class PlanRepository {
  @PersistenceContext EntityManager em;

  protected PlanRepository() {}

  /** Outside the container (persistence tests, the bench). */
  public PlanRepository(EntityManager em) {
    this.em = em;
  }

  public List<ActionRow> actions(long grantId) {
    return actions(grantId, true);
  }

  /** The plan; {@code withBudgetFlag} false skips the scan of budget lines (the grid does not need it). */
  public List<ActionRow> actions(long grantId, boolean withBudgetFlag) {
    List<Object[]> rows = em.createQuery(
            "SELECT a.id, p.id, a.code, a.title, a.description, o.id, o.name, a.startDate, a.endDate, a.closed, a.version"
                + " FROM Action a LEFT JOIN a.parent p LEFT JOIN a.leadOrganisation o WHERE a.grant.id = :g ORDER BY a.code", Object[].class)
        .setParameter("g", grantId)
        .getResultList();
    Set<Long> withBudget = !withBudgetFlag ? Set.of() : new HashSet<>(em.createQuery("SELECT DISTINCT l.action.id FROM BudgetLine l WHERE l.budgetVersion.grant.id = :g", Long.class)
        .setParameter("g", grantId).getResultList());
    Map<Long, Long> parentOf = new HashMap<>();
    rows.forEach(r -> parentOf.put((Long) r[0], (Long) r[1]));
    List<ActionRow> result = new ArrayList<>();
    for (Object[] r : rows) {
      int depth = 1;
      for (Long p = (Long) r[1]; p != null; p = parentOf.get(p)) {
        depth++;
      }
      result.add(new ActionRow((Long) r[0], (Long) r[1], (String) r[2], (String) r[3], (String) r[4], (Long) r[5], (String) r[6], (java.time.LocalDate) r[7],
          (java.time.LocalDate) r[8], (Boolean) r[9], (Integer) r[10], depth, withBudget.contains((Long) r[0])));
    }
    return result;
  }

  public boolean codeTaken(long grantId, String code, Long exceptId) {
    return !em.createQuery("SELECT a.id FROM Action a WHERE a.grant.id = :g AND UPPER(a.code) = :c AND a.id <> :id", Long.class)
        .setParameter("g", grantId).setParameter("c", code.trim().toUpperCase(java.util.Locale.ROOT)).setParameter("id", exceptId == null ? -1L : exceptId)
        .setMaxResults(1).getResultList().isEmpty();
  }

  /** Budget lines in any version planned on the action (later: its expenses too). */
  public long budgetLinesOf(long actionId) {
    return em.createQuery("SELECT COUNT(l) FROM BudgetLine l WHERE l.action.id = :a", Long.class).setParameter("a", actionId).getSingleResult();
  }

  public long childrenOf(long actionId) {
    return em.createQuery("SELECT COUNT(a) FROM Action a WHERE a.parent.id = :a", Long.class).setParameter("a", actionId).getSingleResult();
  }

  public List<CategoryRow> categories(long grantId) {
    return em.createQuery("SELECT new fr.jalon.plan.PlanRecords$CategoryRow(c.id, c.code, c.label, c.eligible, c.flatRate, c.accountPrefixes, c.sortOrder, c.version)"
            + " FROM CostCategory c WHERE c.grant.id = :g ORDER BY c.sortOrder, c.code", CategoryRow.class)
        .setParameter("g", grantId).getResultList();
  }

  public List<VersionRow> versions(long grantId) {
    return em.createQuery("SELECT new fr.jalon.plan.PlanRecords$VersionRow(v.id, v.number, v.label, v.status, b.number, v.createdAt, v.createdBy, v.approvedOn,"
            + " v.approvedBy, d.reference, v.version) FROM BudgetVersion v LEFT JOIN v.basedOn b LEFT JOIN v.decision d WHERE v.grant.id = :g ORDER BY v.number DESC",
            VersionRow.class)
        .setParameter("g", grantId).getResultList();
  }

  public Optional<VersionRow> version(long versionId) {
    return em.createQuery("SELECT new fr.jalon.plan.PlanRecords$VersionRow(v.id, v.number, v.label, v.status, b.number, v.createdAt, v.createdBy, v.approvedOn,"
            + " v.approvedBy, d.reference, v.version) FROM BudgetVersion v LEFT JOIN v.basedOn b LEFT JOIN v.decision d WHERE v.id = :v", VersionRow.class)
        .setParameter("v", versionId).getResultStream().findFirst();
  }

  /**
   * Every stored cell of a version, in one query on the version's index. Native SQL into records:
   * the grid's largest read (25,200 cells at the size of issue 4) skips the entity layer entirely.
   */
  public List<Cell> cells(long versionId) {
    List<?> rows = em.createNativeQuery("SELECT ACTION_ID, CATEGORY_ID, COFUNDING_ID, BUDGET_YEAR, AMOUNT FROM BUDGET_LINE WHERE BUDGET_VERSION_ID = ?")
        .setParameter(1, versionId).getResultList();
    List<Cell> cells = new ArrayList<>(rows.size());
    for (Object o : rows) {
      Object[] r = (Object[]) o;
      cells.add(new Cell(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), ((Number) r[2]).longValue(), ((Number) r[3]).intValue(), (BigDecimal) r[4]));
    }
    return cells;
  }

  /** The grand total of a version, summed by the database. */
  public BigDecimal total(long versionId) {
    BigDecimal sum = em.createQuery("SELECT SUM(l.amount) FROM BudgetLine l WHERE l.budgetVersion.id = :v", BigDecimal.class)
        .setParameter("v", versionId).getSingleResult();
    return sum == null ? BigDecimal.ZERO.setScale(2) : sum;
  }

  /** The total of the lines in eligible categories: rule 8's planned eligible cost once approved. */
  public BigDecimal eligibleTotal(long versionId) {
    BigDecimal sum = em.createQuery("SELECT SUM(l.amount) FROM BudgetLine l WHERE l.budgetVersion.id = :v AND l.category.eligible = TRUE", BigDecimal.class)
        .setParameter("v", versionId).getSingleResult();
    return sum == null ? BigDecimal.ZERO.setScale(2) : sum;
  }

  /** Totals per year, summed by the database. */
  public Map<Integer, BigDecimal> yearTotals(long versionId) {
    Map<Integer, BigDecimal> result = new HashMap<>();
    em.createQuery("SELECT l.year, SUM(l.amount) FROM BudgetLine l WHERE l.budgetVersion.id = :v GROUP BY l.year", Object[].class)
        .setParameter("v", versionId).getResultList().forEach(r -> result.put((Integer) r[0], (BigDecimal) r[1]));
    return result;
  }

  public List<Fungibility.Total> categoryTotals(long versionId) {
    return em.createQuery("SELECT c.code, c.label, SUM(l.amount), c.sortOrder FROM BudgetLine l JOIN l.category c WHERE l.budgetVersion.id = :v"
            + " GROUP BY c.code, c.label, c.sortOrder ORDER BY c.sortOrder", Object[].class)
        .setParameter("v", versionId).getResultList().stream()
        .map(r -> new Fungibility.Total((String) r[0], (String) r[1], (BigDecimal) r[2])).toList();
  }

  public List<Fungibility.Total> actionTotals(long versionId) {
    return em.createQuery("SELECT a.code, a.title, SUM(l.amount) FROM BudgetLine l JOIN l.action a WHERE l.budgetVersion.id = :v GROUP BY a.code, a.title ORDER BY a.code",
            Object[].class)
        .setParameter("v", versionId).getResultList().stream()
        .map(r -> new Fungibility.Total((String) r[0], (String) r[1], (BigDecimal) r[2])).toList();
  }

  /** Per action × category: code, title, category code, total. */
  public List<Object[]> actionCategoryTotals(long versionId) {
    return em.createQuery("SELECT a.code, a.title, c.code, SUM(l.amount), c.sortOrder FROM BudgetLine l JOIN l.action a JOIN l.category c WHERE l.budgetVersion.id = :v"
            + " GROUP BY a.code, a.title, c.code, c.sortOrder ORDER BY a.code, c.sortOrder", Object[].class)
        .setParameter("v", versionId).getResultList();
  }

  /**
   * The budget baseline of rule 12: the version approved by the latest amendment, else the first
   * approved version; empty before any approval. The one place that reads the AMENDMENT table (its
   * entity belongs to the grant capability).
   */
  public Optional<Long> baselineVersionId(long grantId) {
    List<?> amended = em.createNativeQuery("SELECT BUDGET_VERSION_ID FROM AMENDMENT WHERE GRANT_ID = ? AND BUDGET_VERSION_ID IS NOT NULL ORDER BY NUMBER DESC")
        .setParameter(1, grantId).setMaxResults(1).getResultList();
    if (!amended.isEmpty()) {
      return Optional.of(((Number) amended.get(0)).longValue());
    }
    return em.createQuery("SELECT v.id FROM BudgetVersion v WHERE v.grant.id = :g AND v.approvedOn IS NOT NULL ORDER BY v.number", Long.class)
        .setParameter("g", grantId).setMaxResults(1).getResultStream().findFirst();
  }

  public Optional<BudgetVersion> inForce(long grantId) {
    return em.createQuery("SELECT v FROM BudgetVersion v WHERE v.grant.id = :g AND v.status = :s", BudgetVersion.class)
        .setParameter("g", grantId).setParameter("s", BudgetStatus.APPROVED).getResultStream().findFirst();
  }

  public Optional<BudgetVersion> draft(long grantId) {
    return em.createQuery("SELECT v FROM BudgetVersion v WHERE v.grant.id = :g AND v.status = :s", BudgetVersion.class)
        .setParameter("g", grantId).setParameter("s", BudgetStatus.DRAFT).getResultStream().findFirst();
  }

  public int nextNumber(long grantId) {
    Integer max = em.createQuery("SELECT MAX(v.number) FROM BudgetVersion v WHERE v.grant.id = :g", Integer.class).setParameter("g", grantId).getSingleResult();
    return max == null ? 1 : max + 1;
  }

  /** Copies every line of one version into another in one statement (a revision starts as a copy). */
  public int copyLines(long fromVersionId, long toVersionId) {
    return em.createNativeQuery("INSERT INTO BUDGET_LINE (BUDGET_VERSION_ID, ACTION_ID, CATEGORY_ID, COFUNDING_ID, BUDGET_YEAR, AMOUNT)"
            + " SELECT ?, ACTION_ID, CATEGORY_ID, COFUNDING_ID, BUDGET_YEAR, AMOUNT FROM BUDGET_LINE WHERE BUDGET_VERSION_ID = ?")
        .setParameter(1, toVersionId).setParameter(2, fromVersionId).executeUpdate();
  }

  public Optional<BudgetLine> line(long versionId, long actionId, long categoryId, long sourceId, int year) {
    return em.createQuery("SELECT l FROM BudgetLine l WHERE l.budgetVersion.id = :v AND l.action.id = :a AND l.category.id = :c AND l.cofunding.id = :s AND l.year = :y",
            BudgetLine.class)
        .setParameter("v", versionId).setParameter("a", actionId).setParameter("c", categoryId).setParameter("s", sourceId).setParameter("y", year)
        .getResultStream().findFirst();
  }

  public List<BudgetLine> rowLines(long versionId, long actionId, long categoryId, long sourceId) {
    return em.createQuery("SELECT l FROM BudgetLine l WHERE l.budgetVersion.id = :v AND l.action.id = :a AND l.category.id = :c AND l.cofunding.id = :s", BudgetLine.class)
        .setParameter("v", versionId).setParameter("a", actionId).setParameter("c", categoryId).setParameter("s", sourceId).getResultList();
  }

  /** The COPIL decisions of the grant, newest meeting first: what an approval may cite. */
  public List<DecisionRow> decisions(long grantId) {
    return em.createQuery("SELECT new fr.jalon.plan.PlanRecords$DecisionRow(d.id, d.reference, m.heldOn, d.summary) FROM CopilDecision d JOIN d.meeting m"
            + " WHERE m.grant.id = :g ORDER BY m.heldOn DESC, d.reference", DecisionRow.class)
        .setParameter("g", grantId).getResultList();
  }
}
