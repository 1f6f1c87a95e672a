package fr.jalon.grant;

import fr.jalon.audit.Audited;
import fr.jalon.platform.RuleViolation;
import fr.jalon.platform.StoredFile;
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
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/** The financing agreement (convention de financement) between the operator and the beneficiary. */
@Entity
@Table(name = "GRANT_AGREEMENT")
public class Grant implements Audited {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "REFERENCE", nullable = false)
  private String reference;

  @Column(name = "TITLE", nullable = false)
  private String title;

  @Column(name = "PROGRAMME", nullable = false)
  private String programme;

  @Column(name = "OPERATOR_NAME", nullable = false)
  private String operatorName;

  @Column(name = "MINISTRY", nullable = false)
  private String ministry;

  @ManyToOne(optional = false)
  @JoinColumn(name = "BENEFICIARY_ID", nullable = false)
  private Organisation beneficiary;

  @Column(name = "SIGNATURE_DATE", nullable = false)
  private LocalDate signatureDate;

  @Column(name = "ELIGIBILITY_START", nullable = false)
  private LocalDate eligibilityStart;

  @Column(name = "END_DATE", nullable = false)
  private LocalDate endDate;

  @Column(name = "MAX_PIA_AMOUNT", nullable = false)
  private BigDecimal maxPiaAmount;

  @Column(name = "ELIGIBLE_BUDGET", nullable = false)
  private BigDecimal eligibleBudget;

  @ManyToOne
  @JoinColumn(name = "SIGNED_AGREEMENT_FILE_ID")
  private StoredFile signedAgreement;

  @OneToMany(mappedBy = "grant", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("effectiveFrom")
  private List<GrantParameters> parameters = new ArrayList<>();

  @Version
  @Column(name = "VERSION")
  private int version;

  protected Grant() {}

  /** A new grant with its first parameter set in force from the eligibility start. */
  public Grant(GrantChange terms, Organisation beneficiary) {
    this.beneficiary = beneficiary;
    revise(terms);
  }

  /** Applies a change after checking every rule; on any refusal nothing changes. */
  public void revise(GrantChange c) {
    revise(c, false);
  }

  /**
   * As {@link #revise(GrantChange)}; once {@code parametersFrozen} (a tranche has been requested),
   * parameters change only through an amendment (rule 13).
   */
  public void revise(GrantChange c, boolean parametersFrozen) {
    RuleViolation.throwIfAny(GrantRules.check(c));
    if (parametersFrozen && !parameters.isEmpty() && !c.parameters().normalised().equals(parametersInForce().values().normalised())) {
      throw new RuleViolation("parameters", "grant.parameters.frozen");
    }
    this.reference = c.reference().trim();
    this.title = c.title().trim();
    this.programme = c.programme().trim();
    this.operatorName = c.operatorName().trim();
    this.ministry = c.ministry().trim();
    this.signatureDate = c.signatureDate();
    this.eligibilityStart = c.eligibilityStart();
    this.endDate = c.endDate();
    this.maxPiaAmount = c.maxPiaAmount().setScale(2);
    this.eligibleBudget = c.eligibleBudget().setScale(2);
    if (parameters.isEmpty()) {
      parameters.add(new GrantParameters(this, eligibilityStart, c.parameters()));
    } else {
      // Until amendments exist, the first set is edited in place and follows the start date.
      GrantParameters first = parameters.get(0);
      first.moveEffectiveFrom(eligibilityStart);
      parametersInForce().apply(c.parameters());
    }
  }

  /**
   * Rule 8's planned eligible cost is the approved budget's eligible total: the budget calls this
   * in the transaction that approves a version, so every figure reads it from the grant.
   */
  public void adoptApprovedBudget(BigDecimal eligibleTotal) {
    if (eligibleTotal == null || eligibleTotal.signum() <= 0) {
      throw new RuleViolation("eligibleBudget", "field.positive");
    }
    this.eligibleBudget = eligibleTotal.setScale(2);
  }

  public void attachSignedAgreement(StoredFile file) {
    this.signedAgreement = file;
  }

  /**
   * Rule 13: an amendment's new parameter set, in force from {@code effectiveFrom}. It starts after
   * every existing set, so the values of past periods never change.
   */
  GrantParameters amend(LocalDate effectiveFrom, ParameterValues values) {
    if (effectiveFrom == null) {
      throw new RuleViolation("effectiveFrom", "field.required");
    }
    if (effectiveFrom.isBefore(eligibilityStart) || effectiveFrom.isAfter(endDate)) {
      throw new RuleViolation("effectiveFrom", "amendment.effectiveFrom.outsideGrant");
    }
    GrantParameters latest = parametersInForce();
    if (!effectiveFrom.isAfter(latest.effectiveFrom())) {
      throw new RuleViolation("effectiveFrom", "amendment.effectiveFrom.notAfterLatest", new fr.jalon.platform.Messages.Day(latest.effectiveFrom()));
    }
    RuleViolation.throwIfAny(GrantRules.checkParameters(values));
    if (values.normalised().equals(latest.values().normalised())) {
      throw new RuleViolation("parameters", "amendment.parameters.unchanged");
    }
    GrantParameters set = new GrantParameters(this, effectiveFrom, values);
    parameters.add(set);
    return set;
  }

  /** The parameter set in force on {@code day}: the latest that started on or before it. */
  public GrantParameters parametersOn(LocalDate day) {
    return parameters.stream()
        .filter(p -> !p.effectiveFrom().isAfter(day))
        .max(Comparator.comparing(GrantParameters::effectiveFrom))
        .orElse(parameters.get(0));
  }

  /** The newest parameter set: the one that applies from now on. */
  public GrantParameters parametersInForce() {
    return parameters.stream().max(Comparator.comparing(GrantParameters::effectiveFrom)).orElseThrow();
  }

  public List<GrantParameters> parameterHistory() {
    return List.copyOf(parameters);
  }

  /** The calendar years the grant covers, from its dates: a five-year grant has five. */
  public List<Integer> years() {
    return IntStream.rangeClosed(eligibilityStart.getYear(), endDate.getYear()).boxed().toList();
  }

  public long months() {
    return GrantRules.months(eligibilityStart, endDate);
  }

  /** Aid rate (rule 8) against the eligible budget, in percent with two decimals. */
  public BigDecimal aidRate() {
    return aidRate(parametersInForce());
  }

  /** The aid rate for a figure of {@code day}: with the maximum PIA rate in force that day (rule 13). */
  public BigDecimal aidRateOn(LocalDate day) {
    return aidRate(parametersOn(day));
  }

  private BigDecimal aidRate(GrantParameters p) {
    return FundingRules.aidRate(maxPiaAmount, eligibleBudget, p.values().maxPiaRate()).setScale(2, java.math.RoundingMode.HALF_UP);
  }

  @Override
  public Object auditKey() {
    return reference;
  }

  public Long id() {
    return id;
  }

  public String reference() {
    return reference;
  }

  public String title() {
    return title;
  }

  public String programme() {
    return programme;
  }

  public String operatorName() {
    return operatorName;
  }

  public String ministry() {
    return ministry;
  }

  public Organisation beneficiary() {
    return beneficiary;
  }

  public LocalDate signatureDate() {
    return signatureDate;
  }

  public LocalDate eligibilityStart() {
    return eligibilityStart;
  }

  public LocalDate endDate() {
    return endDate;
  }

  public BigDecimal maxPiaAmount() {
    return maxPiaAmount;
  }

  public BigDecimal eligibleBudget() {
    return eligibleBudget;
  }

  public StoredFile signedAgreement() {
    return signedAgreement;
  }

  public int version() {
    return version;
  }

}
