package fr.jalon.reporting;

import java.time.LocalDateTime;
import java.util.List;

/**
 * A re-verification of a stored report (rule 14): each file's SHA-256 against the one recorded,
 * and for a frozen statement its data. {@code intact} only when everything matches.
 */
public record Verification(Long reportId, LocalDateTime checkedAt, boolean intact, Boolean dataIntact, List<FileCheck> files) {
  public record FileCheck(Long fileId, ReportFormat format, String name, String recordedSha256, boolean intact) {}
}
