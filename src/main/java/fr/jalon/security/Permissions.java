package fr.jalon.security;

import static fr.jalon.platform.Roles.ADMIN;
import static fr.jalon.platform.Roles.BOARD;
import static fr.jalon.platform.Roles.FINANCE;
import static fr.jalon.platform.Roles.PROJECT_MANAGER;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one permission table: for every page and every endpoint, which roles may read it and which
 * may change through it. {@link PermissionFilter} enforces it on each request, the menu is drawn
 * from it, and a test walks it with every role (and a build test fails on any page or endpoint
 * missing from it). Services check {@code @RolesAllowed} again behind it.
 */
public final class Permissions {
  public enum Kind {
    /** No login: the login page, static resources, the health check. */
    PUBLIC,
    /** A Faces page: whoever may read it may also post back to it (paging, sorting, its forms). */
    PAGE,
    /** A REST endpoint: GET and HEAD need a read role, other methods a write role. */
    API,
    /** An endpoint Payara itself serves beside the application. */
    PLATFORM
  }

  public record Rule(String pattern, Kind kind, Set<String> readers, Set<String> writers) {
    public boolean matches(String path) {
      if (pattern.endsWith("/*")) {
        String prefix = pattern.substring(0, pattern.length() - 2);
        return path.equals(prefix) || path.startsWith(prefix + "/");
      }
      String[] want = pattern.split("/", -1);
      String[] have = path.split("/", -1);
      if (want.length != have.length) {
        return false;
      }
      for (int i = 0; i < want.length; i++) {
        boolean variable = want[i].startsWith("{") && want[i].endsWith("}");
        if (variable ? have[i].isEmpty() : !want[i].equals(have[i])) {
          return false;
        }
      }
      return true;
    }

    /** The roles that may use {@code method} here; empty for a public rule. */
    public Set<String> rolesFor(String method) {
      boolean reading = "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
      return kind == Kind.PAGE || reading ? readers : writers;
    }
  }

  private static final Set<String> EVERYONE = Set.of(ADMIN, PROJECT_MANAGER, FINANCE, BOARD);
  private static final Set<String> NOBODY = Set.of();

  private static Rule open(String pattern) {
    return new Rule(pattern, Kind.PUBLIC, NOBODY, NOBODY);
  }

  private static Rule page(String pattern, Set<String> roles) {
    return new Rule(pattern, Kind.PAGE, roles, roles);
  }

  private static Rule api(String pattern, Set<String> readers, Set<String> writers) {
    return new Rule(pattern, Kind.API, readers, writers);
  }

