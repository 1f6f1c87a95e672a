package fr.jalon.reporting;

import static fr.jalon.platform.Roles.ADMIN;
import static fr.jalon.platform.Roles.BOARD;
import static fr.jalon.platform.Roles.FINANCE;
import static fr.jalon.platform.Roles.PROJECT_MANAGER;

import fr.jalon.dashboard.ReportCalendar;
import fr.jalon.dashboard.ReportSubmissions;
import fr.jalon.grant.GrantService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Answers the dashboard from the archive: the report of a type for a period counts as done once a
 * version of that type ending on that day is SUBMITTED or ACCEPTED. The dashboard's calendar types
 * carry the same names as {@link ReportType}. Read once per request.
 */
@RequestScoped
public class ArchiveSubmissions implements ReportSubmissions {
  @PersistenceContext EntityManager em;
  @Inject GrantService grants;
  private Set<String> done;

  @Override
  @RolesAllowed({ADMIN, PROJECT_MANAGER, FINANCE, BOARD})
  public boolean submitted(ReportCalendar.ReportType type, LocalDate periodEnd) {
    if (done == null) {
      done = load();
    }
    return done.contains(key(map(type), periodEnd));
  }

  /** The reporting type a calendar type stands for. */
  static ReportType map(ReportCalendar.ReportType type) {
    return switch (type) {
      case ERD -> ReportType.ERD;
      case PROGRESS -> ReportType.PROGRESS;
      case BUDGET_EXECUTION -> ReportType.BUDGET_EXECUTION;
      case INDICATORS -> ReportType.INDICATORS;
    };
  }

  private Set<String> load() {
    Set<String> result = new HashSet<>();
    if (!grants.exists()) {
      return result;
    }
    List<Object[]> rows = em.createQuery("SELECT r.type, r.periodTo FROM Report r WHERE r.grant.id = :g AND r.periodTo IS NOT NULL AND r.status IN :done", Object[].class)
        .setParameter("g", grants.grant().id()).setParameter("done", List.of(ReportStatus.SUBMITTED, ReportStatus.ACCEPTED)).getResultList();
    for (Object[] row : rows) {
      result.add(key((ReportType) row[0], (LocalDate) row[1]));
    }
    return result;
  }

  private static String key(ReportType type, LocalDate end) {
    return type + "|" + end;
  }
}
