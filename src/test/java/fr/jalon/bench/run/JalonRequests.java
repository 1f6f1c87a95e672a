package fr.jalon.bench.run;

import fr.jalon.bench.run.Measure.Request;
import java.util.List;

/**
 * What the runner asks of Jalon. Each issue adds the pages, API calls and reports it delivers,
 * with k: how much slower the large dataset may make it (1 = not at all).
 */
public final class JalonRequests {
  private JalonRequests() {}

  public static final String USERNAME = "admin";
  public static final String PASSWORD = "jalon-demo";

  /** Start-up is measured to this page's first 200. */
  public static final String READY_PATH = "/login.xhtml";

  public static final List<Request> FAST =
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
          new Request("GET /dashboard/dashboard.xhtml", "/dashboard/dashboard.xhtml", 2));

  public static final List<Request> SLOW = List.of(new Request("GET /api/grant/fiche-convention.pdf", "/api/grant/fiche-convention.pdf", 1));

  /** Loaded with wrk at each of {@link #CONNECTIONS}. */
  public static final String THROUGHPUT_PATH = "/api/grant";

  public static final List<Integer> CONNECTIONS = List.of(1, 8, 32);
}