  public static final List<Rule> TABLE =
      List.of(
          open("/login.xhtml"),
          open("/health"),
          open("/jakarta.faces.resource/*"),
          open("/resources/*"),
          open("/error/*"),
          open("/favicon.ico"),
          page("/", EVERYONE),
          page("/index.xhtml", EVERYONE),
          page("/grant/grant.xhtml", EVERYONE),
          page("/grant/edit.xhtml", Set.of(ADMIN)),
          page("/security/password.xhtml", EVERYONE),
          page("/security/users.xhtml", Set.of(ADMIN)),
          page("/audit/trail.xhtml", Set.of(ADMIN, BOARD)),
          api("/api/grant", EVERYONE, Set.of(ADMIN)),
          api("/api/grant/fiche-convention.pdf", EVERYONE, NOBODY),
          api("/api/grant/signed-agreement", EVERYONE, Set.of(ADMIN)),
          api("/api/grant/years", EVERYONE, NOBODY),
          api("/api/me", EVERYONE, NOBODY),
          api("/api/me/password", EVERYONE, EVERYONE),
          api("/api/users", Set.of(ADMIN), Set.of(ADMIN)),
          api("/api/users/{id}", Set.of(ADMIN), Set.of(ADMIN)),
          api("/api/audit", Set.of(ADMIN, BOARD), NOBODY),
          // amendments
          page("/grant/amendments.xhtml", EVERYONE),
          api("/api/amendments", EVERYONE, Set.of(ADMIN)),
          api("/api/amendments/{id}", EVERYONE, NOBODY),
          // indicators
          page("/indicator/indicators.xhtml", EVERYONE),
          page("/indicator/indicator.xhtml", EVERYONE),
          api("/api/indicators", EVERYONE, Set.of(PROJECT_MANAGER)),
          api("/api/indicators/school-years/{year}", EVERYONE, NOBODY),
          api("/api/indicators/{id}", EVERYONE, Set.of(PROJECT_MANAGER)),
          api("/api/indicators/{id}/targets", EVERYONE, Set.of(PROJECT_MANAGER)),
          api("/api/indicators/{id}/values", EVERYONE, Set.of(PROJECT_MANAGER)),
          // funding: co-funding plan (finance edits), tranches (admin schedules, finance requests and records receipts), COPIL (PM records)
          page("/grant/cofunding.xhtml", EVERYONE),
          page("/grant/tranches.xhtml", EVERYONE),
          page("/grant/copil.xhtml", EVERYONE),
          api("/api/cofunding", EVERYONE, Set.of(ADMIN, FINANCE)),
          api("/api/cofunding/{id}", EVERYONE, Set.of(ADMIN, FINANCE)),
          api("/api/cofunding/{id}/receipts", EVERYONE, Set.of(ADMIN, FINANCE)),
          api("/api/tranches", EVERYONE, Set.of(ADMIN)),
          api("/api/tranches/{id}", EVERYONE, Set.of(ADMIN)),
          api("/api/tranches/{id}/request", NOBODY, Set.of(FINANCE)),
          api("/api/tranches/{id}/receipt", NOBODY, Set.of(FINANCE)),
          api("/api/tranches/{id}/suspend", NOBODY, Set.of(ADMIN)),
          api("/api/tranches/{id}/cancel", NOBODY, Set.of(ADMIN)),
          api("/api/decisions", EVERYONE, Set.of(PROJECT_MANAGER)),
          api("/api/decisions/{meetingId}", EVERYONE, Set.of(PROJECT_MANAGER)),
          api("/api/decisions/{meetingId}/decisions", EVERYONE, Set.of(PROJECT_MANAGER)),
          // plan
          page("/plan/actions.xhtml", EVERYONE),
          page("/plan/categories.xhtml", EVERYONE),
          page("/plan/budget.xhtml", EVERYONE),
          page("/plan/approval.xhtml", EVERYONE),
          page("/plan/compare.xhtml", EVERYONE),
          api("/api/actions", EVERYONE, Set.of(PROJECT_MANAGER)),
          api("/api/actions/{id}", EVERYONE, Set.of(PROJECT_MANAGER)),
          api("/api/categories", EVERYONE, Set.of(ADMIN)),
          api("/api/categories/{id}", EVERYONE, Set.of(ADMIN)),
          api("/api/budget/versions", EVERYONE, NOBODY),
          api("/api/budget/versions/{id}", EVERYONE, NOBODY),
          api("/api/budget/versions/{id}/cells", EVERYONE, Set.of(PROJECT_MANAGER, FINANCE)),
          api("/api/budget/versions/{id}/rows", EVERYONE, Set.of(PROJECT_MANAGER, FINANCE)),
          api("/api/budget/versions/{id}/approval", EVERYONE, Set.of(ADMIN)),
          api("/api/budget/revisions", EVERYONE, Set.of(ADMIN, PROJECT_MANAGER, FINANCE)),
          api("/api/budget/compare", EVERYONE, NOBODY),
          api("/api/budget/decisions", EVERYONE, NOBODY),
          // milestones
          page("/milestone/milestones.xhtml", EVERYONE),
          page("/milestone/timeline.xhtml", EVERYONE),
          page("/milestone/milestone.xhtml", EVERYONE),
          page("/milestone/deliverables.xhtml", EVERYONE),
          api("/api/milestones", EVERYONE, Set.of(PROJECT_MANAGER)),
          api("/api/milestones/{id}", EVERYONE, Set.of(PROJECT_MANAGER)),
          api("/api/milestones/{id}/transitions", NOBODY, Set.of(PROJECT_MANAGER)),
          api("/api/milestones/{id}/baseline", NOBODY, Set.of(ADMIN)),
          api("/api/milestones/{id}/no-go-lift", NOBODY, Set.of(ADMIN)),
          api("/api/milestones/{id}/evidence", EVERYONE, Set.of(PROJECT_MANAGER)),
          api("/api/milestones/{id}/evidence/{fileId}", EVERYONE, NOBODY),
          api("/api/deliverables", EVERYONE, Set.of(PROJECT_MANAGER)),
          api("/api/deliverables/{id}", EVERYONE, Set.of(PROJECT_MANAGER)),
          api("/api/deliverables/{id}/review", NOBODY, Set.of(PROJECT_MANAGER)),
          api("/api/deliverables/{id}/file", EVERYONE, Set.of(PROJECT_MANAGER)),
          // expenses: finance records them, moves them along the chain, attaches receipts and imports from accounting; everybody reads
          page("/expense/expenses.xhtml", EVERYONE),
          api("/api/expenses", EVERYONE, Set.of(FINANCE)),
          api("/api/expenses/totals", EVERYONE, NOBODY),
          api("/api/expenses/by-action", EVERYONE, NOBODY),
          api("/api/expenses/export.xlsx", EVERYONE, NOBODY),
          api("/api/expenses/export.csv", EVERYONE, NOBODY),
          api("/api/expenses/steps", NOBODY, Set.of(FINANCE)),
          api("/api/expenses/{id}", EVERYONE, Set.of(FINANCE)),
          api("/api/expenses/{id}/steps", NOBODY, Set.of(FINANCE)),
          api("/api/expenses/{id}/receipts", NOBODY, Set.of(FINANCE)),
          api("/api/expenses/{id}/receipts/{receiptId}", EVERYONE, NOBODY),
          api("/api/imports", EVERYONE, NOBODY),
          api("/api/imports/preview", NOBODY, Set.of(FINANCE)),
          api("/api/imports/{fileId}/confirm", NOBODY, Set.of(FINANCE)),
          api("/api/imports/{id}/undo", NOBODY, Set.of(FINANCE)),
          // dashboard: the board's figures, read by every role
          page("/dashboard/dashboard.xhtml", EVERYONE),
          api("/api/dashboard", EVERYONE, NOBODY),
          // budget execution: planned / committed / paid per action, category, source, year; the expense form
          api("/api/execution/figures", EVERYONE, NOBODY),
          page("/plan/action.xhtml", EVERYONE),
          page("/expense/expense.xhtml", EVERYONE),
          // periodic generation: everybody reads and marks read the notifications of their roles; the administrator sets the rhythms (before /api/reports/{id})
          page("/reporting/notifications.xhtml", EVERYONE),
          api("/api/notifications", EVERYONE, NOBODY),
          api("/api/notifications/{id}/read", NOBODY, EVERYONE),
          api("/api/reports/schedule", Set.of(ADMIN), Set.of(ADMIN)),
          // reports: finance generates, moves, signs and records verdicts; everybody reads the archive, downloads and re-verifies
          page("/reporting/reports.xhtml", EVERYONE),
          api("/api/reports", EVERYONE, Set.of(FINANCE)),
          api("/api/reports/{id}", EVERYONE, NOBODY),
          api("/api/reports/{id}/regenerate", NOBODY, Set.of(FINANCE)),
          api("/api/reports/{id}/transitions", NOBODY, Set.of(FINANCE)),
          api("/api/reports/{id}/signatures", NOBODY, Set.of(FINANCE)),
          api("/api/reports/{id}/signatures/{signatureId}/scan", NOBODY, Set.of(FINANCE)),
          api("/api/reports/{id}/files/{fileId}", EVERYONE, NOBODY),
          api("/api/reports/{id}/verification", EVERYONE, NOBODY),
          api("/api/reports/{id}/verdicts", NOBODY, Set.of(FINANCE)),
          // imports from accounting: finance imports (FEC, CSV) and saves the selection and mappings; everybody reads the history and the saved settings
          page("/accounting/imports.xhtml", EVERYONE),
          api("/api/imports/csv/preview", NOBODY, Set.of(FINANCE)),
          api("/api/imports/{fileId}/progress", Set.of(FINANCE), NOBODY),
          api("/api/imports/settings/fec", EVERYONE, Set.of(FINANCE)),
          api("/api/imports/settings/csv/{profile}", EVERYONE, Set.of(FINANCE)),
          // final report: the project manager writes what continues after the grant (before /api/progress-narratives/{year}); everybody reads it
          api("/api/progress-narratives/continuation", EVERYONE, Set.of(PROJECT_MANAGER)),
          // progress narratives: the project manager writes an action's narrative of a year for the progress report; everybody reads them
          page("/reporting/narratives.xhtml", EVERYONE),
          api("/api/progress-narratives/{year}", EVERYONE, NOBODY),
          api("/api/progress-narratives/{year}/{actionId}", EVERYONE, Set.of(PROJECT_MANAGER)),
          new Rule("/openapi", Kind.PLATFORM, EVERYONE, NOBODY),
          new Rule("/metrics", Kind.PLATFORM, NOBODY, NOBODY));

