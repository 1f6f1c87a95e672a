package fr.jalon.grant;

import jakarta.persistence.EntityManager;
import java.time.Clock;

/** The co-funding and COPIL services on a test entity manager, without the container. */
public final class CofundingFixtures {
  private CofundingFixtures() {}

  public static CofundingService cofundingService(EntityManager em, Clock clock) {
    CofundingService s = new CofundingService();
    s.grants = GrantFixtures.grantService(em);
    s.repository = new FundingRepository(em);
    s.clock = clock;
    return s;
  }

  public static CopilService copilService(EntityManager em) {
    CopilService s = new CopilService();
    s.em = em;
    s.grants = GrantFixtures.grantService(em);
    return s;
  }
}
