package fr.jalon.platform;

/** The record asked for does not exist. Shown as 404. */
public class NotFoundException extends RuntimeException {
  public NotFoundException(String message) {
    super(message);
  }
}
