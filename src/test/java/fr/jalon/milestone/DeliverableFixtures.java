package fr.jalon.milestone;

import fr.jalon.platform.FileStore;
import jakarta.persistence.EntityManager;
import java.time.Clock;

/** The deliverable service outside the container, for other capabilities' tests. */
public final class DeliverableFixtures {
  private DeliverableFixtures() {}

  public static DeliverableService deliverableService(EntityManager em, FileStore files, Clock clock) {
    DeliverableService s = new DeliverableService();
    s.em = em;
    s.grants = fr.jalon.grant.GrantFixtures.grantService(em);
    s.files = files;
    s.clock = clock;
    return s;
  }
}
