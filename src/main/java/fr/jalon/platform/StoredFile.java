package fr.jalon.platform;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** A file kept by the {@link FileStore}: its generated storage name, original name and SHA-256. */
@Entity
@Table(name = "STORED_FILE")
public class StoredFile {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "STORAGE_NAME", nullable = false, updatable = false)
  private String storageName;

  @Column(name = "ORIGINAL_NAME", nullable = false, updatable = false)
  private String originalName;

  @Column(name = "CONTENT_TYPE", nullable = false, updatable = false)
  private String contentType;

  @Column(name = "SIZE_BYTES", nullable = false, updatable = false)
  private long sizeBytes;

  @Column(name = "SHA256", nullable = false, updatable = false)
  private String sha256;

  @Column(name = "STORED_AT", nullable = false, updatable = false)
  private LocalDateTime storedAt;

  @Column(name = "STORED_BY", nullable = false, updatable = false)
  private String storedBy;

  protected StoredFile() {}

  StoredFile(String storageName, String originalName, String contentType, long sizeBytes, String sha256, LocalDateTime storedAt, String storedBy) {
    this.storageName = storageName;
    this.originalName = originalName;
    this.contentType = contentType;
    this.sizeBytes = sizeBytes;
    this.sha256 = sha256;
    this.storedAt = storedAt;
    this.storedBy = storedBy;
  }

  public Long id() {
    return id;
  }

  public String storageName() {
    return storageName;
  }

  public String originalName() {
    return originalName;
  }

  public String contentType() {
    return contentType;
  }

  public long sizeBytes() {
    return sizeBytes;
  }

  public String sha256() {
    return sha256;
  }

  public LocalDateTime storedAt() {
    return storedAt;
  }

  public String storedBy() {
    return storedBy;
  }

  /** How the audit trail names a file: its name and the start of its SHA-256. */
  @Override
  public String toString() {
    return originalName + " (SHA-256 " + (sha256 == null ? "?" : sha256.substring(0, 12)) + "…)";
  }
}
