package fr.jalon.audit;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.function.Supplier;

/**
 * What the audit listener, which JPA creates outside CDI, needs to know: who is acting and what
 * time it is. The security capability sets the actor resolver at start-up; tests set their own.
 */
public final class AuditContext {
  public static final String SYSTEM = "système";

  private static volatile Supplier<String> actor = () -> SYSTEM;
  private static volatile Clock clock = Clock.systemDefaultZone();

  private AuditContext() {}

  public static void actorResolver(Supplier<String> resolver) {
    actor = resolver;
  }

  public static void clock(Clock c) {
    clock = c;
  }

  public static String actor() {
    try {
      String name = actor.get();
      return name == null || name.isBlank() ? SYSTEM : name;
    } catch (RuntimeException e) {
      return SYSTEM;
    }
  }

  public static LocalDateTime now() {
    return LocalDateTime.now(clock);
  }

  static String clip(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
