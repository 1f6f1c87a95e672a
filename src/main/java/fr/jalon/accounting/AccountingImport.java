package fr.jalon.accounting;

import fr.jalon.audit.Audited;
import fr.jalon.grant.Grant;
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
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDateTime;

/** One import of a file from accounting: what, who, when, the counts, and whether its lines are visible. */
@Entity
@Table(name = "ACCOUNTING_IMPORT")
public class AccountingImport implements Audited {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "GRANT_ID", nullable = false, updatable = false)
  private Grant grant;

  @Column(name = "FORMAT", nullable = false, updatable = false)
  private String format;

  @Column(name = "FILE_NAME", nullable = false, updatable = false)
  private String fileName;

  @Column(name = "SHA256", nullable = false, updatable = false)
  private String sha256;

  @Enumerated(EnumType.STRING)
  @Column(name = "STATUS", nullable = false)
  private ImportStatus status = ImportStatus.STAGED;

  @Column(name = "IMPORTED_AT", nullable = false, updatable = false)
  private LocalDateTime importedAt;

  @Column(name = "IMPORTED_BY", nullable = false, updatable = false)
  private String importedBy;

  @Column(name = "LINES_READ", nullable = false)
  private int linesRead;

  @Column(name = "CREATED_COUNT", nullable = false)
  private int created;

  @Column(name = "SKIPPED_COUNT", nullable = false)
  private int skipped;

  @Column(name = "REFUSED_COUNT", nullable = false)
  private int refused;

  @Version
  @Column(name = "VERSION")
  private int version;

  protected AccountingImport() {}

  public AccountingImport(Grant grant, String format, String fileName, String sha256, LocalDateTime at, String by) {
    this.grant = grant;
    this.format = format;
    this.fileName = fileName;
    this.sha256 = sha256;
    this.importedAt = at;
    this.importedBy = by;
  }

  public void count(int linesRead, int created, int skipped, int refused) {
    this.linesRead = linesRead;
    this.created = created;
    this.skipped = skipped;
    this.refused = refused;
  }

  public void confirm() {
    status = ImportStatus.CONFIRMED;
  }

  public void undo() {
    status = ImportStatus.UNDONE;
  }

  public void fail() {
    status = ImportStatus.FAILED;
  }

  @Override
  public Object auditKey() {
    return fileName + " " + sha256;
  }

  public Long id() { return id; }
  public Grant grant() { return grant; }
  public String format() { return format; }
  public String fileName() { return fileName; }
  public String sha256() { return sha256; }
  public ImportStatus status() { return status; }
  public LocalDateTime importedAt() { return importedAt; }
  public String importedBy() { return importedBy; }
  public int linesRead() { return linesRead; }
  public int created() { return created; }
  public int skipped() { return skipped; }
  public int refused() { return refused; }
}