  /** The menu, in order; each entry shows only to users whose roles may open its page. */
  public record MenuEntry(String path, String labelKey, String icon) {}

  public static final List<MenuEntry> MENU =
      List.of(
          new MenuEntry("/index.xhtml", "menu.home", "pi pi-home"),
          new MenuEntry("/dashboard/dashboard.xhtml", "menu.dashboard", "pi pi-chart-bar"),
          new MenuEntry("/grant/grant.xhtml", "menu.grant", "pi pi-file"),
          new MenuEntry("/grant/edit.xhtml", "menu.grantEdit", "pi pi-pencil"),
          new MenuEntry("/grant/amendments.xhtml", "menu.amendments", "pi pi-file-edit"),
          new MenuEntry("/grant/cofunding.xhtml", "menu.cofunding", "pi pi-wallet"),
          new MenuEntry("/grant/tranches.xhtml", "menu.tranches", "pi pi-money-bill"),
          new MenuEntry("/grant/copil.xhtml", "menu.copil", "pi pi-comments"),
          new MenuEntry("/plan/actions.xhtml", "menu.actions", "pi pi-sitemap"),
          new MenuEntry("/plan/budget.xhtml", "menu.budget", "pi pi-table"),
          new MenuEntry("/plan/categories.xhtml", "menu.categories", "pi pi-tags"),
          new MenuEntry("/milestone/milestones.xhtml", "menu.milestones", "pi pi-flag"),
          new MenuEntry("/milestone/timeline.xhtml", "menu.timeline", "pi pi-calendar"),
          new MenuEntry("/milestone/deliverables.xhtml", "menu.deliverables", "pi pi-inbox"),
          new MenuEntry("/expense/expenses.xhtml", "menu.expenses", "pi pi-receipt"),
          new MenuEntry("/accounting/imports.xhtml", "menu.imports", "pi pi-file-import"),
          new MenuEntry("/indicator/indicators.xhtml", "menu.indicators", "pi pi-chart-line"),
          new MenuEntry("/reporting/reports.xhtml", "menu.reports", "pi pi-file-pdf"),
          new MenuEntry("/reporting/narratives.xhtml", "menu.narratives", "pi pi-book"),
          new MenuEntry("/reporting/notifications.xhtml", "menu.notifications", "pi pi-bell"),
          new MenuEntry("/security/users.xhtml", "menu.users", "pi pi-users"),
          new MenuEntry("/audit/trail.xhtml", "menu.audit", "pi pi-history"),
          new MenuEntry("/security/password.xhtml", "menu.password", "pi pi-key"));

  private Permissions() {}

  /** The first rule matching the path, or empty when the path is in no rule. */
  public static Optional<Rule> ruleFor(String path) {
    String normalized = path.isEmpty() ? "/" : path;
    return TABLE.stream().filter(r -> r.matches(normalized)).findFirst();
  }

  public static boolean mayOpen(String path, Set<String> roles) {
    return ruleFor(path).map(r -> r.kind() == Kind.PUBLIC || r.readers().stream().anyMatch(roles::contains)).orElse(false);
  }
}
