package fr.jalon.bench.generator;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Milestones and deliverables over the whole grant, whatever the dataset size: four milestones and
 * two deliverables per action and sub-action (54 × 4 = 216 milestones, 108 deliverables), their
 * baselines spread over the grant's years. Those in the first 40 % of the grant are validated, the
 * next 20 % in progress (late once past), the rest planned; one in five re-planned later (slipping).
 */
public final class MilestoneGenerator implements DataGenerator {
  public static final int PER_ACTION = 4;
  public static final int DELIVERABLES_PER_ACTION = 2;

  @Override
  public String name() {
    return "milestones";
  }

  @Override
  public void generate(Generation g) throws SQLException {
    Random random = g.random();
    GrantFacts grant = g.fact(GrantFacts.class);
    List<Long> actions = new ArrayList<>();
    try (Statement s = g.connection().createStatement(); ResultSet r = s.executeQuery("SELECT ID FROM PLAN_ACTION WHERE PARENT_ID IS NOT NULL ORDER BY ID")) {
      while (r.next()) {
        actions.add(r.getLong(1));
      }
    }
    LocalDate start = grant.eligibilityStart();
    long days = ChronoUnit.DAYS.between(start, grant.endDate());
    try (Generation.Batch b = g.batch("MILESTONE", "ID", "GRANT_ID", "CODE", "TITLE", "ACTION_ID", "BASELINE_DATE", "FORECAST_DATE", "GO_NO_GO", "STATUS")) {
      long id = 1;
      for (long action : actions) {
        for (int k = 0; k < PER_ACTION; k++) {
          long offset = (long) ((k + random.nextDouble()) * days / PER_ACTION);
          LocalDate baseline = start.plusDays(offset);
          double share = (double) offset / days;
          String status = share < 0.4 ? "VALIDATED" : share < 0.6 ? "IN_PROGRESS" : "PLANNED";
          LocalDate forecast = !"VALIDATED".equals(status) && random.nextInt(5) == 0 ? baseline.plusMonths(3 + random.nextInt(9)) : baseline;
          b.row(id, grant.grantId(), "J" + id, "Jalon " + id + " de l’action " + action, action, baseline, forecast, false, status);
          id++;
        }
      }
    }
    g.restartIdentity("MILESTONE");
    try (Generation.Batch b = g.batch("DELIVERABLE", "ID", "GRANT_ID", "CODE", "TITLE", "ACTION_ID", "DUE_DATE", "STATUS")) {
      long id = 1;
      for (long action : actions) {
        for (int k = 0; k < DELIVERABLES_PER_ACTION; k++) {
          LocalDate due = start.plusDays((long) ((k + random.nextDouble()) * days / DELIVERABLES_PER_ACTION));
          b.row(id, grant.grantId(), "L" + id, "Livrable " + id, action, due, "EXPECTED");
          id++;
        }
      }
    }
    g.restartIdentity("DELIVERABLE");
  }
}
