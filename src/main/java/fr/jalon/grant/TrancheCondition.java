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
 * A release condition of a tranche other than its spend ratio: a milestone to be validated or a
 * report type to be accepted. Whether it holds is asked live of the {@link ConditionEvaluator}s
 * the milestone and report capabilities provide.
 */
@Entity
@Table(name = "TRANCHE_CONDITION")
public class TrancheCondition implements Audited {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "TRANCHE_ID", nullable = false, updatable = false)
  private Tranche tranche;

  @Enumerated(EnumType.STRING)
  @Column(name = "KIND", nullable = false)
  private ConditionKind kind;

  @Column(name = "MILESTONE_ID")
  private Long milestoneId;

  @Column(name = "REPORT_TYPE")
  private String reportType;

  @Version
  @Column(name = "VERSION")
  private int version;

  protected TrancheCondition() {}

  TrancheCondition(Tranche tranche, ConditionKind kind, Long milestoneId, String reportType) {
    if (kind == null) {
      throw new RuleViolation("conditions", "tranche.condition.kind.required");
    }
    if (kind == ConditionKind.MILESTONE_VALIDATED && milestoneId == null) {
      throw new RuleViolation("conditions", "tranche.condition.milestone.required");
    }
    if (kind == ConditionKind.REPORT_ACCEPTED && (reportType == null || reportType.isBlank())) {
      throw new RuleViolation("conditions", "tranche.condition.report.required");
    }
    this.tranche = tranche;
    this.kind = kind;
    this.milestoneId = kind == ConditionKind.MILESTONE_VALIDATED ? milestoneId : null;
    this.reportType = kind == ConditionKind.REPORT_ACCEPTED ? reportType.trim() : null;
  }

  boolean same(ConditionKind otherKind, Long otherMilestone, String otherReport) {
    return kind == otherKind && java.util.Objects.equals(milestoneId, otherMilestone)
        && java.util.Objects.equals(reportType, otherReport == null ? null : otherReport.trim());
  }

  @Override
  public Object auditKey() {
    return tranche.auditKey() + " " + kind + " " + (milestoneId != null ? milestoneId : reportType);
  }

  public Long id() {
    return id;
  }

  public Tranche tranche() {
    return tranche;
  }

  public ConditionKind kind() {
    return kind;
  }

  public Long milestoneId() {
    return milestoneId;
  }

  public String reportType() {
    return reportType;
  }
}
