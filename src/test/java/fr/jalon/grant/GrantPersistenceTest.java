package fr.jalon.grant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.jalon.audit.AuditContext;
import fr.jalon.audit.AuditEntry;
import fr.jalon.platform.TestDatabase;
import jakarta.persistence.LockModeType;
import jakarta.persistence.RollbackException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The grant against the real schema: mapping, optimistic locking, and the audit trail it leaves. */
class GrantPersistenceTest {
  static TestDatabase db;

  @BeforeAll
  static void start() {
    db = new TestDatabase();
    AuditContext.actorResolver(() -> "testeur");
  }

  @AfterAll
  static void stop() {
    AuditContext.actorResolver(() -> AuditContext.SYSTEM);
    db.close();
  }

  private static long newGrant(String reference) {
    return db.inTransaction(em -> {
      Organisation beneficiary = new Organisation("Lycée Champollion", "19460036500010", LegalForm.EPLE, false);
      em.persist(beneficiary);
      GrantChange terms = GrantRulesTest.with(b -> b);
      terms = new GrantChange(reference, terms.title(), terms.programme(), terms.operatorName(), terms.ministry(), terms.signatureDate(),
          terms.eligibilityStart(), terms.endDate(), terms.maxPiaAmount(), terms.eligibleBudget(), terms.parameters(), null);
      Grant grant = new Grant(terms, beneficiary);
      em.persist(grant);
      em.flush();
      return grant.id();
    });
  }

  private static List<AuditEntry> auditOf(String type, String key) {
    return db.inTransaction(em -> em.createQuery("SELECT a FROM AuditEntry a WHERE a.entityType = :t AND a.entityId = :k ORDER BY a.id", AuditEntry.class)
        .setParameter("t", type).setParameter("k", key).getResultList());
  }

  @Test
  void aGrantIsStoredWithItsParametersInForceFromTheEligibilityStart() {
    long id = newGrant("PERSIST-1");
    GrantSheet sheet = db.inTransaction(em -> GrantSheet.of(em.find(Grant.class, id)));
    assertThat(sheet.maxPiaAmount()).isEqualByComparingTo("2000000.00");
    assertThat(sheet.parametersEffectiveFrom()).isEqualTo(LocalDate.of(2020, 1, 1));
    assertThat(sheet.parameters().advanceCap()).isEqualByComparingTo("30");
    assertThat(sheet.interimCapApplicable()).isEqualByComparingTo("90");
    assertThat(sheet.years()).hasSize(10);
  }

  @Test
  void creationAndEachChangeGoToTheAuditTrailWithOldAndNewValues() {
    long id = newGrant("PERSIST-2");
    db.run(em -> {
      Grant grant = em.find(Grant.class, id);
      GrantChange change = GrantSheet.of(grant).toChange();
      grant.revise(new GrantChange(change.reference(), "Nouvel intitulé", change.programme(), change.operatorName(), change.ministry(), change.signatureDate(),
          change.eligibilityStart(), change.endDate(), new BigDecimal("1900000.00"), change.eligibleBudget(), change.parameters(), change.version()));
    });
    List<AuditEntry> entries = auditOf("Grant", "PERSIST-2");
    assertThat(entries).extracting(AuditEntry::action).containsExactly("CREATE", "UPDATE");
    assertThat(entries.get(0).actor()).isEqualTo("testeur");
    assertThat(entries.get(1).changes()).contains("title: Campus test → Nouvel intitulé").contains("maxPiaAmount: 2000000.00 → 1900000.00");
  }

