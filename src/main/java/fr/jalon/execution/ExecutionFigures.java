package fr.jalon.execution;

import static fr.jalon.platform.Roles.ADMIN;
import static fr.jalon.platform.Roles.BOARD;
import static fr.jalon.platform.Roles.FINANCE;
import static fr.jalon.platform.Roles.PROJECT_MANAGER;

import fr.jalon.grant.GrantService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Budget execution figures: planned / committed / paid / declared / accepted eligible amounts, with
 * still to pay, available, consumption rate and the over-budget flag on each {@link Figure}.
 *
 * <p>API (all reads, every role):
 *
 * <ul>
 *   <li>{@link #figures(Scope, Set)} — one {@link Figure} per group of the chosen {@link Axis axes}
 *       (action, category, funding source, year; empty set: the whole grant in one figure),
 *       narrowed to a {@link Scope} (each coordinate null: any);
 *   <li>{@link #total(Scope)} — the one figure of a scope (e.g. {@code Scope.all()}: the grant);
 *   <li>{@link #byAction()}, {@link #byCategory()}, {@link #byYear()} — the usual roll-ups;
 *   <li>{@link #ofAction(long)} — one action per category, for its page;
 *   <li>{@link #against(long, Scope, Set)} — planned from a given budget version instead;
 *   <li>{@link #figures(long, Long, Scope, Set)} — the same for a grant and a given budget version
 *       (null: the one in force), outside the container too.
 * </ul>
 *
 * <p>Planned is the approved budget version in force (zero everywhere before the first approval).
 * Committed: expenses past the draft and not cancelled; paid: paid and beyond (declared, verdicts);
 * declared: in a submitted statement, with or without a verdict; accepted: the eligible amount the
 * operator retained. A figure's year is the budget line's year, and for expenses the payment year
 * once paid, else the expense's own year (package-info). Every number comes from one aggregate
 * query over the budget lines and the maintained totals ({@link ExecutionTotals}), never from
 * loading an expense: the cost grows with the number of groups.
 */
@ApplicationScoped
public class ExecutionFigures {
  /** What figures may be grouped on. */
  public enum Axis {
    ACTION,
    CATEGORY,
    SOURCE,
    YEAR
  }

  /** What the figures are narrowed to; each coordinate null: any. */
  public record Scope(Long actionId, Long categoryId, Long sourceId, Integer year) implements java.io.Serializable {
    public static Scope all() {
      return new Scope(null, null, null, null);
    }

    public static Scope action(long actionId) {
      return new Scope(actionId, null, null, null);
    }
  }

  @PersistenceContext EntityManager em;
  @Inject GrantService grants;

  protected ExecutionFigures() {}

  /** Outside the container (persistence tests, the bench). */
  public ExecutionFigures(EntityManager em) {
    this.em = em;
  }

  @RolesAllowed({ADMIN, PROJECT_MANAGER, FINANCE, BOARD})
  public List<Figure> figures(Scope scope, Set<Axis> axes) {
    return figures(grants.grant().id(), null, scope, axes);
  }

  @RolesAllowed({ADMIN, PROJECT_MANAGER, FINANCE, BOARD})
  public Figure total(Scope scope) {
    return figures(scope, EnumSet.noneOf(Axis.class)).get(0);
  }

  @RolesAllowed({ADMIN, PROJECT_MANAGER, FINANCE, BOARD})
  public List<Figure> byAction() {
    return figures(Scope.all(), EnumSet.of(Axis.ACTION));
  }

  @RolesAllowed({ADMIN, PROJECT_MANAGER, FINANCE, BOARD})
  public List<Figure> byCategory() {
    return figures(Scope.all(), EnumSet.of(Axis.CATEGORY));
  }

  @RolesAllowed({ADMIN, PROJECT_MANAGER, FINANCE, BOARD})
  public List<Figure> byYear() {
    return figures(Scope.all(), EnumSet.of(Axis.YEAR));
  }

  /** The figures against a given budget version (a draft being prepared, an older one). */
  @RolesAllowed({ADMIN, PROJECT_MANAGER, FINANCE, BOARD})
  public List<Figure> against(long versionId, Scope scope, Set<Axis> axes) {
    return figures(grants.grant().id(), versionId, scope, axes);
  }

  /** One action per category (planned or spent), for the action's page. */
  @RolesAllowed({ADMIN, PROJECT_MANAGER, FINANCE, BOARD})
  public List<Figure> ofAction(long actionId) {
    return figures(Scope.action(actionId), EnumSet.of(Axis.CATEGORY));
  }

  /**
   * The figures of a grant against a budget version ({@code versionId} null: the approved version
   * in force), grouped on {@code axes} in the order action code, category order, funding source,
   * year. With no axis, exactly one figure.
   */
  public List<Figure> figures(long grantId, Long versionId, Scope scope, Set<Axis> axes) {
    long version = versionId != null ? versionId : inForce(grantId);
    Scope s = scope == null ? Scope.all() : scope;
    Set<Axis> by = axes == null || axes.isEmpty() ? EnumSet.noneOf(Axis.class) : EnumSet.copyOf(axes);
    Map<Integer, Object> params = new LinkedHashMap<>();
    params.put(1, version);
    params.put(2, grantId);
    if (s.actionId() != null) params.put(3, s.actionId());
    if (s.categoryId() != null) params.put(4, s.categoryId());
    if (s.sourceId() != null) params.put(5, s.sourceId());
    if (s.year() != null) params.put(6, s.year());
    // Each side is narrowed and summed on the chosen axes first: the union holds groups, not lines.
    String zero = "CAST(0 AS DECIMAL(17,2))";
    String planned = "SELECT " + keys("b", by) + "SUM(b.AMOUNT), " + zero + ", " + zero + ", " + zero + ", " + zero
        + " FROM BUDGET_LINE b WHERE b.BUDGET_VERSION_ID = ?1" + scope("b", s) + groupBy("b", by);
    String spent = "SELECT " + keys("t", by) + zero + ","
        + " SUM(CASE WHEN t.STATUS IN ('DRAFT', 'CANCELLED') THEN 0 ELSE t.ELIGIBLE_AMOUNT END),"
        + " SUM(CASE WHEN t.STATUS IN " + ExecutionTotals.PAID_IN + " THEN t.ELIGIBLE_AMOUNT ELSE 0 END),"
        + " SUM(CASE WHEN t.STATUS IN ('DECLARED', 'ACCEPTED', 'REJECTED', 'PARTLY_ACCEPTED') THEN t.ELIGIBLE_AMOUNT ELSE 0 END),"
        + " SUM(t.RETAINED_AMOUNT) FROM EXECUTION_TOTAL t WHERE t.GRANT_ID = ?2 AND t.LINE_COUNT <> 0" + scope("t", s) + groupBy("t", by);
    List<String> names = new ArrayList<>();
    if (by.contains(Axis.ACTION)) names.add("ACTION_ID");
    if (by.contains(Axis.CATEGORY)) names.add("CATEGORY_ID");
    if (by.contains(Axis.SOURCE)) names.add("COFUNDING_ID");
    if (by.contains(Axis.YEAR)) names.add("YR");
    List<String> columns = new ArrayList<>(names);
    columns.addAll(List.of("PLANNED", "COMMITTED", "PAID", "DECLARED", "ACCEPTED"));
    List<String> group = names.stream().map(n -> "x." + n).toList();
    String sums = "SUM(x.PLANNED) AS PLANNED, SUM(x.COMMITTED) AS COMMITTED, SUM(x.PAID) AS PAID, SUM(x.DECLARED) AS DECLARED, SUM(x.ACCEPTED) AS ACCEPTED";
    String inner = "SELECT " + (group.isEmpty() ? "" : String.join(", ", group) + ", ") + sums + " FROM (" + planned + " UNION ALL " + spent + ") x ("
        + String.join(", ", columns) + ")" + (group.isEmpty() ? "" : " GROUP BY " + String.join(", ", group));
    String sql = "SELECT " + (by.contains(Axis.ACTION) ? "g.ACTION_ID, a.CODE" : "CAST(NULL AS BIGINT), CAST(NULL AS VARCHAR(20))")
        + ", " + (by.contains(Axis.CATEGORY) ? "g.CATEGORY_ID, c.CODE" : "CAST(NULL AS BIGINT), CAST(NULL AS VARCHAR(10))")
        + ", " + (by.contains(Axis.SOURCE) ? "g.COFUNDING_ID, o.NAME" : "CAST(NULL AS BIGINT), CAST(NULL AS VARCHAR(200))")
        + ", " + (by.contains(Axis.YEAR) ? "g.YR" : "CAST(NULL AS INTEGER)")
        + ", g.PLANNED, g.COMMITTED, g.PAID, g.DECLARED, g.ACCEPTED FROM (" + inner + ") g"
        + (by.contains(Axis.ACTION) ? " LEFT JOIN PLAN_ACTION a ON a.ID = g.ACTION_ID" : "")
        + (by.contains(Axis.CATEGORY) ? " LEFT JOIN COST_CATEGORY c ON c.ID = g.CATEGORY_ID" : "")
        + (by.contains(Axis.SOURCE) ? " LEFT JOIN COFUNDING f ON f.ID = g.COFUNDING_ID LEFT JOIN ORGANISATION o ON o.ID = f.FUNDER_ID" : "")
        + order(by);
    var q = em.createNativeQuery(sql);
    params.forEach(q::setParameter);
    @SuppressWarnings("unchecked")
    List<Object[]> rows = q.getResultList();
    List<Figure> result = new ArrayList<>(rows.size());
    for (Object[] r : rows) {
      result.add(new Figure(id(r[0]), (String) r[1], id(r[2]), (String) r[3], id(r[4]), (String) r[5], r[6] == null ? null : ((Number) r[6]).intValue(),
          ExecutionTotals.money(r[7]), ExecutionTotals.money(r[8]), ExecutionTotals.money(r[9]), ExecutionTotals.money(r[10]), ExecutionTotals.money(r[11])));
    }
    return result;
  }

  private static String keys(String t, Set<Axis> by) {
    String cols = String.join("", columnsOf(t, by).stream().map(c -> c + ", ").toList());
    return cols;
  }

  private static String groupBy(String t, Set<Axis> by) {
    List<String> cols = columnsOf(t, by);
    return cols.isEmpty() ? "" : " GROUP BY " + String.join(", ", cols);
  }

  private static List<String> columnsOf(String t, Set<Axis> by) {
    List<String> cols = new ArrayList<>();
    if (by.contains(Axis.ACTION)) cols.add(t + ".ACTION_ID");
    if (by.contains(Axis.CATEGORY)) cols.add(t + ".CATEGORY_ID");
    if (by.contains(Axis.SOURCE)) cols.add(t + ".COFUNDING_ID");
    if (by.contains(Axis.YEAR)) cols.add(t + ".BUDGET_YEAR");
    return cols;
  }

  private static String scope(String t, Scope s) {
    return (s.actionId() != null ? " AND " + t + ".ACTION_ID = ?3" : "") + (s.categoryId() != null ? " AND " + t + ".CATEGORY_ID = ?4" : "")
        + (s.sourceId() != null ? " AND " + t + ".COFUNDING_ID = ?5" : "") + (s.year() != null ? " AND " + t + ".BUDGET_YEAR = ?6" : "");
  }

  /**
   * The approved budget version in force (-1 before any approval). Read by SQL so that the plan's
   * pages may show these figures without the two capabilities depending on each other.
   */
  private long inForce(long grantId) {
    List<?> ids = em.createNativeQuery("SELECT ID FROM BUDGET_VERSION WHERE GRANT_ID = ? AND STATUS = 'APPROVED' ORDER BY NUMBER DESC").setParameter(1, grantId)
        .setMaxResults(1).getResultList();
    return ids.isEmpty() ? -1L : ((Number) ids.get(0)).longValue();
  }

  private static String order(Set<Axis> by) {
    List<String> order = new ArrayList<>();
    if (by.contains(Axis.ACTION)) order.add("a.CODE");
    if (by.contains(Axis.CATEGORY)) order.add("c.SORT_ORDER, c.CODE");
    if (by.contains(Axis.SOURCE)) order.add("g.COFUNDING_ID");
    if (by.contains(Axis.YEAR)) order.add("g.YR");
    return order.isEmpty() ? "" : " ORDER BY " + String.join(", ", order);
  }

  private static Long id(Object o) {
    return o == null ? null : ((Number) o).longValue();
  }
}
