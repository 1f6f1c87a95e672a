package fr.jalon.grant;

import fr.jalon.audit.Audited;
import fr.jalon.platform.RuleViolation;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A tranche (versement) of the PIA money. The administrator schedules it; finance requests it
 * and records what the operator paid. Its stored status is never CONDITIONS_MET: that is derived
 * live from the conditions (see {@link TrancheStatus}). The caps of rule 9 and the conditions of
 * rule 10 involve the other tranches and other capabilities, so {@link TrancheService} checks
 * them before calling {@link #request}.
 */
@Entity
@Table(name = "TRANCHE")
public class Tranche implements Audited {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "GRANT_ID", nullable = false, updatable = false)
  private Grant grant;

  @Column(name = "NUMBER", nullable = false)
  private int number;

  @Enumerated(EnumType.STRING)
  @Column(name = "KIND", nullable = false)
  private TrancheKind kind;

  @Column(name = "PLANNED_AMOUNT", nullable = false)
  private BigDecimal plannedAmount;

  @Column(name = "PLANNED_DATE", nullable = false)
  private LocalDate plannedDate;

  /** Rule 10's threshold, in percent; empty when the tranche has no spend condition. */
  @Column(name = "MIN_SPEND_RATIO")
  private BigDecimal minSpendRatio;

  @Enumerated(EnumType.STRING)
  @Column(name = "STATUS", nullable = false)
  private TrancheStatus status;

  @Column(name = "REQUESTED_AMOUNT")
  private BigDecimal requestedAmount;

  @Column(name = "REQUESTED_ON")
  private LocalDate requestedOn;

  @Column(name = "RECEIVED_AMOUNT")
  private BigDecimal receivedAmount;

  @Column(name = "RECEIVED_ON")
  private LocalDate receivedOn;

  @Column(name = "RECEIPT_REFERENCE")
  private String receiptReference;

  @Column(name = "STATUS_REASON")
  private String statusReason;

  @OneToMany(mappedBy = "tranche", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("id")
  private List<TrancheCondition> conditions = new ArrayList<>();

  @Version
  @Column(name = "VERSION")
  private int version;

  protected Tranche() {}

  public Tranche(Grant grant, int number, TrancheKind kind, BigDecimal plannedAmount, LocalDate plannedDate, BigDecimal minSpendRatio) {
    if (grant == null) {
      throw new IllegalArgumentException("grant");
    }
    if (number < 1) {
      throw new RuleViolation("number", "tranche.number.positive");
    }
    this.grant = grant;
    this.number = number;
    this.status = TrancheStatus.PLANNED;
    plan(kind, plannedAmount, plannedDate, minSpendRatio);
  }

  /** Changes the schedule of a tranche not yet requested. */
  public void reschedule(TrancheKind kind, BigDecimal plannedAmount, LocalDate plannedDate, BigDecimal minSpendRatio) {
    requireStatus(TrancheStatus.PLANNED, "tranche.notPlanned");
    plan(kind, plannedAmount, plannedDate, minSpendRatio);
  }

  private void plan(TrancheKind kind, BigDecimal plannedAmount, LocalDate plannedDate, BigDecimal minSpendRatio) {
    if (kind == null) {
      throw new RuleViolation("kind", "tranche.kind.required");
    }
    this.plannedAmount = positiveCents("plannedAmount", plannedAmount);
    if (plannedDate == null) {
      throw new RuleViolation("plannedDate", "field.required");
    }
    if (minSpendRatio != null && (minSpendRatio.signum() < 0 || minSpendRatio.compareTo(new BigDecimal("100")) > 0)) {
      throw new RuleViolation("minSpendRatio", "tranche.minSpendRatio.range");
    }
    this.kind = kind;
    this.plannedDate = plannedDate;
    this.minSpendRatio = minSpendRatio == null || minSpendRatio.signum() == 0 ? null : minSpendRatio.setScale(2, java.math.RoundingMode.HALF_UP);
  }

  /** Adds a release condition (once); only while the tranche is planned. */
  public void addCondition(ConditionKind kind, Long milestoneId, String reportType) {
    requireStatus(TrancheStatus.PLANNED, "tranche.notPlanned");
    if (conditions.stream().noneMatch(c -> c.same(kind, milestoneId, reportType))) {
      conditions.add(new TrancheCondition(this, kind, milestoneId, reportType));
    }
  }

  /** Replaces the release conditions with these (kind, milestone, report type) triples. */
  public void replaceConditions(List<ConditionSpec> specs) {
    requireStatus(TrancheStatus.PLANNED, "tranche.notPlanned");
    List<ConditionSpec> wanted = specs == null ? List.of() : specs;
    conditions.removeIf(c -> wanted.stream().noneMatch(w -> c.same(w.kind(), w.milestoneId(), w.reportType())));
    wanted.forEach(w -> addCondition(w.kind(), w.milestoneId(), w.reportType()));
  }

  /** A release condition as typed or sent: MILESTONE_VALIDATED with a milestone id, or REPORT_ACCEPTED with a report type. */
  public record ConditionSpec(ConditionKind kind, Long milestoneId, String reportType) {}

  /** Finance asks the operator for the money; the service checked the caps and conditions first. */
  public void request(BigDecimal amount, LocalDate on) {
    requireStatus(TrancheStatus.PLANNED, "tranche.request.notPlanned");
    this.requestedAmount = positiveCents("requestedAmount", amount);
    if (on == null) {
      throw new RuleViolation("requestedOn", "field.required");
    }
    this.requestedOn = on;
    this.status = TrancheStatus.REQUESTED;
  }

  /** Records the money the operator paid on this tranche's request. */
  public void recordReceipt(BigDecimal amount, LocalDate on, String reference) {
    requireStatus(TrancheStatus.REQUESTED, "tranche.receipt.notRequested");
    BigDecimal received = positiveCents("receivedAmount", amount);
    if (received.compareTo(requestedAmount) > 0) {
      throw new RuleViolation("receivedAmount", "tranche.receipt.aboveRequest", new fr.jalon.platform.Messages.Amount(requestedAmount));
    }
    if (on == null) {
      throw new RuleViolation("receivedOn", "field.required");
    }
    if (on.isBefore(requestedOn)) {
      throw new RuleViolation("receivedOn", "tranche.receipt.beforeRequest", fr.jalon.platform.Dates.format(requestedOn));
    }
    this.receivedAmount = received;
    this.receivedOn = on;
    this.receiptReference = reference == null || reference.isBlank() ? null : reference.trim();
    this.status = TrancheStatus.RECEIVED;
  }

  /** Holds a planned tranche (e.g. after a NO_GO decision, rule 11), with the reason. */
  public void suspend(String reason) {
    requireStatus(TrancheStatus.PLANNED, "tranche.suspend.notPlanned");
    this.statusReason = reason("reason", reason);
    this.status = TrancheStatus.SUSPENDED;
  }

  /** Lifts a suspension (an amendment citing the decision): planned again. */
  public void resume() {
    requireStatus(TrancheStatus.SUSPENDED, "tranche.resume.notSuspended");
    this.statusReason = null;
    this.status = TrancheStatus.PLANNED;
  }

  /** Gives up a tranche that was never requested. */
  public void cancel(String reason) {
    if (status != TrancheStatus.PLANNED && status != TrancheStatus.SUSPENDED) {
      throw new RuleViolation("status", "tranche.cancel.notPlanned");
    }
    this.statusReason = reason("reason", reason);
    this.status = TrancheStatus.CANCELLED;
  }

  /** The amount that counts toward the caps of rule 9: received, else requested, else planned; nothing once cancelled. */
  public BigDecimal countedAmount() {
    return switch (status) {
      case RECEIVED -> receivedAmount;
      case REQUESTED -> requestedAmount;
      case CANCELLED -> BigDecimal.ZERO.setScale(2);
      default -> plannedAmount;
    };
  }

  private void requireStatus(TrancheStatus wanted, String key) {
    if (status != wanted) {
      throw new RuleViolation("status", key, number);
    }
  }

  private static String reason(String field, String reason) {
    if (reason == null || reason.isBlank()) {
      throw new RuleViolation(field, "tranche.reason.required");
    }
    if (reason.trim().length() > 500) {
      throw new RuleViolation(field, "field.tooLong", 500);
    }
    return reason.trim();
  }

  private static BigDecimal positiveCents(String field, BigDecimal amount) {
    if (amount == null) {
      throw new RuleViolation(field, "field.required");
    }
    if (amount.signum() <= 0) {
      throw new RuleViolation(field, "field.positive");
    }
    if (amount.stripTrailingZeros().scale() > 2) {
      throw new RuleViolation(field, "field.cents");
    }
    return amount.setScale(2);
  }

  @Override
  public Object auditKey() {
    return "T" + number;
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

  public TrancheKind kind() {
    return kind;
  }

  public BigDecimal plannedAmount() {
    return plannedAmount;
  }

  public LocalDate plannedDate() {
    return plannedDate;
  }

  public BigDecimal minSpendRatio() {
    return minSpendRatio;
  }

  /** The stored status: never CONDITIONS_MET (see {@link TrancheStatus}). */
  public TrancheStatus status() {
    return status;
  }

  public BigDecimal requestedAmount() {
    return requestedAmount;
  }

  public LocalDate requestedOn() {
    return requestedOn;
  }

  public BigDecimal receivedAmount() {
    return receivedAmount;
  }

  public LocalDate receivedOn() {
    return receivedOn;
  }

  public String receiptReference() {
    return receiptReference;
  }

  public String statusReason() {
    return statusReason;
  }

  public List<TrancheCondition> conditions() {
    return List.copyOf(conditions);
  }

  public int version() {
    return version;
  }
}
