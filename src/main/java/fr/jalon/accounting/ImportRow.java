package fr.jalon.accounting;

import java.time.LocalDateTime;

/** One import in the history. */
public record ImportRow(long id, String format, String fileName, String sha256, ImportStatus status, LocalDateTime importedAt, String importedBy,
    int linesRead, int created, int skipped, int refused) implements java.io.Serializable {

  static ImportRow of(AccountingImport i) {
    return new ImportRow(i.id(), i.format(), i.fileName(), i.sha256(), i.status(), i.importedAt(), i.importedBy(), i.linesRead(), i.created(), i.skipped(), i.refused());
  }
}
