package fr.jalon.grant;

import fr.jalon.audit.Audited;
import fr.jalon.platform.RuleViolation;
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

/**
 * One decision of a COPIL meeting: its reference (cited by budget approvals, amendments,
 * tranche requests and milestone validations) and what it decides on.
 */
@Entity
@Table(name = "COPIL_DECISION")
public class CopilDecision implements Audited {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "MEETING_ID", nullable = false)
  private CopilMeeting meeting;

  @Column(name = "REFERENCE", nullable = false)
  private String reference;

  @Enumerated(EnumType.STRING)
  @Column(name = "SUBJECT", nullable = false)
  private DecisionSubject subject;

  /** The record decided on, in the subject's own table; empty for OTHER. */
  @Column(name = "SUBJECT_ID")
  private Long subjectId;

  @Column(name = "SUMMARY", nullable = false)
  private String summary;

  @Enumerated(EnumType.STRING)
  @Column(name = "OUTCOME")
  private DecisionOutcome outcome;

  @Version
  @Column(name = "VERSION")
  private int version;

  protected CopilDecision() {}

  CopilDecision(CopilMeeting meeting, String reference, DecisionSubject subject, Long subjectId, String summary, DecisionOutcome outcome) {
    if (reference == null || reference.isBlank()) {
      throw new RuleViolation("reference", "copil.decision.reference.required");
    }
    if (subject == null) {
      throw new RuleViolation("subject", "copil.decision.subject.required");
    }
    if (summary == null || summary.isBlank()) {
      throw new RuleViolation("summary", "copil.decision.summary.required");
    }
    if (outcome != null && subject != DecisionSubject.MILESTONE) {
      throw new RuleViolation("outcome", "copil.decision.outcome.milestoneOnly");
    }
    this.meeting = meeting;
    this.reference = reference.trim();
    this.subject = subject;
    this.subjectId = subjectId;
    this.summary = summary.trim();
    this.outcome = outcome;
  }

  @Override
  public Object auditKey() {
    return reference;
  }

  public Long id() {
    return id;
  }

  public CopilMeeting meeting() {
    return meeting;
  }

  public String reference() {
    return reference;
  }

  public DecisionSubject subject() {
    return subject;
  }

  public Long subjectId() {
    return subjectId;
  }

  public String summary() {
    return summary;
  }

  public DecisionOutcome outcome() {
    return outcome;
  }

  /** "COPIL-2024-03 — 12/03/2024": how a decision is cited on screens and in reports. */
  public String citation() {
    return reference + " — " + fr.jalon.platform.Dates.format(meeting.heldOn());
  }
}
