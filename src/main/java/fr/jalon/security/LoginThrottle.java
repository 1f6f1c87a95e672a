package fr.jalon.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: after {@link #MAX_FAILURES} failures for one user name within
 * {@link #WINDOW}, that name is refused for the rest of the window, even with the right password.
 * In memory: a restart forgets, which only ever helps the rightful user.
 */
public final class LoginThrottle {
  public static final int MAX_FAILURES = 10;
  public static final Duration WINDOW = Duration.ofMinutes(15);

  private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
  private final Clock clock;

  public LoginThrottle(Clock clock) {
    this.clock = clock;
  }

  public boolean locked(String username) {
    Deque<Instant> recent = failures.get(username);
    if (recent == null) {
      return false;
    }
    synchronized (recent) {
      prune(recent);
      return recent.size() >= MAX_FAILURES;
    }
  }

  public void failed(String username) {
    Deque<Instant> recent = failures.computeIfAbsent(username, k -> new ArrayDeque<>());
    synchronized (recent) {
      prune(recent);
      recent.addLast(clock.instant());
    }
    if (failures.size() > 10_000) {
      // Names nobody owns must not fill the memory: forget those with no recent failure.
      failures.entrySet().removeIf(e -> {
        synchronized (e.getValue()) {
          prune(e.getValue());
          return e.getValue().isEmpty();
        }
      });
    }
  }

  public void succeeded(String username) {
    failures.remove(username);
  }

  private void prune(Deque<Instant> recent) {
    Instant oldest = clock.instant().minus(WINDOW);
    while (!recent.isEmpty() && recent.peekFirst().isBefore(oldest)) {
      recent.removeFirst();
    }
  }
}
