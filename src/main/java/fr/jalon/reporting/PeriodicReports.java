package fr.jalon.reporting;

import fr.jalon.platform.Messages;
import fr.jalon.platform.RuleViolation;
import fr.jalon.security.SystemCaller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The periodic generation (issue 8): at each period end Jalon generates the draft of every report
 * type that has a rhythm ({@link DuePeriods} says which periods), exactly once per period, also
 * across restarts and with several instances sharing the database. Each period is first claimed
 * by an INSERT under a UNIQUE (grant, type, period) constraint, alone in its transaction; a
 * duplicate key means another instance or an earlier run has it and is the only failure
 * swallowed. The draft is then generated through {@link ReportService} and the project manager
 * and finance are notified; a refusal is recorded on the claim, notified, and never retried.
 */
@ApplicationScoped
public class PeriodicReports {
  private static final Logger LOG = Logger.getLogger(PeriodicReports.class.getName());

  @Inject ReportRuns runs;

  /** What one pass did. */
  public record Outcome(int generated, int refused, int alreadyClaimed) {}

  /** Generates what is due on {@code today} (the one clock's day, which tests move), as the system caller. */
  public Outcome generateDue(LocalDate today) {
    return SystemCaller.call(() -> pass(today));
  }

  private Outcome pass(LocalDate today) {
    int generated = 0;
    int refused = 0;
    int claimedElsewhere = 0;
    List<DuePeriods.Period> due = runs.due(today);
    for (DuePeriods.Period period : due) {
      long runId;
      try {
        runId = claim(period);
      } catch (RuntimeException e) {
        if (duplicateKey(e)) {
          claimedElsewhere++;
          continue;
        }
        throw e;
      }
      try {
        long report = runs.generate(runId, Locale.FRENCH);
        generated++;
        LOG.info(() -> "Brouillon généré : " + period.type() + " du " + period.from() + " au " + period.to() + " (rapport " + report + ")");
      } catch (RuleViolation r) {
        refused++;
        boolean existing = "report.exists".equals(r.messageKey());
        runs.refused(runId, existing ? ReportRun.Outcome.EXISTING : ReportRun.Outcome.REFUSED, r.message(Locale.FRENCH));
      } catch (RuleViolation.Several s) {
        refused++;
        runs.refused(runId, ReportRun.Outcome.REFUSED, String.join(" ; ", s.violations().stream().map(v -> v.message(Locale.FRENCH)).toList()));
      } catch (RuntimeException e) {
        refused++;
        LOG.log(Level.WARNING, "Génération périodique refusée : " + period, e);
        runs.refused(runId, ReportRun.Outcome.REFUSED, Messages.get(Locale.FRENCH, "schedule.failed.unexpected", String.valueOf(e.getMessage())));
      }
    }
    return new Outcome(generated, refused, claimedElsewhere);
  }

  /** Claims a period; a lock timeout or deadlock between instances claiming at once (transient) is tried again, twice at most. */
  private long claim(DuePeriods.Period period) {
    for (int attempt = 1; ; attempt++) {
      try {
        return runs.claim(period);
      } catch (RuntimeException e) {
        if (attempt >= 3 || !sqlState(e, "40XL1", "40XL2", "40001", "40P01")) {
          throw e;
        }
      }
    }
  }

  /** True when {@code e} comes from a unique constraint (SQL state 23505 on Derby and PostgreSQL). */
  static boolean duplicateKey(Throwable e) {
    return sqlState(e, "23505");
  }

  /** True when an SQL exception in {@code e}'s causes has one of {@code states}. */
  static boolean sqlState(Throwable e, String... states) {
    List<String> wanted = List.of(states);
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException sql) {
        for (SQLException s = sql; s != null; s = s.getNextException()) {
          if (wanted.contains(s.getSQLState())) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
