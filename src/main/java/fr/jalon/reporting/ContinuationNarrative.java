package fr.jalon.reporting;

import fr.jalon.audit.Audited;
import fr.jalon.grant.Grant;
import fr.jalon.platform.RuleViolation;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDateTime;

/**
 * The project manager's narrative of the grant as a whole, carried by the final report: what
 * continues after the grant (pérennisation) — the activities, equipment and partnerships kept and
 * who funds them. One per grant, at most {@link ProgressNarrative#MAX} characters; written beside
 * the per-action narratives ({@link ProgressNarrativeService}).
 */
@Entity
@Table(name = "CONTINUATION_NARRATIVE")
public class ContinuationNarrative implements Audited {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @OneToOne(optional = false)
  @JoinColumn(name = "GRANT_ID", nullable = false, updatable = false, unique = true)
  private Grant grant;

  @Column(name = "CONTINUATION", nullable = false, length = ProgressNarrative.MAX)
  private String continuation;

  @Column(name = "UPDATED_AT", nullable = false)
  private LocalDateTime updatedAt;

  @Column(name = "UPDATED_BY", nullable = false)
  private String updatedBy;

  @Version
  @Column(name = "VERSION")
  private int version;

  protected ContinuationNarrative() {}

  public ContinuationNarrative(Grant grant) {
    this.grant = grant;
  }

  /** Replaces the text; refuses a blank one or one longer than {@link ProgressNarrative#MAX}. */
  public void write(String text, LocalDateTime now, String by) {
    if (text == null || text.isBlank()) {
      throw new RuleViolation("continuation", "continuation.required");
    }
    if (text.strip().length() > ProgressNarrative.MAX) {
      throw new RuleViolation("continuation", "field.tooLong", ProgressNarrative.MAX);
    }
    this.continuation = text.strip();
    this.updatedAt = now;
    this.updatedBy = by;
  }

  @Override
  public Object auditKey() {
    return grant.reference();
  }

  public Long id() { return id; }
  public Grant grant() { return grant; }
  public String continuation() { return continuation; }
  public LocalDateTime updatedAt() { return updatedAt; }
  public String updatedBy() { return updatedBy; }
  public int version() { return version; }
}
