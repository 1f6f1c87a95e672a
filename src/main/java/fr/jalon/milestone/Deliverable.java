package fr.jalon.milestone;

import fr.jalon.audit.Audited;
import fr.jalon.grant.Grant;
import fr.jalon.plan.Action;
import fr.jalon.platform.RuleViolation;
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
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

/** A deliverable (livrable) of an action or a milestone: due on a date, submitted as a file, then accepted or rejected. */
@Entity
@Table(name = "DELIVERABLE")
public class Deliverable implements Audited {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "GRANT_ID", nullable = false, updatable = false)
  private Grant grant;

  @Column(name = "CODE", nullable = false)
  private String code;

  @Column(name = "TITLE", nullable = false)
  private String title;

  @ManyToOne
  @JoinColumn(name = "ACTION_ID")
  private Action action;

  @ManyToOne
  @JoinColumn(name = "MILESTONE_ID")
  private Milestone milestone;

  @Column(name = "DUE_DATE", nullable = false)
  private LocalDate dueDate;

  @Column(name = "SUBMITTED_ON")
  private LocalDate submittedOn;

  @ManyToOne
  @JoinColumn(name = "FILE_ID")
  private StoredFile file;

  @Enumerated(EnumType.STRING)
  @Column(name = "STATUS", nullable = false)
  private DeliverableStatus status = DeliverableStatus.EXPECTED;

  @Version
  @Column(name = "VERSION")
  private int version;

  protected Deliverable() {}

  public Deliverable(Grant grant, String code, String title, Action action, Milestone milestone, LocalDate dueDate) {
    this.grant = grant;
    describe(code, title, action, milestone, dueDate);
  }

  public void describe(String code, String title, Action action, Milestone milestone, LocalDate dueDate) {
    if (code == null || code.isBlank()) {
      throw new RuleViolation("code", "deliverable.code.required");
    }
    if (title == null || title.isBlank()) {
      throw new RuleViolation("title", "deliverable.title.required");
    }
    if (action == null && milestone == null) {
      throw new RuleViolation("actionId", "deliverable.hangsOn.required");
    }
    if (dueDate == null) {
      throw new RuleViolation("dueDate", "deliverable.due.required");
    }
    this.code = code.trim().toUpperCase(Locale.ROOT);
    this.title = title.trim();
    this.action = action == null ? milestone.action() : action;
    this.milestone = milestone;
    this.dueDate = dueDate;
  }

  /** EXPECTED or REJECTED → SUBMITTED, with its file, on a day not in the future. */
  public void submit(StoredFile file, LocalDate on, Clock clock) {
    if (status != DeliverableStatus.EXPECTED && status != DeliverableStatus.REJECTED) {
      throw new RuleViolation("status", "deliverable.submit.notOpen", code);
    }
    if (file == null) {
      throw new RuleViolation("file", "deliverable.submit.fileRequired", code);
    }
    LocalDate day = on == null ? LocalDate.now(clock) : on;
    if (day.isAfter(LocalDate.now(clock))) {
      throw new RuleViolation("submittedOn", "deliverable.submit.future");
    }
    this.file = file;
    this.submittedOn = day;
    status = DeliverableStatus.SUBMITTED;
  }

  /** SUBMITTED → ACCEPTED. */
  public void accept() {
    requireSubmitted();
    status = DeliverableStatus.ACCEPTED;
  }

  /** SUBMITTED → REJECTED; it may be submitted again. */
  public void reject() {
    requireSubmitted();
    status = DeliverableStatus.REJECTED;
  }

  private void requireSubmitted() {
    if (status != DeliverableStatus.SUBMITTED) {
      throw new RuleViolation("status", "deliverable.review.notSubmitted", code);
    }
  }

  public boolean late(Clock clock) {
    return MilestoneDates.late(dueDate, status, LocalDate.now(clock));
  }

  @Override
  public Object auditKey() {
    return code;
  }

  public Long id() {
    return id;
  }

  public Grant grant() {
    return grant;
  }

  public String code() {
    return code;
  }

  public String title() {
    return title;
  }

  public Action action() {
    return action;
  }

  public Milestone milestone() {
    return milestone;
  }

  public LocalDate dueDate() {
    return dueDate;
  }

  public LocalDate submittedOn() {
    return submittedOn;
  }

  public StoredFile file() {
    return file;
  }

  public DeliverableStatus status() {
    return status;
  }

  public int version() {
    return version;
  }
}
