package fr.jalon.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The one clock: every "today" and "now" in Jalon comes from the injected {@link Clock}. The
 * system property {@code jalon.clock} (an ISO instant) fixes it, for tests that need a known day.
 */
@ApplicationScoped
public class Clocks {
  public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  @Produces
  Clock clock() {
    String fixed = System.getProperty("jalon.clock");
    return fixed == null || fixed.isBlank() ? Clock.system(PARIS) : Clock.fixed(Instant.parse(fixed), PARIS);
  }
}
