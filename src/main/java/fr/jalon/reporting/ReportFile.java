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

/** One generated file of a report (PDF, XLSX or CSV), kept by the file store with its SHA-256. */
@Entity
@Table(name = "REPORT_FILE")
public class ReportFile implements Audited {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "REPORT_ID", nullable = false, updatable = false)
  private Report report;

  @Enumerated(EnumType.STRING)
  @Column(name = "FORMAT", nullable = false, updatable = false)
  private ReportFormat format;

  @ManyToOne(optional = false)
  @JoinColumn(name = "FILE_ID", nullable = false, updatable = false)
  private StoredFile file;

  @Version
  @Column(name = "VERSION")
  private int version;

  protected ReportFile() {}

  ReportFile(Report report, ReportFormat format, StoredFile file) {
    this.report = report;
    this.format = format;
    this.file = file;
  }

  @Override
  public Object auditKey() {
    return report.auditKey() + " " + format;
  }

  public Long id() { return id; }
  public Report report() { return report; }
  public ReportFormat format() { return format; }
  public StoredFile file() { return file; }
}
