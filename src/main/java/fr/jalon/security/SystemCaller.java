package fr.jalon.security;

import java.util.function.Supplier;

/**
 * Work Jalon does by itself (start-up, demo data, scheduled tasks) runs as the system caller,
 * which passes the role checks and appears as "système" in the audit trail. Only code, never a
 * request, can enter it.
 */
public final class SystemCaller {
  private static final ThreadLocal<Boolean> ACTIVE = ThreadLocal.withInitial(() -> false);

  private SystemCaller() {}

  public static boolean active() {
    return ACTIVE.get();
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
