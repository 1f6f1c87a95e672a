package fr.jalon.reporting;

import fr.jalon.audit.Audited;
import fr.jalon.platform.StoredFile;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** A signature on a report: the signatory's name and quality, the date, who recorded it, the scanned page if any. */
@Entity
@Table(name = "REPORT_SIGNATURE")
public class ReportSignature implements Audited {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "REPORT_ID", nullable = false, updatable = false)
  private Report report;

  @Enumerated(EnumType.STRING)
  @Column(name = "SIGNATORY_ROLE", nullable = false, updatable = false)
  private SignatoryRole role;

  @Column(name = "SIGNATORY_NAME", nullable = false, updatable = false)
  private String name;

  @Column(name = "QUALITY", nullable = false, updatable = false)
  private String quality;

  @Column(name = "SIGNED_ON", nullable = false, updatable = false)
  private LocalDate signedOn;

  @Column(name = "RECORDED_BY", nullable = false, updatable = false)
  private String recordedBy;

  @Column(name = "RECORDED_AT", nullable = false, updatable = false)
  private LocalDateTime recordedAt;

  @ManyToOne
  @JoinColumn(name = "SCAN_FILE_ID")
  private StoredFile scan;

  @Version
  @Column(name = "VERSION")
  private int version;

  protected ReportSignature() {}

  ReportSignature(Report report, SignatoryRole role, String name, String quality, LocalDate signedOn, String recordedBy, LocalDateTime recordedAt) {
    this.report = report;
    this.role = role;
    this.name = name;
    this.quality = quality;
    this.signedOn = signedOn;
    this.recordedBy = recordedBy;
    this.recordedAt = recordedAt;
  }

  /** The scanned signed page, while the report is still in review. */
  void attachScan(StoredFile file) {
    if (report.status() != ReportStatus.IN_REVIEW) {
      throw new fr.jalon.platform.RuleViolation("status", "report.sign.notInReview");
    }
    this.scan = file;
  }

  @Override
  public Object auditKey() {
    return report.auditKey() + " " + role;
  }

  public Long id() { return id; }
  public Report report() { return report; }
  public SignatoryRole role() { return role; }
  public String name() { return name; }
  public String quality() { return quality; }
  public LocalDate signedOn() { return signedOn; }
  public String recordedBy() { return recordedBy; }
  public LocalDateTime recordedAt() { return recordedAt; }
  public StoredFile scan() { return scan; }
}
