package fr.jalon.bench.run;

import fr.jalon.bench.run.Measure.Request;
import java.util.ArrayList;
import java.util.List;

/**
 * What the runner asks of Jalon. Each issue adds the pages, API calls and reports it delivers,
 * with k: how much slower the large dataset may make it (1 = not at all).
 */
public final class JalonRequests {
  private JalonRequests() {}

  public static final String USERNAME = "admin";
  public static final String PASSWORD = "jalon-demo";
  /** The FEC import needs the finance role. */
  public static final String FINANCE_USERNAME = "finance";

  /** Start-up is measured to this page's first 200. */
  public static final String READY_PATH = "/login.xhtml";

  /**
   * Expenses (issue 6): one page of 50 and the count and totals of the filtered set, under the fast
   * filters (action, category, source, status, year) each alone, then combined. Ids are the generator's: action 2 (the first action of axis 1),
   * category 2 (INV), 3 (FONC), source 1 (PIA); 2023 lies inside every generated grant's years so far.
   */
  static final List<String> EXPENSE_FILTERS = List.of("", "&action=2", "&category=3", "&source=1", "&status=PAID", "&year=2023", "&action=2&year=2023",
      "&category=3&status=LIQUIDATED", "&source=1&status=PAID&year=2023", "&action=2&category=2&source=1&status=PAID&year=2023");

  /** A page of the list may grow with the size by k = 1.5 (issue 6); the totals come from aggregates. */
  static final double EXPENSE_K = 1.5;

  private static List<Request> expenses() {
    List<Request> requests = new ArrayList<>();
    for (String filter : EXPENSE_FILTERS) {
      String shown = filter.isEmpty() ? "" : " " + filter.substring(1);
      requests.add(new Request("GET /api/expenses?size=50" + shown, "/api/expenses?size=50" + filter, EXPENSE_K));
    }
    for (String filter : EXPENSE_FILTERS) {
      String shown = filter.isEmpty() ? "" : "?" + filter.substring(1);
      requests.add(new Request("GET /api/expenses/totals" + shown, "/api/expenses/totals" + (filter.isEmpty() ? "" : "?" + filter.substring(1)), EXPENSE_K));
    }
    return List.copyOf(requests);
  }

  /** Absolute targets at the largest size, in ms, by operation name prefix (issue 6). */
  public record Target(String namePrefix, double medianMs, double p95Ms) {}

  public static final List<Target> TARGETS = List.of(new Target("GET /api/expenses?size=50", 100, 250),
      new Target("GET /api/expenses/totals", 300, Double.NaN));

  public static final List<Request> FAST = concat(
      List.of(
          new Request("GET /api/grant", "/api/grant", 1),
          new Request("GET /index.xhtml", "/index.xhtml", 1),
          new Request("GET /grant/grant.xhtml", "/grant/grant.xhtml", 1),
          new Request("GET /login.xhtml", "/login.xhtml", 1),
          // plan: the whole grant's budget grid (60 actions × 7 categories × 6 sources × 10 years)
          new Request("GET /api/budget/versions/{draft}", "/api/budget/versions/" + fr.jalon.bench.generator.PlanGenerator.DRAFT_VERSION_ID, 1),
          new Request("GET /plan/budget.xhtml", "/plan/budget.xhtml?v=" + fr.jalon.bench.generator.PlanGenerator.DRAFT_VERSION_ID, 1),
          // milestones: the whole grant's list (one page of 50, filtered and counted in the database) and the timeline
          new Request("GET /api/milestones", "/api/milestones", 1),
          new Request("GET /milestone/milestones.xhtml", "/milestone/milestones.xhtml", 1),
          new Request("GET /milestone/timeline.xhtml", "/milestone/timeline.xhtml", 1),
          // dashboard: the board's figures from aggregates (issue 8: median <= 200 ms at 1,000,000 expenses, k = 2)
          new Request("GET /api/dashboard", "/api/dashboard", 2),
          new Request("GET /dashboard/dashboard.xhtml", "/dashboard/dashboard.xhtml", 2)),
      expenses());

  private static List<Request> concat(List<Request> a, List<Request> b) {
    List<Request> all = new ArrayList<>(a);
    all.addAll(b);
    return List.copyOf(all);
  }

  public static final List<Request> SLOW = List.of(new Request("GET /api/grant/fiche-convention.pdf", "/api/grant/fiche-convention.pdf", 1));

  /** Loaded with wrk at each of {@link #CONNECTIONS}. */
  public static final String THROUGHPUT_PATH = "/api/grant";

  public static final List<Integer> CONNECTIONS = List.of(1, 8, 32);
}
