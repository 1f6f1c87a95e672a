package fr.jalon.plan;

import fr.jalon.audit.Audited;
import fr.jalon.grant.Cofunding;
import fr.jalon.platform.RuleViolation;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PreRemove;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;

/** One cell of the budget annex: the amount planned for an action × category × funding source × year. */
@Entity
@Table(name = "BUDGET_LINE")
public class BudgetLine implements Audited {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "BUDGET_VERSION_ID", nullable = false)
  private BudgetVersion budgetVersion;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "ACTION_ID", nullable = false)
  private Action action;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "CATEGORY_ID", nullable = false)
  private CostCategory category;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "COFUNDING_ID", nullable = false)
  private Cofunding cofunding;

  @Column(name = "BUDGET_YEAR", nullable = false)
  private int year;

  @Column(name = "AMOUNT", nullable = false)
  private BigDecimal amount;

  @Version
  @Column(name = "VERSION")
  private int version;

  protected BudgetLine() {}

  public BudgetLine(BudgetVersion budgetVersion, Action action, CostCategory category, Cofunding cofunding, int year, BigDecimal amount) {
    budgetVersion.ensureDraft();
    if (!budgetVersion.grant().years().contains(year)) {
      throw new RuleViolation("year", "budget.year.outside", year);
    }
    this.budgetVersion = budgetVersion;
    this.action = action;
    this.category = category;
    this.cofunding = cofunding;
    this.year = year;
    plan(amount);
  }

  /** Sets the planned amount: zero or more, to the cent, in a draft only. */
  public void plan(BigDecimal amount) {
    budgetVersion.ensureDraft();
    this.amount = checked(amount);
  }

  static BigDecimal checked(BigDecimal amount) {
    if (amount == null) {
      throw new RuleViolation("amount", "field.required");
    }
    if (amount.signum() < 0) {
      throw new RuleViolation("amount", "field.notNegative");
    }
    if (amount.stripTrailingZeros().scale() > 2) {
      throw new RuleViolation("amount", "field.cents");
    }
    if (amount.compareTo(new BigDecimal("9999999999999.99")) > 0) {
      throw new RuleViolation("amount", "field.tooLarge");
    }
    return amount.setScale(2);
  }

  @PreUpdate
  @PreRemove
  void checkDraft() {
    budgetVersion.ensureDraft();
  }

  @Override
  public Object auditKey() {
    return "v" + budgetVersion.number() + " " + action.code() + " " + category.code() + " " + cofunding.id() + " " + year;
  }

  public Long id() {
    return id;
  }

  public BudgetVersion budgetVersion() {
    return budgetVersion;
  }

  public Action action() {
    return action;
  }

  public CostCategory category() {
    return category;
  }

  public Cofunding cofunding() {
    return cofunding;
  }

  public int year() {
    return year;
  }

  public BigDecimal amount() {
    return amount;
  }

  public int version() {
    return version;
  }
}
