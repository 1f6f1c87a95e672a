package fr.jalon.grant;

import fr.jalon.audit.Audited;
import fr.jalon.platform.RuleViolation;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;

/**
 * An amendment (avenant) to the financing agreement. It never rewrites history: it brings a new
 * parameter set from its effective date and/or cites the budget version it approves (rule 13).
 * Once recorded it does not change; a mistake is corrected by the next amendment.
 */
@Entity
@Table(name = "AMENDMENT")
public class Amendment implements Audited {
  public static final int OBJECT_MAX = 2000;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "GRANT_ID", nullable = false, updatable = false)
  private Grant grant;

  @Column(name = "NUMBER", nullable = false, updatable = false)
  private int number;

  @Column(name = "SIGNED_ON", nullable = false, updatable = false)
  private LocalDate signedOn;

  @Column(name = "EFFECTIVE_FROM", nullable = false, updatable = false)
  private LocalDate effectiveFrom;

  @Column(name = "OBJECT", nullable = false, updatable = false)
  private String object;

  @ManyToOne(optional = false)
  @JoinColumn(name = "DECISION_ID", nullable = false, updatable = false)
  private CopilDecision decision;

  @ManyToOne
  @JoinColumn(name = "PARAMETERS_ID", updatable = false)
  private GrantParameters parameters;

  /** The budget version it approves, in the plan's table (the plan depends on the grant, not the reverse). */
  @Column(name = "BUDGET_VERSION_ID", updatable = false)
  private Long budgetVersionId;

  @Version
  @Column(name = "VERSION")
  private int version;

  protected Amendment() {}

  /**
   * Records amendment {@code number}: with {@code newParameters} it adds a parameter set from
   * {@code effectiveFrom}; with {@code budgetVersionId} it cites an approved budget version; with
   * neither it records what Jalon does not model (its object) and cites its decision — e.g. the
   * amendment that lifts a NO_GO (rule 11).
   */
  Amendment(Grant grant, int number, LocalDate signedOn, LocalDate effectiveFrom, String object, CopilDecision decision,
      ParameterValues newParameters, Long budgetVersionId) {
    java.util.List<RuleViolation> missing = new java.util.ArrayList<>();
    if (signedOn == null) {
      missing.add(new RuleViolation("signedOn", "field.required"));
    }
    if (effectiveFrom == null) {
      missing.add(new RuleViolation("effectiveFrom", "field.required"));
    } else if (signedOn != null && effectiveFrom.isBefore(signedOn)) {
      missing.add(new RuleViolation("effectiveFrom", "amendment.effectiveFrom.beforeSignature"));
    }
    if (object == null || object.isBlank()) {
      missing.add(new RuleViolation("object", "field.required"));
    } else if (object.trim().length() > OBJECT_MAX) {
      missing.add(new RuleViolation("object", "field.tooLong", OBJECT_MAX));
    }
    if (decision == null) {
      missing.add(new RuleViolation("decisionId", "amendment.decision.required"));
    }
    RuleViolation.throwIfAny(missing);
    this.grant = grant;
    this.number = number;
    this.signedOn = signedOn;
    this.effectiveFrom = effectiveFrom;
    this.object = object.trim();
    this.decision = decision;
    this.budgetVersionId = budgetVersionId;
    this.parameters = newParameters == null ? null : grant.amend(effectiveFrom, newParameters);
  }

  @Override
  public Object auditKey() {
    return "Avenant n° " + number;
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

  public LocalDate signedOn() {
    return signedOn;
  }

  public LocalDate effectiveFrom() {
    return effectiveFrom;
  }

  public String object() {
    return object;
  }

  public CopilDecision decision() {
    return decision;
  }

  /** The parameter set it brought, or null when it changed only the budget. */
  public GrantParameters parameters() {
    return parameters;
  }

  public Long budgetVersionId() {
    return budgetVersionId;
  }
}
