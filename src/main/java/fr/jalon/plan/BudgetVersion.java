package fr.jalon.plan;

import fr.jalon.audit.Audited;
import fr.jalon.grant.CopilDecision;
import fr.jalon.grant.Grant;
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
import jakarta.persistence.PreRemove;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * One version of the budget annex. A draft is edited; approval freezes it for good (its lines
 * refuse any change, and so does the version itself); the next approval supersedes it. A
 * revision is a new draft copied from the version in force.
 */
@Entity
@Table(name = "BUDGET_VERSION")
public class BudgetVersion implements Audited {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "GRANT_ID", nullable = false)
  private Grant grant;

  @Column(name = "NUMBER", nullable = false)
  private int number;

  @Column(name = "LABEL", nullable = false)
  private String label;

  @Enumerated(EnumType.STRING)
  @Column(name = "STATUS", nullable = false)
  private BudgetStatus status;

  @ManyToOne
  @JoinColumn(name = "BASED_ON_ID")
  private BudgetVersion basedOn;

  @Column(name = "CREATED_AT", nullable = false)
  private LocalDateTime createdAt;

  @Column(name = "CREATED_BY", nullable = false)
  private String createdBy;

  @Column(name = "APPROVED_ON")
  private LocalDate approvedOn;

  @Column(name = "APPROVED_BY")
  private String approvedBy;

  @ManyToOne
  @JoinColumn(name = "DECISION_ID")
  private CopilDecision decision;

  @Version
  @Column(name = "VERSION")
  private int version;

  /** The status as loaded: what the immutability guard compares against. */
  @Transient
  private BudgetStatus loadedStatus;

  protected BudgetVersion() {}

  public BudgetVersion(Grant grant, int number, String label, BudgetVersion basedOn, LocalDateTime createdAt, String createdBy) {
    if (label == null || label.isBlank()) {
      throw new RuleViolation("label", "field.required");
    }
    this.grant = grant;
    this.number = number;
    this.label = label.trim();
    this.basedOn = basedOn;
    this.status = BudgetStatus.DRAFT;
    this.createdAt = createdAt;
    this.createdBy = createdBy;
  }

  @jakarta.persistence.PostLoad
  void remember() {
    loadedStatus = status;
  }

  /** Refuses any change unless this version is a draft. */
  public void ensureDraft() {
    if (status != BudgetStatus.DRAFT) {
      throw new RuleViolation("status", "budget.version.frozen", number, status.name());
    }
  }

  public void relabel(String label) {
    ensureDraft();
    if (label == null || label.isBlank()) {
      throw new RuleViolation("label", "field.required");
    }
    this.label = label.trim();
  }

  /** Approves this draft; {@code decision} is the COPIL decision when rule 12 asks for one. */
  public void approve(LocalDate on, String by, CopilDecision decision) {
    ensureDraft();
    this.status = BudgetStatus.APPROVED;
    this.approvedOn = on;
    this.approvedBy = by;
    this.decision = decision;
  }

  /** The version in force gives way to a newly approved one. */
  public void supersede() {
    if (status != BudgetStatus.APPROVED) {
      throw new RuleViolation("status", "budget.version.notApproved", number);
    }
    this.status = BudgetStatus.SUPERSEDED;
  }

  /**
   * The database guard behind the methods: an approved version only ever becomes superseded, and a
   * frozen version is never removed.
   */
  @PreUpdate
  void checkUpdate() {
    if (loadedStatus == BudgetStatus.SUPERSEDED || (loadedStatus == BudgetStatus.APPROVED && status != BudgetStatus.SUPERSEDED)) {
      throw new IllegalStateException("Budget version " + number + " is " + loadedStatus + " and never changes");
    }
  }

  @PreRemove
  void checkRemove() {
    if (status != BudgetStatus.DRAFT) {
      throw new IllegalStateException("Budget version " + number + " is " + status + " and is never removed");
    }
  }

  public boolean isDraft() {
    return status == BudgetStatus.DRAFT;
  }

  @Override
  public Object auditKey() {
    return "v" + number;
  }

  public Long id() {
    return id;
  }

  public Grant grant() {
    return grant;
  }

  public int number() {
    return number;
  }

  public String label() {
    return label;
  }

  public BudgetStatus status() {
    return status;
  }

  public BudgetVersion basedOn() {
    return basedOn;
  }

  public LocalDateTime createdAt() {
    return createdAt;
  }

  public String createdBy() {
    return createdBy;
  }

  public LocalDate approvedOn() {
    return approvedOn;
  }

  public String approvedBy() {
    return approvedBy;
  }

  public CopilDecision decision() {
    return decision;
  }

  public int version() {
    return version;
  }
}
