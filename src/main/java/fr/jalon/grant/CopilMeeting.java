package fr.jalon.grant;

import fr.jalon.audit.Audited;
import fr.jalon.platform.RuleViolation;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A meeting of the steering committee (COPIL): when, who attended, what it decided. */
@Entity
@Table(name = "COPIL_MEETING")
public class CopilMeeting implements Audited {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "GRANT_ID", nullable = false)
  private Grant grant;

  @Column(name = "HELD_ON", nullable = false)
  private LocalDate heldOn;

  @Column(name = "TITLE", nullable = false)
  private String title;

  @Column(name = "ATTENDEES", nullable = false)
  private String attendees;

  @OneToMany(mappedBy = "meeting", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("reference")
  private List<CopilDecision> decisions = new ArrayList<>();

  @Version
  @Column(name = "VERSION")
  private int version;

  protected CopilMeeting() {}

  public CopilMeeting(Grant grant, LocalDate heldOn, String title, String attendees) {
    this.grant = grant;
    describe(heldOn, title, attendees);
  }

  public void describe(LocalDate heldOn, String title, String attendees) {
    if (heldOn == null) {
      throw new RuleViolation("heldOn", "copil.heldOn.required");
    }
    if (title == null || title.isBlank()) {
      throw new RuleViolation("title", "copil.title.required");
    }
    if (attendees == null || attendees.isBlank()) {
      throw new RuleViolation("attendees", "copil.attendees.required");
    }
    this.heldOn = heldOn;
    this.title = title.trim();
    this.attendees = attendees.trim();
  }

  /** Records a decision taken at this meeting. */
  public CopilDecision decide(String reference, DecisionSubject subject, Long subjectId, String summary, DecisionOutcome outcome) {
    CopilDecision decision = new CopilDecision(this, reference, subject, subjectId, summary, outcome);
    decisions.add(decision);
    return decision;
  }

  @Override
  public Object auditKey() {
    return heldOn + " " + title;
  }

  public Long id() {
    return id;
  }

  public Grant grant() {
    return grant;
  }

  public LocalDate heldOn() {
    return heldOn;
  }

  public String title() {
    return title;
  }

  public String attendees() {
    return attendees;
  }

  public List<CopilDecision> decisions() {
    return List.copyOf(decisions);
  }

  public int version() {
    return version;
  }
}
