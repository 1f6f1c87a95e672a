package fr.jalon.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** One line of the audit trail. Written, never changed. */
@Entity
@Table(name = "AUDIT_ENTRY")
public class AuditEntry {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "OCCURRED_AT", nullable = false, updatable = false)
  private LocalDateTime at;

  @Column(name = "ACTOR", nullable = false, updatable = false)
  private String actor;

  @Column(name = "ACTION", nullable = false, updatable = false)
  private String action;

  @Column(name = "ENTITY_TYPE", updatable = false)
  private String entityType;

  @Column(name = "ENTITY_ID", updatable = false)
  private String entityId;

  @Column(name = "SUMMARY", updatable = false)
  private String summary;

  @Lob
  @Column(name = "CHANGES", updatable = false)
  private String changes;

  protected AuditEntry() {}

  public AuditEntry(LocalDateTime at, String actor, String action, String entityType, String entityId, String summary, String changes) {
    this.at = at;
    this.actor = AuditContext.clip(actor, 60);
    this.action = AuditContext.clip(action, 30);
    this.entityType = AuditContext.clip(entityType, 60);
    this.entityId = AuditContext.clip(entityId, 60);
    this.summary = AuditContext.clip(summary, 500);
    this.changes = changes;
  }

  public Long id() {
    return id;
  }

  public LocalDateTime at() {
    return at;
  }

  public String actor() {
    return actor;
  }

  public String action() {
    return action;
  }

  public String entityType() {
    return entityType;
  }

  public String entityId() {
    return entityId;
  }

  public String summary() {
    return summary;
  }

  public String changes() {
    return changes;
  }
}
