package fr.jalon.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import fr.jalon.audit.AuditContext;
import fr.jalon.audit.AuditEntry;
import fr.jalon.grant.Grant;
import fr.jalon.platform.TestDatabase;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Indicators against the real schema: targets, values and their parts stored and read back, changes audited. */
class IndicatorPersistenceTest {
  static TestDatabase db;

  @BeforeAll
  static void start() {
    db = new TestDatabase();
    AuditContext.actorResolver(() -> "projet");
  }

  @AfterAll
  static void stop() {
    AuditContext.actorResolver(() -> AuditContext.SYSTEM);
    db.close();
  }

  @Test
  void aValueWithItsBreakdownIsStoredReadBackAndAudited() {
    long id = db.inTransaction(em -> {
      Grant grant = IndicatorRulesTest.grant();
      em.persist(grant.beneficiary());
      em.persist(grant);
      Indicator learners = new Indicator(grant, IndicatorRulesTest.definition("APP", "Filles;Garçons", null, null), null);
      learners.target(new SchoolYear(2024), new BigDecimal("550"));
      em.persist(learners);
      IndicatorValue value = new IndicatorValue(learners, new SchoolYear(2024));
      Map<String, BigDecimal> parts = new LinkedHashMap<>();
      parts.put("Filles", new BigDecimal("112"));
      parts.put("Garçons", new BigDecimal("388"));
      value.record(new BigDecimal("500"), parts, "rentrée 2024", LocalDateTime.of(2024, 10, 1, 9, 0), "projet");
      em.persist(value);
      em.flush();
      return value.id();
    });
    db.run(em -> {
      IndicatorValue v = em.find(IndicatorValue.class, id);
      assertThat(v.amount()).isEqualByComparingTo("500.00");
      assertThat(v.parts()).extracting(ValuePart::toString).containsExactlyInAnyOrder("Filles 112.00", "Garçons 388.00");
      assertThat(v.indicator().targetFor(new SchoolYear(2024))).contains(new BigDecimal("550.00"));
      Map<String, BigDecimal> corrected = new LinkedHashMap<>();
      corrected.put("Filles", new BigDecimal("120"));
      corrected.put("Garçons", new BigDecimal("390"));
      v.record(new BigDecimal("510"), corrected, null, LocalDateTime.of(2024, 10, 2, 9, 0), "projet");
    });
    db.run(em -> assertThat(em.find(IndicatorValue.class, id).parts()).extracting(ValuePart::toString).containsExactlyInAnyOrder("Filles 120.00", "Garçons 390.00"));
    List<AuditEntry> trail = db.inTransaction(em -> em.createQuery("SELECT a FROM AuditEntry a WHERE a.entityType = 'IndicatorValue' ORDER BY a.id", AuditEntry.class).getResultList());
    assertThat(trail).extracting(AuditEntry::action).containsExactly("CREATE", "UPDATE");
    assertThat(trail.get(1).changes()).contains("amount: 500.00 → 510.00");
  }
}
