package fr.jalon.platform;

import java.time.LocalDateTime;

/** Stored-file records for tests that need one without a file store. */
public final class StoredFiles {
  private StoredFiles() {}

  public static StoredFile pdf(String name) {
    return new StoredFile(java.util.UUID.randomUUID() + ".pdf", name, "application/pdf", 1234, "0".repeat(64), LocalDateTime.of(2026, 1, 5, 10, 0), "projet");
  }
}
