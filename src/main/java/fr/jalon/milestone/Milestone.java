package fr.jalon.milestone;

import fr.jalon.audit.Audited;
import fr.jalon.grant.Amendment;
import fr.jalon.grant.CopilDecision;
import fr.jalon.grant.DecisionOutcome;
import fr.jalon.grant.DecisionSubject;
import fr.jalon.grant.Grant;
import fr.jalon.grant.Tranche;
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
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A milestone of the action plan (rule 11). The baseline date is fixed when the milestone is
 * agreed and moves only through an amendment; re-planning moves the forecast. Reaching needs
 * evidence; validating or rejecting needs the COPIL decision that names this milestone, with an
 * outcome GO or NO_GO for a go/no-go milestone.
 */
@Entity
@Table(name = "MILESTONE")
public class Milestone implements Audited {
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

  @ManyToOne(optional = false)
  @JoinColumn(name = "ACTION_ID", nullable = false)
  private Action action;

  @Column(name = "BASELINE_DATE", nullable = false)
  private LocalDate baselineDate;

  @Column(name = "FORECAST_DATE", nullable = false)
  private LocalDate forecastDate;

  @Column(name = "ACCEPTANCE_CRITERIA")
  private String acceptanceCriteria;

  @Column(name = "GO_NO_GO", nullable = false)
  private boolean goNoGo;

  @ManyToOne
  @JoinColumn(name = "TRANCHE_ID")
  private Tranche tranche;

  @Enumerated(EnumType.STRING)
  @Column(name = "STATUS", nullable = false)
  private MilestoneStatus status = MilestoneStatus.PLANNED;

  @Column(name = "REACHED_ON")
  private LocalDate reachedOn;

  @ManyToOne
  @JoinColumn(name = "DECISION_ID")
  private CopilDecision decision;

  @ManyToOne
  @JoinColumn(name = "BASELINE_AMENDMENT_ID")
  private Amendment baselineAmendment;

  @ManyToOne
  @JoinColumn(name = "NO_GO_LIFTED_BY_ID")
  private Amendment noGoLiftedBy;

  @ManyToMany
  @JoinTable(name = "MILESTONE_EVIDENCE", joinColumns = @JoinColumn(name = "MILESTONE_ID"), inverseJoinColumns = @JoinColumn(name = "STORED_FILE_ID"))
  @OrderBy("storedAt")
  private List<StoredFile> evidence = new ArrayList<>();

  @Version
  @Column(name = "VERSION")
  private int version;

  protected Milestone() {}

  public Milestone(Grant grant, String code, String title, Action action, LocalDate baselineDate, String acceptanceCriteria, boolean goNoGo, Tranche tranche) {
    if (baselineDate == null) {
      throw new RuleViolation("baselineDate", "milestone.baseline.required");
    }
    this.grant = grant;
    this.baselineDate = baselineDate;
    this.forecastDate = baselineDate;
    describe(code, title, action, acceptanceCriteria, goNoGo, tranche);
  }

  /** Changes what the milestone is; never its dates (see {@link #replan} and {@link #rebaseline}). */
  public void describe(String code, String title, Action action, String acceptanceCriteria, boolean goNoGo, Tranche tranche) {
    if (code == null || code.isBlank()) {
      throw new RuleViolation("code", "milestone.code.required");
    }
    if (title == null || title.isBlank()) {
      throw new RuleViolation("title", "milestone.title.required");
    }
    if (action == null) {
      throw new RuleViolation("actionId", "milestone.action.required");
    }
    if (goNoGo && tranche == null) {
      throw new RuleViolation("trancheId", "milestone.goNoGo.trancheRequired");
    }
    if (status == MilestoneStatus.VALIDATED && goNoGo != this.goNoGo) {
      throw new RuleViolation("goNoGo", "milestone.goNoGo.frozen");
    }
    this.code = code.trim().toUpperCase(Locale.ROOT);
    this.title = title.trim();
    this.action = action;
    this.acceptanceCriteria = acceptanceCriteria == null || acceptanceCriteria.isBlank() ? null : acceptanceCriteria.trim();
    this.goNoGo = goNoGo;
    this.tranche = tranche;
  }

  /** PLANNED → IN_PROGRESS. */
  public void start() {
    requireStatus("milestone.start.notPlanned", MilestoneStatus.PLANNED);
    status = MilestoneStatus.IN_PROGRESS;
  }

  /** Adds an evidence file while the milestone is still open. */
  public void addEvidence(StoredFile file) {
    if (status.closed()) {
      throw new RuleViolation("evidence", "milestone.evidence.closed", code);
    }
    evidence.add(file);
  }

  /** IN_PROGRESS → REACHED, declared by the project manager with at least one evidence file. */
  public void declareReached(LocalDate on, Clock clock) {
    requireStatus("milestone.reach.notInProgress", MilestoneStatus.IN_PROGRESS);
    if (evidence.isEmpty()) {
      throw new RuleViolation("evidence", "milestone.reach.noEvidence", code);
    }
    LocalDate day = on == null ? LocalDate.now(clock) : on;
    if (day.isAfter(LocalDate.now(clock))) {
      throw new RuleViolation("reachedOn", "milestone.reach.future");
    }
    reachedOn = day;
    status = MilestoneStatus.REACHED;
  }