  @Test
  void parameterChangesAreAuditedOnTheirOwnRecord() {
    long id = newGrant("PERSIST-3");
    db.run(em -> {
      Grant grant = em.find(Grant.class, id);
      GrantChange c = GrantSheet.of(grant).toChange();
      ParameterValues p = c.parameters();
      ParameterValues changed = new ParameterValues(p.maxPiaRate(), p.maxPublicAidRate(), p.minCofundingRatio(), new BigDecimal("25.00"), p.interimCap(),
          p.interimCapLong(), p.longGrantMonths(), p.fungibilityThreshold(), p.flatRateOverheads(), p.statutoryStaffEligible(), p.procurementThreshold(),
          p.separatePaymentOrder(), p.finalPaymentGraceDays(), p.reportDueDays(), p.reportingPeriod());
      grant.revise(new GrantChange(c.reference(), c.title(), c.programme(), c.operatorName(), c.ministry(), c.signatureDate(), c.eligibilityStart(), c.endDate(),
          c.maxPiaAmount(), c.eligibleBudget(), changed, c.version()));
    });
    List<AuditEntry> entries = auditOf("GrantParameters", "PERSIST-3 @ 2020-01-01");
    assertThat(entries).extracting(AuditEntry::action).containsExactly("CREATE", "UPDATE");
    assertThat(entries.get(1).changes()).isEqualTo("advanceCap: 30.00 → 25.00");
  }

  @Test
  void aStaleVersionCannotOverwriteANewerOne() {
    long id = newGrant("PERSIST-4");
    Grant stale = db.inTransaction(em -> em.find(Grant.class, id));
    db.run(em -> {
      Grant fresh = em.find(Grant.class, id);
      em.lock(fresh, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
    });
    assertThatThrownBy(() -> db.run(em -> {
      Grant merged = em.merge(stale);
      em.lock(merged, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
    })).isInstanceOfAny(RollbackException.class, jakarta.persistence.OptimisticLockException.class);
  }

  @Test
  void theReferenceIsUniqueInTheDatabase() {
    newGrant("PERSIST-5");
    assertThatThrownBy(() -> newGrant("PERSIST-5")).isInstanceOf(RuntimeException.class);
  }

  @Test
  void anAmendmentKeepsItsDecisionAndParameterSetAndThePastKeepsItsValues() {
    long id = newGrant("PERSIST-6");
    long amendmentId = db.inTransaction(em -> {
      Grant grant = em.find(Grant.class, id);
      CopilMeeting meeting = new CopilMeeting(grant, LocalDate.of(2024, 11, 20), "COPIL annuel", "Proviseur, Région, CDC");
      CopilDecision decision = meeting.decide("COPIL-2024-07", DecisionSubject.AMENDMENT, null, "Avenant n° 1 : avance portée à 35 %", null);
      em.persist(meeting);
      ParameterValues p = grant.parametersInForce().values();
      ParameterValues changed = new ParameterValues(p.maxPiaRate(), p.maxPublicAidRate(), p.minCofundingRatio(), new BigDecimal("35.00"), p.interimCap(),
          p.interimCapLong(), p.longGrantMonths(), p.fungibilityThreshold(), p.flatRateOverheads(), p.statutoryStaffEligible(), p.procurementThreshold(),
          p.separatePaymentOrder(), p.finalPaymentGraceDays(), p.reportDueDays(), p.reportingPeriod());
      Amendment amendment = new Amendment(grant, 1, LocalDate.of(2024, 12, 2), LocalDate.of(2025, 1, 1), "Avance portée à 35 %", decision, changed, null);
      em.persist(amendment);
      em.flush();
      return amendment.id();
    });
    db.run(em -> {
      Amendment a = em.find(Amendment.class, amendmentId);
      assertThat(a.decision().reference()).isEqualTo("COPIL-2024-07");
      assertThat(a.decision().meeting().decisions()).hasSize(1);
      assertThat(a.parameters().effectiveFrom()).isEqualTo(LocalDate.of(2025, 1, 1));
      Grant grant = a.grant();
      assertThat(grant.parametersOn(LocalDate.of(2024, 12, 31)).values().advanceCap()).isEqualByComparingTo("30");
      assertThat(grant.parametersOn(LocalDate.of(2025, 1, 1)).values().advanceCap()).isEqualByComparingTo("35");
      assertThat(GrantSheet.of(grant, LocalDate.of(2022, 5, 1), true, java.util.Map.of()).parameters().advanceCap()).isEqualByComparingTo("30");
    });
    assertThat(auditOf("Amendment", "Avenant n° 1")).extracting(AuditEntry::action).containsExactly("CREATE");
  }
}
