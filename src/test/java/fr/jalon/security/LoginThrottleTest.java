package fr.jalon.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
  /** A clock the test moves. */
  static final class MovingClock extends Clock {
    Instant now = Instant.parse("2026-11-29T10:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneId.of("Europe/Paris");
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void aNameIsLockedAfterTenFailuresWithinFifteenMinutesThenFreedAgain() {
    MovingClock clock = new MovingClock();
    LoginThrottle throttle = new LoginThrottle(clock);
    for (int i = 0; i < LoginThrottle.MAX_FAILURES - 1; i++) {
      throttle.failed("finance");
    }
    assertThat(throttle.locked("finance")).isFalse();
    throttle.failed("finance");
    assertThat(throttle.locked("finance")).isTrue();
    assertThat(throttle.locked("projet")).isFalse();
    clock.now = clock.now.plus(LoginThrottle.WINDOW).plus(Duration.ofSeconds(1));
    assertThat(throttle.locked("finance")).isFalse();
  }

  @Test
  void aSuccessForgetsEarlierFailures() {
    LoginThrottle throttle = new LoginThrottle(new MovingClock());
    for (int i = 0; i < LoginThrottle.MAX_FAILURES - 1; i++) {
      throttle.failed("finance");
    }
    throttle.succeeded("finance");
    throttle.failed("finance");
    assertThat(throttle.locked("finance")).isFalse();
  }
}
