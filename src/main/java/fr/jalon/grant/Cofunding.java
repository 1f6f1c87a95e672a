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
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One line of the funding plan (plan de financement): a funder, cash or in kind, and what it
 * committed. It is also the funding source a budget line or an expense is charged to.
 */
@Entity
@Table(name = "COFUNDING")
public class Cofunding implements Audited {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "GRANT_ID", nullable = false)
  private Grant grant;

  @ManyToOne(optional = false)
  @JoinColumn(name = "FUNDER_ID", nullable = false)
  private Organisation funder;

  @Enumerated(EnumType.STRING)
  @Column(name = "KIND", nullable = false)
  private FunderKind kind;

  @Enumerated(EnumType.STRING)
  @Column(name = "NATURE", nullable = false)
  private FundingNature nature;

  @Column(name = "COMMITTED_AMOUNT", nullable = false)
  private BigDecimal committedAmount;

  @Column(name = "DECISION_REFERENCE")
  private String decisionReference;

  @Column(name = "DECISION_DATE")
  private LocalDate decisionDate;

  @Column(name = "EXPECTED_SCHEDULE")
  private String expectedSchedule;

  @Column(name = "SORT_ORDER", nullable = false)
  private int sortOrder;

  @Version
  @Column(name = "VERSION")
  private int version;

  protected Cofunding() {}

  public Cofunding(Grant grant, Organisation funder, FunderKind kind, FundingNature nature, BigDecimal committedAmount) {
    if (grant == null) {
      throw new IllegalArgumentException("grant");
    }
    if (funder == null) {
      throw new RuleViolation("funder", "cofunding.funder.required");
    }
    if (kind == null) {
      throw new RuleViolation("kind", "cofunding.kind.required");
    }
    if (kind == FunderKind.PIA && nature == FundingNature.IN_KIND) {
      throw new RuleViolation("nature", "cofunding.pia.cash");
    }
    this.grant = grant;
    this.funder = funder;
    this.kind = kind;
    this.nature = nature == null ? FundingNature.CASH : nature;
    commit(committedAmount);
  }

  /** Sets the committed amount: zero or more, in euros. */
  public void commit(BigDecimal amount) {
    if (amount == null) {
      throw new RuleViolation("committedAmount", "cofunding.committed.required");
    }
    if (amount.signum() < 0) {
      throw new RuleViolation("committedAmount", "cofunding.committed.negative");
    }
    if (amount.stripTrailingZeros().scale() > 2) {
      throw new RuleViolation("committedAmount", "field.cents");
    }
    this.committedAmount = amount.setScale(2);
  }

  /** Records money this funder paid (or an in-kind contribution delivered); refused on the PIA line. */
  public CofundingReceipt receive(LocalDate receivedOn, BigDecimal amount, String reference) {
    return new CofundingReceipt(this, receivedOn, amount, reference);
  }

  /** Cash or in kind; the PIA line stays cash. */
  public void changeNature(FundingNature nature) {
    if (kind == FunderKind.PIA && nature == FundingNature.IN_KIND) {
      throw new RuleViolation("nature", "cofunding.pia.cash");
    }
    this.nature = nature;
  }

  public void recordDecision(String reference, LocalDate date) {
    this.decisionReference = reference == null || reference.isBlank() ? null : reference.trim();
    this.decisionDate = date;
  }

  public void expectSchedule(String schedule) {
    this.expectedSchedule = schedule == null || schedule.isBlank() ? null : schedule.trim();
  }

  public void placeAt(int order) {
    this.sortOrder = order;
  }

  @Override
  public Object auditKey() {
    return funder.name() + " (" + kind + ")";
  }

  public Long id() {
    return id;
  }

  public Grant grant() {
    return grant;
  }

  public Organisation funder() {
    return funder;
  }

  public FunderKind kind() {
    return kind;
  }

  public FundingNature nature() {
    return nature;
  }

  public BigDecimal committedAmount() {
    return committedAmount;
  }

  public String decisionReference() {
    return decisionReference;
  }

  public LocalDate decisionDate() {
    return decisionDate;
  }

  public String expectedSchedule() {
    return expectedSchedule;
  }

  public int sortOrder() {
    return sortOrder;
  }

  public int version() {
    return version;
  }

  /** The label a screen shows for this funding source. */
  public String label() {
    return funder.name();
  }
}
