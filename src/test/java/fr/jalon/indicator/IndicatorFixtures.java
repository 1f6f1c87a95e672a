package fr.jalon.indicator;

import fr.jalon.grant.FundingRepository;
import fr.jalon.grant.Grant;
import fr.jalon.grant.GrantFixtures;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Map;

/** The indicator service and indicators with a target and a value, outside the container, for other capabilities' tests. */
public final class IndicatorFixtures {
  private IndicatorFixtures() {}

  public static IndicatorService indicatorService(EntityManager em, Clock clock) {
    IndicatorService s = new IndicatorService();
    s.em = em;
    s.grants = GrantFixtures.grantService(em);
    s.clock = clock;
    s.funding = new FundingRepository(em);
    return s;
  }

  /** A typed output indicator with its target and value for one school year. */
  public static Indicator indicator(EntityManager em, Grant grant, String code, String label, SchoolYear year, BigDecimal target, BigDecimal value) {
    Indicator i = new Indicator(grant, new IndicatorDefinition(code, label, "personnes", IndicatorKind.OUTPUT, BigDecimal.ZERO, null, null, null, null, null), null);
    i.target(year, target);
    em.persist(i);
    IndicatorValue v = new IndicatorValue(i, year);
    v.record(value, Map.of(), null, LocalDateTime.of(year.startYear() + 1, 7, 1, 9, 0), "projet");
    em.persist(v);
    return i;
  }

  /** An indicator with {@code parts} (";"-separated, or null), a target and a value for the school year starting in {@code year}. */
  public static Indicator indicator(EntityManager em, Grant grant, String code, String parts, int year, BigDecimal target, BigDecimal value, Map<String, BigDecimal> breakdown) {
    Indicator i = new Indicator(grant, IndicatorRulesTest.definition(code, parts, null, null), null);
    if (target != null) {
      i.target(new SchoolYear(year), target);
    }
    em.persist(i);
    if (value != null) {
      IndicatorValue v = new IndicatorValue(i, new SchoolYear(year));
      v.record(value, breakdown, null, LocalDateTime.of(year, 10, 1, 9, 0), "projet");
      em.persist(v);
    }
    return i;
  }
}