  /** REACHED → VALIDATED by the COPIL decision naming this milestone (GO or NO_GO for a go/no-go one). */
  public void validate(CopilDecision decision) {
    requireStatus("milestone.validate.notReached", MilestoneStatus.REACHED);
    requireDecision(decision);
    if (evidence.isEmpty()) {
      throw new RuleViolation("evidence", "milestone.reach.noEvidence", code);
    }
    if (goNoGo && decision.outcome() == null) {
      throw new RuleViolation("decisionId", "milestone.validate.outcomeRequired", code);
    }
    if (!goNoGo && decision.outcome() == DecisionOutcome.NO_GO) {
      throw new RuleViolation("decisionId", "milestone.validate.noGoOnPlain", code);
    }
    this.decision = decision;
    status = MilestoneStatus.VALIDATED;
  }

  /** REACHED → back IN_PROGRESS with a new forecast, citing the COPIL decision that rejected it. */
  public void reject(CopilDecision decision, LocalDate newForecast) {
    requireStatus("milestone.reject.notReached", MilestoneStatus.REACHED);
    requireDecision(decision);
    if (newForecast == null) {
      throw new RuleViolation("forecastDate", "milestone.reject.forecastRequired");
    }
    this.decision = decision;
    this.forecastDate = newForecast;
    this.reachedOn = null;
    status = MilestoneStatus.IN_PROGRESS;
  }

  /** Any open milestone may be abandoned; a validated one stays validated. */
  public void abandon() {
    if (status.closed()) {
      throw new RuleViolation("status", "milestone.abandon.closed", code);
    }
    status = MilestoneStatus.ABANDONED;
  }

  /** Re-planning: a new forecast date. The baseline, against which lateness is measured, stays. */
  public void replan(LocalDate forecast) {
    if (forecast == null) {
      throw new RuleViolation("forecastDate", "milestone.forecast.required");
    }
    if (status.closed() || status == MilestoneStatus.REACHED) {
      throw new RuleViolation("forecastDate", "milestone.replan.notOpen", code);
    }
    this.forecastDate = forecast;
  }

  /** Only an amendment moves the baseline (rule 11); the amendment is cited. */
  public void rebaseline(Amendment amendment, LocalDate baseline) {
    if (amendment == null) {
      throw new RuleViolation("amendmentId", "milestone.baseline.amendmentRequired");
    }
    if (!Objects.equals(amendment.grant().id(), grant.id())) {
      throw new RuleViolation("amendmentId", "milestone.baseline.amendmentRequired");
    }
    if (baseline == null) {
      throw new RuleViolation("baselineDate", "milestone.baseline.required");
    }
    if (status.closed()) {
      throw new RuleViolation("baselineDate", "milestone.baseline.closed", code);
    }
    this.baselineDate = baseline;
    this.baselineAmendment = amendment;
  }

  /** Records the amendment that cites this milestone's NO_GO decision, lifting its suspension. */
  public void liftNoGo(Amendment amendment) {
    if (!noGo()) {
      throw new RuleViolation("amendmentId", "milestone.noGo.none", code);
    }
    if (noGoLiftedBy != null) {
      throw new RuleViolation("amendmentId", "milestone.noGo.alreadyLifted", code, noGoLiftedBy.number());
    }
    if (amendment == null || amendment.decision() == null || !Objects.equals(amendment.decision().id(), decision.id())) {
      throw new RuleViolation("amendmentId", "milestone.noGo.amendmentMustCite", decision.reference());
    }
    this.noGoLiftedBy = amendment;
  }

  /** Late: today is past the baseline and the milestone is neither reached, validated nor abandoned. */
  public boolean late(Clock clock) {
    return MilestoneDates.late(baselineDate, status, LocalDate.now(clock));
  }

  /** Slipping: the forecast is past the baseline on a milestone still open. */
  public boolean slipping() {
    return MilestoneDates.slipping(baselineDate, forecastDate, status);
  }

  /** True when validated with a NO_GO outcome (rule 11). */
  public boolean noGo() {
    return status == MilestoneStatus.VALIDATED && decision != null && decision.outcome() == DecisionOutcome.NO_GO;
  }

  /** Validated, and GO for a go/no-go milestone: what a tranche condition waits for. */
  public boolean releasesTranche() {
    return status == MilestoneStatus.VALIDATED && (!goNoGo || decision.outcome() == DecisionOutcome.GO);
  }

  private void requireDecision(CopilDecision decision) {
    if (decision == null) {
      throw new RuleViolation("decisionId", "milestone.decision.required", code);
    }
    if (decision.subject() != DecisionSubject.MILESTONE || decision.subjectId() == null || !decision.subjectId().equals(id)) {
      throw new RuleViolation("decisionId", "milestone.decision.notThisMilestone", decision.reference(), code);
    }
    if (!Objects.equals(decision.meeting().grant().id(), grant.id())) {
      throw new RuleViolation("decisionId", "milestone.decision.notThisMilestone", decision.reference(), code);
    }
  }

  private void requireStatus(String key, MilestoneStatus wanted) {
    if (status != wanted) {
      throw new RuleViolation("status", key, code);
    }
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

  public LocalDate baselineDate() {
    return baselineDate;
  }

  public LocalDate forecastDate() {
    return forecastDate;
  }

  public String acceptanceCriteria() {
    return acceptanceCriteria;
  }

  public boolean goNoGo() {
    return goNoGo;
  }

  public Tranche tranche() {
    return tranche;
  }

  public MilestoneStatus status() {
    return status;
  }

  public LocalDate reachedOn() {
    return reachedOn;
  }

  public CopilDecision decision() {
    return decision;
  }

  public Amendment baselineAmendment() {
    return baselineAmendment;
  }

  public Amendment noGoLiftedBy() {
    return noGoLiftedBy;
  }

  public List<StoredFile> evidence() {
    return List.copyOf(evidence);
  }

  public int version() {
    return version;
  }
}
