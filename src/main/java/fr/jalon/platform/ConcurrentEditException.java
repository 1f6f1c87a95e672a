package fr.jalon.platform;

/**
 * Somebody else saved the record since this user opened it (optimistic locking), or is changing
 * it right now (HTTP 409).
 */
public class ConcurrentEditException extends RuntimeException {
  public ConcurrentEditException(String what) {
    super(Messages.get("error.conflict", what));
  }

  private ConcurrentEditException(String message, boolean worded) {
    super(message);
  }

  /** A conflict that {@code message} (French) tells in full. */
  public static ConcurrentEditException worded(String message) {
    return new ConcurrentEditException(message, true);
  }
}
