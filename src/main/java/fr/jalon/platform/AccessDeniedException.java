package fr.jalon.platform;

/** The caller's roles do not allow this use case. Shown as 403. */
public class AccessDeniedException extends RuntimeException {
  public AccessDeniedException(String message) {
    super(message);
  }
}
