package fr.jalon.grant;

import java.time.LocalDate;

/** Test data the other capabilities' tests need from the grant package (its constructors are package-private). */
public final class GrantFixtures {
  private GrantFixtures() {}

  /** An amendment citing {@code decision}, changing nothing but what the caller does with it. */
  public static Amendment amendment(Grant grant, int number, CopilDecision decision) {
    LocalDate day = LocalDate.of(2026, 6, 1).plusDays(number);
    // An amendment changes something: here the procurement threshold, by a euro per amendment.
    GrantRulesTest.MutableParams p = new GrantRulesTest.MutableParams(grant.parametersOn(day).values());
    p.procurementThreshold = p.procurementThreshold.add(java.math.BigDecimal.ONE);
    return new Amendment(grant, number, day, day, "Avenant n° " + number, decision, p.values(), null);
  }

  /** The grant and tranche services on a test entity manager, without the container (no role checks). */
  public static TrancheService trancheService(jakarta.persistence.EntityManager em, java.time.Clock clock) {
    GrantService grants = new GrantService();
    grants.em = em;
    grants.clock = clock;
    TrancheService tranches = new TrancheService();
    tranches.em = em;
    tranches.grants = grants;
    tranches.repository = new FundingRepository(em);
    tranches.clock = clock;
    return tranches;
  }

  public static GrantService grantService(jakarta.persistence.EntityManager em) {
    GrantService grants = new GrantService();
    grants.em = em;
    return grants;
  }

  /** The tranche service with the condition evaluators and the expense figures the other capabilities provide. */
  public static TrancheService trancheService(jakarta.persistence.EntityManager em, java.time.Clock clock, jakarta.enterprise.inject.Instance<ConditionEvaluator> evaluators,
      jakarta.enterprise.inject.Instance<PaidEligibleCost> paid, jakarta.enterprise.inject.Instance<AcceptedEligibleCost> accepted) {
    TrancheService tranches = trancheService(em, clock);
    tranches.evaluators = evaluators;
    tranches.paidEligibleCost = paid;
    tranches.acceptedEligibleCost = accepted;
    return tranches;
  }
}
