package fr.jalon.reporting;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * The claim on one period of one report type: inserted before the generation, alone in its
 * transaction, under a UNIQUE (grant, type, period) constraint, so that a period is generated once
 * whatever the number of instances and restarts. It then records what happened. Not audited: the
 * claim is the scheduler's own bookkeeping, its transaction holds that one INSERT and nothing else
 * (the report it leads to is audited).
 */
@Entity
@Table(name = "REPORT_RUN")
public class ReportRun {
  /** What became of a claimed period. */
  public enum Outcome {
    CLAIMED,
    GENERATED,
    REFUSED,
    EXISTING
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "GRANT_ID", nullable = false, updatable = false)
  private Long grantId;

  @Enumerated(EnumType.STRING)
  @Column(name = "REPORT_TYPE", nullable = false, updatable = false)
  private ReportType type;

  @Column(name = "PERIOD_FROM", nullable = false, updatable = false)
  private LocalDate periodFrom;

  @Column(name = "PERIOD_TO", nullable = false, updatable = false)
  private LocalDate periodTo;

  @Column(name = "DUE_ON", nullable = false, updatable = false)
  private LocalDate dueOn;

  @Column(name = "CLAIMED_AT", nullable = false, updatable = false)
  private LocalDateTime claimedAt;

  @Enumerated(EnumType.STRING)
  @Column(name = "OUTCOME", nullable = false)
  private Outcome outcome;

  @Column(name = "REPORT_ID")
  private Long reportId;

  @Column(name = "FAILURE")
  private String failure;

  @Version
  @Column(name = "VERSION")
  private int version;

  protected ReportRun() {}

  ReportRun(Long grantId, ReportType type, LocalDate periodFrom, LocalDate periodTo, LocalDate dueOn, LocalDateTime claimedAt) {
    this.grantId = grantId;
    this.type = type;
    this.periodFrom = periodFrom;
    this.periodTo = periodTo;
    this.dueOn = dueOn;
    this.claimedAt = claimedAt;
    this.outcome = Outcome.CLAIMED;
  }

  void generated(long report) {
    this.outcome = Outcome.GENERATED;
    this.reportId = report;
  }

  void refused(Outcome why, String message) {
    this.outcome = why;
    this.failure = message == null ? null : message.length() > 1000 ? message.substring(0, 999) + "…" : message;
  }

  public Long id() { return id; }
  public Long grantId() { return grantId; }
  public ReportType type() { return type; }
  public LocalDate periodFrom() { return periodFrom; }
  public LocalDate periodTo() { return periodTo; }
  public LocalDate dueOn() { return dueOn; }
  public LocalDateTime claimedAt() { return claimedAt; }
  public Outcome outcome() { return outcome; }
  public Long reportId() { return reportId; }
  public String failure() { return failure; }
}
