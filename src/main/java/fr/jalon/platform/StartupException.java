package fr.jalon.platform;

/** A condition that stops Jalon from starting; its message is shown to the operator as is. */
public class StartupException extends RuntimeException {
  public StartupException(String message) {
    super(message);
  }

  public StartupException(String message, Throwable cause) {
    super(message, cause);
  }
}
