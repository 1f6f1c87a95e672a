package fr.jalon.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/** A report as the archive lists it: what it covers, where it stands, who signed, its files. */
public record ReportRow(
    Long id,
    ReportType type,
    LocalDate periodFrom,
    LocalDate periodTo,
    Long trancheId,
    int reportVersion,
    Long previousId,
    ReportStatus status,
    LocalDateTime generatedAt,
    String generatedBy,
    int lineCount,
    BigDecimal totalEligible,
    String dataSha256,
    LocalDate submittedOn,
    LocalDate answeredOn,
    String answerNote,
    List<Signature> signatures,
    List<File> files,
    List<SignatoryRole> requiredSignatures,
    int version) {

  public record Signature(Long id, SignatoryRole role, String name, String quality, LocalDate signedOn, String recordedBy, Long scanFileId) {}

  public record File(Long id, ReportFormat format, String name, long sizeBytes, String sha256) {}

  static ReportRow of(Report r) {
    return new ReportRow(r.id(), r.type(), r.periodFrom(), r.periodTo(), r.trancheId(), r.reportVersion(), r.previousId(), r.status(), r.generatedAt(), r.generatedBy(),
        r.lineCount(), r.totalEligible(), r.dataSha256(), r.submittedOn(), r.answeredOn(), r.answerNote(),
        r.signatures().stream().map(s -> new Signature(s.id(), s.role(), s.name(), s.quality(), s.signedOn(), s.recordedBy(), s.scan() == null ? null : s.scan().id())).toList(),
        r.files().stream().map(f -> new File(f.file().id(), f.format(), f.file().originalName(), f.file().sizeBytes(), f.file().sha256())).toList(),
        SignatureRules.required(r.type(), r.grant().beneficiary().legalForm()), r.version());
  }
}
