package fr.jalon.security;

import java.util.function.Supplier;

/**
 * Work Jalon does by itself (start-up, demo data, scheduled tasks) runs as the system caller,
 * which passes the role checks and appears as "système" in the audit trail. Only code, never a
 * request, can enter it.
 */
public final class SystemCaller {
  private static final ThreadLocal<Boolean> ACTIVE = ThreadLocal.withInitial(() -> false);
  private static final ThreadLocal<String> ON_BEHALF_OF = new ThreadLocal<>();

  private SystemCaller() {}

  public static boolean active() {
    return ACTIVE.get();
  }

  /** The user the system caller acts for (the demo's finance officer importing the sample file), or null. */
  public static String onBehalfOf() {
    return ACTIVE.get() ? ON_BEHALF_OF.get() : null;
  }

  /**
   * As {@link #call(Supplier)}, the work recorded in the audit trail as done by {@code username}:
   * for demo data that shows what a user's own action looks like.
   */
  public static <T> T callAs(String username, Supplier<T> work) {
    String outer = ON_BEHALF_OF.get();
    ON_BEHALF_OF.set(username);
    try {
      return call(work);
    } finally {
      if (outer == null) {
        ON_BEHALF_OF.remove();
      } else {
        ON_BEHALF_OF.set(outer);
      }
    }
  }

  public static <T> T call(Supplier<T> work) {
    boolean outer = ACTIVE.get();
    ACTIVE.set(true);
    try {
      return work.get();
    } finally {
      ACTIVE.set(outer);
    }
  }

  public static void run(Runnable work) {
    call(() -> {
      work.run();
      return null;
    });
  }
}
