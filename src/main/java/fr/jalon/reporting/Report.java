package fr.jalon.reporting;

import fr.jalon.audit.Audited;
import fr.jalon.grant.Grant;
import fr.jalon.grant.LegalForm;
import fr.jalon.platform.RuleViolation;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * One version of a report and where it stands in the lifecycle every type shares. A version from
 * SIGNED on is frozen (its files and data carry their SHA-256); a submitted one never changes:
 * TO_CORRECT is answered by a new version ({@link #nextVersion}).
 */
@Entity
@Table(name = "REPORT")
public class Report implements Audited {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "GRANT_ID", nullable = false, updatable = false)
  private Grant grant;

  @Enumerated(EnumType.STRING)
  @Column(name = "REPORT_TYPE", nullable = false, updatable = false)
  private ReportType type;

  @Column(name = "PERIOD_FROM", updatable = false)
  private LocalDate periodFrom;

  @Column(name = "PERIOD_TO", updatable = false)
  private LocalDate periodTo;

  @Column(name = "TRANCHE_ID", updatable = false)
  private Long trancheId;

  @Column(name = "REPORT_VERSION", nullable = false, updatable = false)
  private int reportVersion;

  @Column(name = "PREVIOUS_ID", updatable = false)
  private Long previousId;

  @Enumerated(EnumType.STRING)
  @Column(name = "STATUS", nullable = false)
  private ReportStatus status = ReportStatus.DRAFT;

  @Column(name = "GENERATED_AT", nullable = false)
  private LocalDateTime generatedAt;

  @Column(name = "GENERATED_BY", nullable = false)
  private String generatedBy;

  @Column(name = "LINE_COUNT", nullable = false)
  private int lineCount;

  @Column(name = "TOTAL_ELIGIBLE", nullable = false)
  private BigDecimal totalEligible = BigDecimal.ZERO.setScale(2);

  @Column(name = "DATA_SHA256")
  private String dataSha256;

  @Column(name = "FROZEN_AT")
  private LocalDateTime frozenAt;

  @Column(name = "SUBMITTED_ON")
  private LocalDate submittedOn;

  @Column(name = "ANSWERED_ON")
  private LocalDate answeredOn;

  @Column(name = "ANSWER_NOTE")
  private String answerNote;

  @OneToMany(mappedBy = "report", cascade = CascadeType.PERSIST)
  @OrderBy("id")
  private List<ReportSignature> signatures = new ArrayList<>();

  @OneToMany(mappedBy = "report", cascade = CascadeType.PERSIST)
  @OrderBy("id")
  private List<ReportFile> files = new ArrayList<>();

  @Version
  @Column(name = "VERSION")
  private int version;

  protected Report() {}

  /** A first version, in DRAFT: for a period (from/to) or a tranche, as its type says. */
  public Report(Grant grant, ReportType type, LocalDate from, LocalDate to, Long trancheId, LocalDateTime now, String by) {
    if (type == null) {
      throw new RuleViolation("type", "report.type.required");
    }
    if (type.scope() == ReportType.Scope.PERIOD) {
      if (from == null || to == null) {
        throw new RuleViolation("from", "report.period.required");
      }
      if (to.isBefore(from)) {
        throw new RuleViolation("to", "report.period.backwards");
      }
    } else if (trancheId == null) {
      throw new RuleViolation("trancheId", "report.tranche.required");
    }
    this.grant = grant;
    this.type = type;
    this.periodFrom = type.scope() == ReportType.Scope.PERIOD ? from : null;
    this.periodTo = type.scope() == ReportType.Scope.PERIOD ? to : null;
    this.trancheId = type.scope() == ReportType.Scope.TRANCHE ? trancheId : null;
    this.reportVersion = 1;
    this.generatedAt = now;
    this.generatedBy = by;
  }

  /** The version that follows one sent back for correction: same type and scope, in DRAFT. */
  public Report nextVersion(LocalDateTime now, String by) {
    if (status != ReportStatus.TO_CORRECT) {
      throw new RuleViolation("status", "report.nextVersion.notToCorrect");
    }
    Report next = new Report(grant, type, periodFrom, periodTo, trancheId, now, by);
    next.reportVersion = reportVersion + 1;
    next.previousId = id;
    return next;
  }

  /** Regenerating is for a draft only; its files are replaced and its figures recorded. */
  public void regenerated(int lines, BigDecimal eligible, LocalDateTime now, String by) {
    requireStatus(ReportStatus.DRAFT, "report.regenerate.notDraft");
    this.lineCount = lines;
    this.totalEligible = eligible.setScale(2);
    this.generatedAt = now;
    this.generatedBy = by;
  }

  /** Files of a draft are replaced on regeneration; a frozen report's never are. */
  public void replaceFiles(List<ReportFile> newFiles) {
    requireStatus(ReportStatus.DRAFT, "report.regenerate.notDraft");
    files.clear();
    files.addAll(newFiles);
  }

  /**
   * Moves to {@code target} if the lifecycle allows it: SIGNED needs every signature the type and
   * the beneficiary's legal form require; SUBMITTED and the answers need a date not in the future.
   */
  public void moveTo(ReportStatus target, LocalDate on, String note, LocalDate today) {
    if (target == null || !status.next().contains(target)) {
      throw new RuleViolation("target", "report.transition.refused", status.name(), target == null ? "" : target.name());
    }
    if (target == ReportStatus.SIGNED) {
      List<SignatoryRole> missing = SignatureRules.missing(type, legalForm(), signatures.stream().map(ReportSignature::role).toList());
      if (!missing.isEmpty()) {
        throw new RuleViolation("signatures", "report.signatures.missing", String.join(", ", missing.stream().map(r -> fr.jalon.platform.Messages.get("signatory." + r.name())).toList()));
      }
    }
    if (target == ReportStatus.SUBMITTED || target == ReportStatus.ACCEPTED || target == ReportStatus.TO_CORRECT) {
      if (on == null) {
        throw new RuleViolation("on", "report.transition.dateRequired");
      }
      if (on.isAfter(today)) {
        throw new RuleViolation("on", "report.transition.future");
      }
    }
    if (target == ReportStatus.SUBMITTED) {
      LocalDate lastSigned = signatures.stream().map(ReportSignature::signedOn).max(LocalDate::compareTo).orElse(on);
      if (on.isBefore(lastSigned)) {
        throw new RuleViolation("on", "report.submitted.beforeSigned");
      }
      submittedOn = on;
    }
    if (target == ReportStatus.ACCEPTED || target == ReportStatus.TO_CORRECT) {
      if (on.isBefore(submittedOn)) {
        throw new RuleViolation("on", "report.answer.beforeSubmitted");
      }
      if (target == ReportStatus.TO_CORRECT && (note == null || note.isBlank())) {
        throw new RuleViolation("note", "report.toCorrect.noteRequired");
      }
      answeredOn = on;
      answerNote = note == null || note.isBlank() ? null : note.strip();
    }
    status = target;
  }

  /** From SIGNED on: the data's SHA-256 and the moment it was frozen. */
  void freeze(String dataSha, LocalDateTime now) {
    this.dataSha256 = dataSha;
    this.frozenAt = now;
  }

  /** Adds a signature, checked against the type's requirements, the legal form and the other signatories. */
  public ReportSignature sign(SignatoryRole role, String name, String quality, LocalDate signedOn, String recordedBy, LocalDateTime now, LocalDate today) {
    if (status != ReportStatus.IN_REVIEW) {
      throw new RuleViolation("status", "report.sign.notInReview");
    }
    SignatureRules.check(type, legalForm(), signatures, role, name, quality, signedOn, today);
    ReportSignature s = new ReportSignature(this, role, name.strip(), quality.strip(), signedOn, recordedBy, now);
    signatures.add(s);
    return s;
  }

  private LegalForm legalForm() {
    return grant.beneficiary().legalForm();
  }

  private void requireStatus(ReportStatus wanted, String key) {
    if (status != wanted) {
      throw new RuleViolation("status", key, status.name());
    }
  }

  @Override
  public Object auditKey() {
    return type + " " + (periodFrom != null ? periodFrom + "→" + periodTo : "T" + trancheId) + " v" + reportVersion;
  }

  public Long id() { return id; }
  public Grant grant() { return grant; }
  public ReportType type() { return type; }
  public LocalDate periodFrom() { return periodFrom; }
  public LocalDate periodTo() { return periodTo; }
  public Long trancheId() { return trancheId; }
  public int reportVersion() { return reportVersion; }
  public Long previousId() { return previousId; }
  public ReportStatus status() { return status; }
  public LocalDateTime generatedAt() { return generatedAt; }
  public String generatedBy() { return generatedBy; }
  public int lineCount() { return lineCount; }
  public BigDecimal totalEligible() { return totalEligible; }
  public String dataSha256() { return dataSha256; }
  public LocalDateTime frozenAt() { return frozenAt; }
  public LocalDate submittedOn() { return submittedOn; }
  public LocalDate answeredOn() { return answeredOn; }
  public String answerNote() { return answerNote; }
  public List<ReportSignature> signatures() { return signatures; }
  public List<ReportFile> files() { return files; }
  public int version() { return version; }
}
