package fr.jalon.expense;

import fr.jalon.audit.Audited;
import fr.jalon.grant.Cofunding;
import fr.jalon.grant.Grant;
import fr.jalon.grant.Organisation;
import fr.jalon.grant.ParameterValues;
import fr.jalon.plan.Action;
import fr.jalon.plan.CostCategory;
import fr.jalon.platform.Messages;
import fr.jalon.platform.RuleViolation;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One expense line and its place on the public-finance chain. Every change checks rules 1–5 (rule 7
 * needs the other lines: {@link ExpenseService}); a refusal names the field, in French.
 */
@Entity
@Table(name = "EXPENSE")
public class Expense implements Audited {
  public static final String PERSONNEL = "PERS";
  private static final BigDecimal HUNDRED = new BigDecimal("100");

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "GRANT_ID", nullable = false, updatable = false)
  private Grant grant;

  @ManyToOne(optional = false)
  @JoinColumn(name = "ACTION_ID", nullable = false)
  private Action action;

  @ManyToOne(optional = false)
  @JoinColumn(name = "CATEGORY_ID", nullable = false)
  private CostCategory category;

  @ManyToOne(optional = false)
  @JoinColumn(name = "COFUNDING_ID", nullable = false)
  private Cofunding source;

  @ManyToOne
  @JoinColumn(name = "SUPPLIER_ID")
  private Organisation supplier;

  @Column(name = "SUPPLIER_NAME")
  private String supplierName;

  @Column(name = "DESCRIPTION", nullable = false)
  private String description;

  @Column(name = "INVOICE_NUMBER")
  private String invoiceNumber;

  @Column(name = "INVOICE_DATE")
  private LocalDate invoiceDate;

  @Column(name = "PROCUREMENT_REF")
  private String procurementReference;

  @Column(name = "AMOUNT_EXCL", nullable = false)
  private BigDecimal amountExcl;

  @Column(name = "AMOUNT_VAT", nullable = false)
  private BigDecimal amountVat;

  @Column(name = "AMOUNT_INCL", nullable = false)
  private BigDecimal amountIncl;

  @Column(name = "SHARE_CHARGED", nullable = false)
  private BigDecimal sharePercent;

  @Column(name = "ELIGIBLE_AMOUNT", nullable = false)
  private BigDecimal eligibleAmount;

  @Column(name = "STATUTORY_STAFF")
  private Boolean statutoryStaff;

  @Enumerated(EnumType.STRING)
  @Column(name = "STATUS", nullable = false)
  private ExpenseStatus status = ExpenseStatus.DRAFT;

  @Column(name = "SORT_DATE", nullable = false)
  private LocalDate sortDate;

  @Column(name = "EXPENSE_YEAR", nullable = false)
  private int year;

  @Column(name = "COMMITTED_ON")
  private LocalDate committedOn;

  @Column(name = "SERVICE_DONE_ON")
  private LocalDate serviceDoneOn;

  @Column(name = "LIQUIDATED_ON")
  private LocalDate liquidatedOn;

  @Column(name = "ORDERED_ON")
  private LocalDate orderedOn;

  @Column(name = "ORDER_NUMBER")
  private String orderNumber;

  @Column(name = "PAID_ON")
  private LocalDate paidOn;

  @Column(name = "PAYMENT_ESTIMATED", nullable = false)
  private boolean paymentEstimated;

  @Column(name = "CANCELLED_ON")
  private LocalDate cancelledOn;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "CORRECTS_ID")
  private Expense corrects;

  @Enumerated(EnumType.STRING)
  @Column(name = "PROVENANCE", nullable = false, updatable = false)
  private Provenance provenance;

  @Column(name = "SOURCE_KEY", updatable = false)
  private String sourceKey;

  @Column(name = "IMPORT_ID", updatable = false)
  private Long importId;

  @Column(name = "RECEIPT_COUNT", nullable = false)
  private int receiptCount;

  /** The expense statement (report id) that holds this line, or null; reporting sets it through {@link ExpenseService}. */
  @Column(name = "STATEMENT_ID")
  private Long statementId;

  /** True from the moment its statement goes into review (rule 6): the line no longer changes. */
  @Column(name = "LOCKED", nullable = false)
  private boolean locked;

  /** The operator's verdict: the eligible amount it retained, and why when not all of it. */
  @Column(name = "RETAINED_AMOUNT")
  private BigDecimal retainedAmount;

  @Column(name = "VERDICT_REASON")
  private String verdictReason;

  @Version
  @Column(name = "VERSION")
  private int version;

  protected Expense() {}

  /** A new line, in {@code DRAFT}; {@code today} dates it when it has no invoice date yet. */
  public Expense(Grant grant, ExpenseTerms terms, Provenance provenance, String sourceKey, LocalDate today) {
    this.grant = grant;
    this.provenance = provenance == null ? Provenance.MANUAL : provenance;
    this.sourceKey = sourceKey;
    this.sortDate = today;
    take(terms);
  }

  /** Changes what was typed; the line keeps its stage. A paid or cancelled line no longer changes. */
  public void revise(ExpenseTerms terms) {
    refuseIfLocked();
    if (status.paid() || status == ExpenseStatus.CANCELLED) {
      throw new RuleViolation("status", "expense.revise.closed");
    }
    take(terms);
  }

  private void take(ExpenseTerms t) {
    List<RuleViolation> problems = new ArrayList<>();
    if (t.action() == null) {
      problems.add(new RuleViolation("action", "expense.action.required"));
    }
    if (t.category() == null) {
      problems.add(new RuleViolation("category", "expense.category.required"));
    }
    if (t.source() == null) {
      problems.add(new RuleViolation("source", "expense.source.required"));
    }
    if (t.description() == null || t.description().isBlank()) {
      problems.add(new RuleViolation("description", "expense.description.required"));
    } else if (t.description().trim().length() > 500) {
      problems.add(new RuleViolation("description", "field.tooLong", 500));
    }
    if (t.supplier() == null && (t.supplierName() == null || t.supplierName().isBlank())) {
      problems.add(new RuleViolation("supplier", "expense.supplier.required"));
    } else if (t.supplier() == null && t.supplierName().trim().length() > 200) {
      // A name read from a file (FEC CompAuxLib, a CSV column) can be longer than the column holds.
      problems.add(new RuleViolation("supplier", "field.tooLong", 200));
    }
    if (t.invoiceNumber() != null && t.invoiceNumber().trim().length() > 60) {
      problems.add(new RuleViolation("invoiceNumber", "field.tooLong", 60));
    }
    BigDecimal share = t.sharePercent() == null ? HUNDRED : t.sharePercent();
    if (share.signum() <= 0 || share.compareTo(HUNDRED) > 0) {
      problems.add(new RuleViolation("sharePercent", "expense.share.range"));
    } else if (share.stripTrailingZeros().scale() > 2) {
      problems.add(new RuleViolation("sharePercent", "field.rate.decimals"));
    }
    VatAmounts amounts = null;
    try {
      amounts = VatAmounts.of(t.amountExcl(), t.amountVat(), t.amountIncl());
    } catch (RuleViolation v) {
      problems.add(v);
    }
    RuleViolation.throwIfAny(problems);
    // Rule 2: positive, except on a correction line.
    if (t.corrects() == null && (amounts.negative() || amounts.incl().signum() == 0)) {
      throw new RuleViolation("amountExcl", "expense.amount.positive");
    }
    if (t.corrects() != null && t.corrects() == this) {
      throw new RuleViolation("corrects", "expense.corrects.self");
    }
    this.action = t.action();
    this.category = t.category();
    this.source = t.source();
    this.supplier = t.supplier();
    this.supplierName = t.supplier() != null ? t.supplier().name() : t.supplierName().trim();
    this.description = t.description().trim();
    this.invoiceNumber = blankToNull(t.invoiceNumber());
    this.invoiceDate = t.invoiceDate();
    this.procurementReference = blankToNull(t.procurementReference());
    this.amountExcl = amounts.excl();
    this.amountVat = amounts.vat();
    this.amountIncl = amounts.incl();
    this.sharePercent = share.setScale(2, java.math.RoundingMode.UNNECESSARY);
    this.eligibleAmount = amounts.eligible(grant.beneficiary().recoversVat(), sharePercent);
    this.statutoryStaff = PERSONNEL.equals(category.code()) ? t.statutoryStaff() : null;
    this.corrects = t.corrects();
    redate();
    check();
  }

  /** Rules 1, 3, 4 and 5 on the line as it stands; called after every change. */
  public void check() {
    List<RuleViolation> problems = new ArrayList<>();
    // Rule 1: inside the eligibility period; payments of the last period get the grace days.
    LocalDate start = grant.eligibilityStart();
    LocalDate end = grant.endDate();
    if (invoiceDate != null && invoiceDate.isBefore(start)) {
      problems.add(new RuleViolation("invoiceDate", "expense.invoiceDate.beforeStart", day(invoiceDate), day(start)));
    }
    if (invoiceDate != null && invoiceDate.isAfter(end)) {
      problems.add(new RuleViolation("invoiceDate", "expense.date.afterEnd", day(invoiceDate), day(end)));
    }
    if (paidOn != null && !paymentEstimated) {
      int grace = grant.parametersOn(end).values().finalPaymentGraceDays();
      if (paidOn.isBefore(start)) {
        problems.add(new RuleViolation("paidOn", "expense.paidOn.beforeStart", day(paidOn), day(start)));
      } else if (paidOn.isAfter(end.plusDays(grace))) {
        problems.add(new RuleViolation("paidOn", "expense.paid.afterGrace", day(paidOn), day(end.plusDays(grace)), grace));
      }
    }
    // Rule 4, with the parameters in force on the line's date (rule 13).
    ParameterValues p = grant.parametersOn(sortDate).values();
    if (!category.eligible()) {
      problems.add(new RuleViolation("category", "expense.category.ineligible", category.label()));
    }
    if (category.flatRate()) {
      problems.add(new RuleViolation("category", "expense.category.flatRate", category.label()));
    }
    if (PERSONNEL.equals(category.code())) {
      if (statutoryStaff == null) {
        problems.add(new RuleViolation("statutoryStaff", "expense.statutory.required"));
      } else if (statutoryStaff && !p.statutoryStaffEligible()) {
        problems.add(new RuleViolation("statutoryStaff", "expense.statutory.ineligible"));
      }
    }
    if (amountExcl.compareTo(p.procurementThreshold()) > 0 && procurementReference == null) {
      problems.add(new RuleViolation("procurementReference", "expense.procurement.required", new Messages.Amount(p.procurementThreshold())));
    }
    // Rule 5: stage dates never go backwards (unknown dates are not checked).
    LocalDate previous = null;
    String[] fields = {"committedOn", "serviceDoneOn", "liquidatedOn", "orderedOn", "paidOn"};
    LocalDate[] dates = {committedOn, serviceDoneOn, liquidatedOn, orderedOn, paidOn};
    for (int i = 0; i < dates.length; i++) {
      if (dates[i] == null) {
        continue;
      }
      if (previous != null && dates[i].isBefore(previous)) {
        problems.add(new RuleViolation(fields[i], "expense.date.backwards." + fields[i], day(dates[i]), day(previous)));
      }
      previous = dates[i];
    }
    RuleViolation.throwIfAny(problems);
  }

  /** Moves one step along the chain: only to the next step, with its date (and the order's number). */
  public void advance(ExpenseStatus target, LocalDate on, String number) {
    refuseIfLocked();
    boolean separate = grant.parametersOn(on == null ? sortDate : on).values().separatePaymentOrder();
    ExpenseStatus next = status.next(separate);
    if (target == null || target != next) {
      throw new RuleViolation("status", next == null ? "expense.step.none" : "expense.step.notNext", target == null ? "" : target.name(), next == null ? "" : next.name());
    }
    if (on == null) {
      throw new RuleViolation("date", "expense.step.dateRequired");
    }
    switch (target) {
      case COMMITTED -> committedOn = on;
      case SERVICE_DONE -> serviceDoneOn = on;
      case LIQUIDATED -> liquidatedOn = on;
      case ORDERED -> {
        if (number == null || number.isBlank()) {
          throw new RuleViolation("orderNumber", "expense.order.numberRequired");
        }
        orderedOn = on;
        orderNumber = number.trim();
      }
      case PAID -> {
        paidOn = on;
        paymentEstimated = false;
      }
      default -> throw new IllegalStateException(target.name());
    }
    status = target;
    redate();
    check();
  }

  /** {@code CANCELLED}, from the draft or the commitment only. */
  public void cancel(LocalDate on) {
    refuseIfLocked();
    if (!status.cancellable()) {
      throw new RuleViolation("status", "expense.cancel.tooLate");
    }
    status = ExpenseStatus.CANCELLED;
    cancelledOn = on;
  }

  /**
   * An imported line lands {@code PAID} when its payment was found (or estimated from DateLet),
   * otherwise {@code LIQUIDATED}; dates not in the file stay empty and are not checked (rule 5).
   */
  public void land(LocalDate liquidated, LocalDate paid, boolean estimated) {
    this.liquidatedOn = liquidated;
    this.paidOn = paid;
    this.paymentEstimated = paid != null && estimated;
    this.status = paid == null ? ExpenseStatus.LIQUIDATED : ExpenseStatus.PAID;
    redate();
    check();
  }

  /** What this line adds to the maintained totals of budget execution. */
  public fr.jalon.execution.SpendLine spend() {
    return new fr.jalon.execution.SpendLine(grant.id(), action.id(), category.id(), source.id(), status.name(), year, paidOn, amountExcl, amountVat, amountIncl,
        eligibleAmount, retainedAmount);
  }

  /** Rule 6: a line of a statement in review or sent no longer changes. */
  void refuseIfLocked() {
    if (locked) {
      throw new RuleViolation("status", "expense.locked", statementId == null ? "" : statementId);
    }
  }

  void stagedBy(long importId) {
    this.importId = importId;
  }

  void receiptAttached() {
    receiptCount++;
  }

  private void redate() {
    LocalDate d = invoiceDate != null ? invoiceDate : committedOn != null ? committedOn : sortDate;
    this.sortDate = d;
    this.year = d.getYear();
  }

  private static Messages.Day day(LocalDate d) {
    return new Messages.Day(d);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  @Override
  public Object auditKey() {
    return (invoiceNumber == null ? "" : invoiceNumber + " ") + supplierName;
  }

  public Long id() { return id; }
  public Grant grant() { return grant; }
  public Action action() { return action; }
  public CostCategory category() { return category; }
  public Cofunding source() { return source; }
  public Organisation supplier() { return supplier; }
  public String supplierName() { return supplierName; }
  public String description() { return description; }
  public String invoiceNumber() { return invoiceNumber; }
  public LocalDate invoiceDate() { return invoiceDate; }
  public String procurementReference() { return procurementReference; }
  public BigDecimal amountExcl() { return amountExcl; }
  public BigDecimal amountVat() { return amountVat; }
  public BigDecimal amountIncl() { return amountIncl; }
  public BigDecimal sharePercent() { return sharePercent; }
  public BigDecimal eligibleAmount() { return eligibleAmount; }
  public Boolean statutoryStaff() { return statutoryStaff; }
  public ExpenseStatus status() { return status; }
  public LocalDate sortDate() { return sortDate; }
  public int year() { return year; }
  public LocalDate committedOn() { return committedOn; }
  public LocalDate serviceDoneOn() { return serviceDoneOn; }
  public LocalDate liquidatedOn() { return liquidatedOn; }
  public LocalDate orderedOn() { return orderedOn; }
  public String orderNumber() { return orderNumber; }
  public LocalDate paidOn() { return paidOn; }
  public boolean paymentEstimated() { return paymentEstimated; }
  public LocalDate cancelledOn() { return cancelledOn; }
  public Expense corrects() { return corrects; }
  public Provenance provenance() { return provenance; }
  public String sourceKey() { return sourceKey; }
  public Long importId() { return importId; }
  public int receiptCount() { return receiptCount; }
  public Long statementId() { return statementId; }
  public boolean locked() { return locked; }
  public BigDecimal retainedAmount() { return retainedAmount; }
  public String verdictReason() { return verdictReason; }
  public int version() { return version; }
}
