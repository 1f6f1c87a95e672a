package fr.jalon.bench.generator;

import fr.jalon.indicator.SchoolYear;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

/**
 * Indicators, whatever the dataset size: {@value #COUNT} typed indicators with a target for every
 * school year of the grant and a value for each school year already begun on the generator's
 * reference day; the first has a girls / boys breakdown whose parts add up to its value.
 */
public final class IndicatorGenerator implements DataGenerator {
  public static final int COUNT = 12;
  /** Values are recorded for the school years begun by this day, so the same seed gives the same data. */
  static final LocalDate REFERENCE_DAY = LocalDate.of(2026, 11, 29);

  @Override
  public String name() {
    return "indicators";
  }

  @Override
  public void generate(Generation g) throws SQLException {
    Random random = g.random();
    GrantFacts grant = g.fact(GrantFacts.class);
    List<SchoolYear> years = SchoolYear.covering(grant.eligibilityStart(), grant.endDate());
    try (Generation.Batch b = g.batch("GRANT_INDICATOR", "ID", "GRANT_ID", "CODE", "LABEL", "UNIT", "KIND", "BASELINE", "BREAKDOWN_PARTS", "SORT_ORDER")) {
      for (int i = 1; i <= COUNT; i++) {
        b.row((long) i, grant.grantId(), "IND" + i, "Indicateur " + i, i == 1 ? "apprenants" : "unités", i % 3 == 0 ? "IMPACT" : i % 2 == 0 ? "RESULT" : "OUTPUT",
            BigDecimal.valueOf(100 + random.nextInt(400)), i == 1 ? "Filles;Garçons" : null, i);
      }
    }
    g.restartIdentity("GRANT_INDICATOR");
    // One table at a time: a batch writes its rows when it closes, and parts refer to values.
    try (Generation.Batch targets = g.batch("INDICATOR_TARGET", "ID", "INDICATOR_ID", "SCHOOL_YEAR", "TARGET")) {
      long id = 1;
      for (long i = 1; i <= COUNT; i++) {
        for (int n = 0; n < years.size(); n++) {
          targets.row(id++, i, years.get(n).startYear(), BigDecimal.valueOf(400 + 30L * n));
        }
      }
    }
    List<long[]> learners = new java.util.ArrayList<>();
    try (Generation.Batch values = g.batch("INDICATOR_VALUE", "ID", "INDICATOR_ID", "SCHOOL_YEAR", "AMOUNT", "RECORDED_AT", "RECORDED_BY")) {
      long id = 1;
      for (long i = 1; i <= COUNT; i++) {
        for (int n = 0; n < years.size() && !years.get(n).firstDay().isAfter(REFERENCE_DAY); n++) {
          long amount = 380 + 28L * n + random.nextInt(40);
          values.row(id, i, years.get(n).startYear(), BigDecimal.valueOf(amount), Timestamp.valueOf(years.get(n).firstDay().plusMonths(2).atStartOfDay()), "generateur");
          if (i == 1) {
            learners.add(new long[] {id, amount, amount * (14 + n) / 100});
          }
          id++;
        }
      }
    }
    try (Generation.Batch parts = g.batch("INDICATOR_VALUE_PART", "VALUE_ID", "LABEL", "AMOUNT")) {
      for (long[] v : learners) {
        parts.row(v[0], "Filles", BigDecimal.valueOf(v[2]));
        parts.row(v[0], "Garçons", BigDecimal.valueOf(v[1] - v[2]));
      }
    }
    g.restartIdentity("INDICATOR_TARGET");
    g.restartIdentity("INDICATOR_VALUE");
  }
}
