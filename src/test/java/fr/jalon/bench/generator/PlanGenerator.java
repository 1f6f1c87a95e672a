package fr.jalon.bench.generator;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The funding plan and the budget at the size of issue 4, whatever the dataset size (a grant's
 * budget does not grow with its expenses): six co-funding lines, three tranches, the seven
 * default categories, 60 actions (6 axes of 9 actions and sub-actions each), an approved budget v1
 * and a draft v2, each of 60 × 7 × 6 × 10 = 25,200 lines (one per action × category × source ×
 * year). Version ids are 1 (approved) and 2 (draft): the bench asks for {@code /api/budget/versions/2}.
 */
public final class PlanGenerator implements DataGenerator {
  public static final int AXES = 6;
  public static final int ACTIONS_PER_AXIS = 10;
  public static final int SOURCES = 6;
  public static final long DRAFT_VERSION_ID = 2;
  static final String[][] CATEGORIES = {
    {"PERS", "Personnel", "641,645,647"}, {"INV", "Investissement / équipement", "21"}, {"FONC", "Fonctionnement", "60,61"},
    {"PREST", "Prestations externes", "62,611"}, {"DEPL", "Déplacements", "625"}, {"COMM", "Communication", "623"}, {"FG", "Frais généraux (forfait)", ""}};

  @Override
  public String name() {
    return "plan";
  }

  @Override
  public void generate(Generation g) throws SQLException {
    Random random = g.random();
    GrantFacts grant = g.fact(GrantFacts.class);
    List<Long> organisations = new ArrayList<>();
    try (Statement s = g.connection().createStatement(); ResultSet r = s.executeQuery("SELECT ID FROM ORGANISATION ORDER BY ID")) {
      while (r.next()) {
        organisations.add(r.getLong(1));
      }
    }
    String[] kinds = {"PIA", "REGION", "COMPANY", "COMPANY", "COMPANY", "OWN_FUNDS"};
    long[] committed = {2_000_000, 1_500_000, 300_000, 250_000, 150_000, 700_000};
    try (Generation.Batch b = g.batch("COFUNDING", "ID", "GRANT_ID", "FUNDER_ID", "KIND", "NATURE", "COMMITTED_AMOUNT", "SORT_ORDER")) {
      for (int i = 0; i < SOURCES; i++) {
        long funder = i == 0 || i == 5 ? grant.beneficiaryId() : organisations.get(Math.min(organisations.size() - 1, i));
        b.row((long) i + 1, grant.grantId(), funder, kinds[i], i == 3 || i == 4 ? "IN_KIND" : "CASH", BigDecimal.valueOf(committed[i]).setScale(2), i);
      }
    }
    g.restartIdentity("COFUNDING");
    BigDecimal pia = grant.maxPiaAmount();
    // The advance is received: with its requested and received amounts and dates, as the tranche page records them.
    try (Generation.Batch b = g.batch("TRANCHE", "ID", "GRANT_ID", "NUMBER", "KIND", "PLANNED_AMOUNT", "PLANNED_DATE", "MIN_SPEND_RATIO", "STATUS",
        "REQUESTED_AMOUNT", "REQUESTED_ON", "RECEIVED_AMOUNT", "RECEIVED_ON")) {
      BigDecimal advance = pia.multiply(new BigDecimal("0.30")).setScale(2);
      LocalDate advanceOn = grant.eligibilityStart().plusMonths(2);
      b.row(1L, grant.grantId(), 1, "ADVANCE", advance, advanceOn, null, "RECEIVED", advance, advanceOn.minusDays(20), advance, advanceOn);
      b.row(2L, grant.grantId(), 2, "INTERIM", pia.multiply(new BigDecimal("0.50")).setScale(2), grant.eligibilityStart().plusYears(4), new BigDecimal("40.00"), "PLANNED",
          null, null, null, null);
      b.row(3L, grant.grantId(), 3, "BALANCE", pia.multiply(new BigDecimal("0.20")).setScale(2), grant.endDate().plusMonths(6), new BigDecimal("100.00"), "PLANNED",
          null, null, null, null);
    }
    g.restartIdentity("TRANCHE");
    try (Generation.Batch b = g.batch("COST_CATEGORY", "ID", "GRANT_ID", "CODE", "LABEL", "ELIGIBLE", "FLAT_RATE", "ACCOUNT_PREFIXES", "SORT_ORDER")) {
      for (int i = 0; i < CATEGORIES.length; i++) {
        b.row((long) i + 1, grant.grantId(), CATEGORIES[i][0], CATEGORIES[i][1], true, "FG".equals(CATEGORIES[i][0]), CATEGORIES[i][2], i + 1);
      }
    }
    g.restartIdentity("COST_CATEGORY");
    List<Long> actions = new ArrayList<>();
    LocalDate start = grant.eligibilityStart();
    LocalDate end = grant.endDate();
    try (Generation.Batch b = g.batch("PLAN_ACTION", "ID", "GRANT_ID", "PARENT_ID", "CODE", "TITLE", "LEAD_ORGANISATION_ID", "START_DATE", "END_DATE")) {
      long id = 1;
      for (int axis = 1; axis <= AXES; axis++) {
        long axisId = id++;
        b.row(axisId, grant.grantId(), null, "A" + axis, "Axe " + axis, Pick.one(random, organisations), start, end);
        actions.add(axisId);
        long actionId = 0;
        for (int k = 1; k < ACTIONS_PER_AXIS; k++) {
          boolean sub = k % 3 == 0;
          long own = id++;
          String code = sub ? "A" + axis + "." + (k / 3) + "." + 1 : "A" + axis + "." + (k - k / 3);
          b.row(own, grant.grantId(), sub ? actionId : axisId, code + "-" + k, (sub ? "Sous-action " : "Action ") + code, Pick.one(random, organisations), start, end);
          if (!sub) {
            actionId = own;
          }
          actions.add(own);
        }
      }
    }
    g.restartIdentity("PLAN_ACTION");
    LocalDateTime created = grant.eligibilityStart().atTime(9, 0);
    g.insert("BUDGET_VERSION", java.util.Map.of("ID", 1L, "GRANT_ID", grant.grantId(), "NUMBER", 1, "LABEL", "Budget initial", "STATUS", "APPROVED",
        "CREATED_AT", created, "CREATED_BY", "projet", "APPROVED_ON", grant.signatureDate(), "APPROVED_BY", "admin"));
    g.insert("BUDGET_VERSION", java.util.Map.of("ID", DRAFT_VERSION_ID, "GRANT_ID", grant.grantId(), "NUMBER", 2, "LABEL", "Révision", "STATUS", "DRAFT",
        "BASED_ON_ID", 1L, "CREATED_AT", created.plusYears(3), "CREATED_BY", "projet"));
    g.restartIdentity("BUDGET_VERSION");
    int firstYear = start.getYear();
    int years = Math.min(10, end.getYear() - firstYear + 1);
    try (Generation.Batch b = g.batch("BUDGET_LINE", "ID", "BUDGET_VERSION_ID", "ACTION_ID", "CATEGORY_ID", "COFUNDING_ID", "BUDGET_YEAR", "AMOUNT")) {
      long id = 1;
      for (long version = 1; version <= 2; version++) {
        for (long action : actions) {
          for (long category = 1; category <= CATEGORIES.length; category++) {
            for (long source = 1; source <= SOURCES; source++) {
              for (int y = 0; y < years; y++) {
                b.row(id++, version, action, category, source, firstYear + y, BigDecimal.valueOf(random.nextInt(200_000), 2));
              }
            }
          }
        }
      }
    }
    g.restartIdentity("BUDGET_LINE");
  }
}
