package fr.jalon.platform;

/** Somebody else saved the record since this user opened it (optimistic locking). */
public class ConcurrentEditException extends RuntimeException {
  public ConcurrentEditException(String what) {
    super(Messages.get("error.conflict", what));
  }
}
