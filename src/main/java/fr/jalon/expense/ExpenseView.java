package fr.jalon.expense;

import fr.jalon.grant.CofundingService;
import fr.jalon.grant.FunderKind;
import fr.jalon.grant.GrantService;
import fr.jalon.plan.ActionService;
import fr.jalon.plan.CategoryService;
import fr.jalon.platform.Dates;
import fr.jalon.platform.Faces;
import fr.jalon.platform.Money;
import fr.jalon.platform.RuleViolation;
import fr.jalon.security.CurrentUser;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.primefaces.event.FileUploadEvent;

/**
 * One expense: finance types a new one or edits it while the chain allows (rule 3's amounts and
 * the eligible amount shown as they are typed), moves it one step or cancels it, attaches its
 * receipts; every role reads it. Refusals appear next to the field they name.
 */
@Named
@ViewScoped
public class ExpenseView implements Serializable {
  @Inject ExpenseService expenses;
  @Inject ActionService actions;
  @Inject CategoryService categories;
  @Inject CofundingService cofunding;
  @Inject GrantService grants;
  @Inject CurrentUser currentUser;

  /** One entry of a pick list. */
  public record Choice(Long id, String label, String code) implements Serializable {}

  private Long id;
  private ExpenseDetail detail;
  private List<Choice> actionChoices;
  private List<Choice> categoryChoices;
  private List<Choice> sourceChoices;
  private List<Choice> supplierChoices;
  private boolean recoversVat;

  private Long actionId;
  private Long categoryId;
  private Long sourceId;
  private Long supplierId;
  private boolean newSupplier;
  private String newSupplierName;
  private String newSupplierSiret;
  private String description;
  private String invoiceNumber;
  private LocalDate invoiceDate;
  private String procurementReference;
  private BigDecimal amountExcl;
  private BigDecimal amountVat;
  private BigDecimal amountIncl;
  private BigDecimal sharePercent = new BigDecimal("100");
  private Boolean statutoryStaff;

  private LocalDate stepDate;
  private String orderNumber;
  private ReceiptKind receiptKind = ReceiptKind.INVOICE;

  public void load() {
    actionChoices = actions.list().stream().filter(a -> !a.closed()).map(a -> new Choice(a.id(), a.code() + " — " + a.title(), a.code())).toList();
    categoryChoices = categories.list().stream().filter(c -> c.eligible() && !c.flatRate()).map(c -> new Choice(c.id(), c.code() + " — " + c.label(), c.code())).toList();
    var lines = cofunding.lines();
    sourceChoices = lines.stream().map(c -> new Choice(c.id(), c.funder().name(), c.kind().name())).toList();
    supplierChoices = grants.organisations().stream().map(o -> new Choice(o.id(), o.name() + (o.siret() == null ? "" : " · " + o.siret()), null)).toList();
    recoversVat = grants.grant().beneficiary().recoversVat();
    if (id != null) {
      detail = expenses.detail(id);
      fill(detail);
    } else {
      sourceId = lines.stream().filter(c -> c.kind() == FunderKind.PIA).map(c -> c.id()).findFirst().orElse(null);
    }
  }

  private void fill(ExpenseDetail d) {
    actionId = d.actionId();
    categoryId = d.categoryId();
    sourceId = d.sourceId();
    supplierId = d.supplierId();
    newSupplier = false;
    newSupplierName = d.supplierId() == null ? d.supplier() : null;
    description = d.description();
    invoiceNumber = d.invoiceNumber();
    invoiceDate = d.invoiceDate();
    procurementReference = d.procurementReference();
    amountExcl = d.amountExcl();
    amountVat = d.amountVat();
    amountIncl = d.amountIncl();
    sharePercent = d.sharePercent();
    statutoryStaff = d.statutoryStaff();
  }

  /** Finance types a new expense, or edits one that is neither paid nor cancelled. */
  public boolean isEditable() {
    return currentUser.hasRole("FINANCE") && (detail == null || (detail.status() != ExpenseStatus.PAID && detail.status() != ExpenseStatus.CANCELLED));
  }

  public boolean isFinance() {
    return currentUser.hasRole("FINANCE");
  }

  /** The personnel category asks whether the person is statutory staff. */
  public boolean isPersonnel() {
    return categoryChoices.stream().anyMatch(c -> c.id().equals(categoryId) && Expense.PERSONNEL.equals(c.code()));
  }

  /** Rule 3 as typed: the amounts completed, or null while they do not add up. */
  private VatAmounts typedAmounts() {
    try {
      return VatAmounts.of(amountExcl, amountVat, amountIncl);
    } catch (RuleViolation e) {
      return null;
    }
  }

  public String getComputedExcl() {
    VatAmounts a = typedAmounts();
    return a == null ? "—" : money(a.excl());
  }

  public String getComputedIncl() {
    VatAmounts a = typedAmounts();
    return a == null ? "—" : money(a.incl());
  }

  /** The eligible amount the line would get (rule 3), shown live; "—" while the amounts do not add up. */
  public String getEligiblePreview() {
    VatAmounts a = typedAmounts();
    BigDecimal share = sharePercent == null ? new BigDecimal("100") : sharePercent;
    if (a == null || share.signum() <= 0 || share.compareTo(new BigDecimal("100")) > 0) {
      return "—";
    }
    return money(a.eligible(recoversVat, share));
  }

  public boolean isRecoversVat() {
    return recoversVat;
  }

  /** Records the new expense (then opens its page) or saves the changes. */
  public void save() {
    boolean missing = false;
    if (actionId == null) {
      Faces.error("expenseForm:action", Faces.text("expense.action.required"));
      missing = true;
    }
    if (categoryId == null) {
      Faces.error("expenseForm:category", Faces.text("expense.category.required"));
      missing = true;
    }
    if (description == null || description.isBlank()) {
      Faces.error("expenseForm:description", Faces.text("expense.description.required"));
      missing = true;
    }
    if (newSupplier ? newSupplierName == null || newSupplierName.isBlank() : supplierId == null) {
      Faces.error(newSupplier ? "expenseForm:newSupplierName" : "expenseForm:supplier", Faces.text("expense.supplier.required"));
      missing = true;
    }
    if (missing) {
      return;
    }
    NewExpense typed = new NewExpense(actionId, categoryId, sourceId, newSupplier ? null : supplierId,
        newSupplier ? new NewExpense.NewSupplier(newSupplierName.trim(), blankToNull(newSupplierSiret)) : null, description.trim(), invoiceNumber, invoiceDate,
        procurementReference, amountExcl, amountVat, amountIncl, sharePercent, isPersonnel() ? statutoryStaff : null, detail == null ? null : detail.correctsId(),
        detail == null ? null : detail.version());
    try {
      if (detail == null) {
        ExpenseDetail created = expenses.create(typed);
        Faces.info("expense.form.created", created.description());
        Faces.redirect("/expense/expense.xhtml?id=" + created.id());
      } else {
        detail = expenses.revise(detail.id(), typed);
        fill(detail);
        Faces.info("expense.form.saved");
      }
    } catch (RuntimeException e) {
      Faces.show(e, "expenseForm");
    }
  }

  /** Moves the expense to its next step with the date typed (and the order's number). */
  public void step() {
    try {
      detail = expenses.step(detail.id(), new StepRequest(detail.nextStatus(), stepDate, orderNumber, null));
      fill(detail);
      stepDate = null;
      orderNumber = null;
      Faces.info("expense.form.stepped", Faces.text("expense.status." + detail.status().name()));
    } catch (RuntimeException e) {
      Faces.show(e, "stepForm");
    }
  }

  public void cancel() {
    try {
      detail = expenses.step(detail.id(), new StepRequest(ExpenseStatus.CANCELLED, stepDate == null ? LocalDate.now() : stepDate, null, null));
      fill(detail);
      Faces.info("expense.form.stepped", Faces.text("expense.status." + detail.status().name()));
    } catch (RuntimeException e) {
      Faces.show(e, "stepForm");
    }
  }

  public void upload(FileUploadEvent event) {
    try (InputStream in = event.getFile().getInputStream()) {
      detail = expenses.attachReceipt(detail.id(), receiptKind, in, event.getFile().getFileName());
      Faces.info("expense.form.receiptAdded", event.getFile().getFileName());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      Faces.show(e, "receiptForm");
    }
  }

  public boolean isCancellable() {
    return detail != null && detail.status().cancellable();
  }

  public List<ReceiptKind> getReceiptKinds() {
    return Arrays.asList(ReceiptKind.values());
  }

  public String money(BigDecimal amount) {
    return amount == null ? "" : Money.format(amount, Faces.locale());
  }

  public String day(LocalDate date) {
    return date == null ? "—" : Dates.format(date, Faces.locale());
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  public Long getId() { return id; }
  public void setId(Long v) { id = v; }
  public ExpenseDetail getDetail() { return detail; }
  public List<Choice> getActionChoices() { return actionChoices; }
  public List<Choice> getCategoryChoices() { return categoryChoices; }
  public List<Choice> getSourceChoices() { return sourceChoices; }
  public List<Choice> getSupplierChoices() { return supplierChoices; }
  public Long getActionId() { return actionId; }
  public void setActionId(Long v) { actionId = v; }
  public Long getCategoryId() { return categoryId; }
  public void setCategoryId(Long v) { categoryId = v; }
  public Long getSourceId() { return sourceId; }
  public void setSourceId(Long v) { sourceId = v; }
  public Long getSupplierId() { return supplierId; }
  public void setSupplierId(Long v) { supplierId = v; }
  public boolean isNewSupplier() { return newSupplier; }
  public void setNewSupplier(boolean v) { newSupplier = v; }
  public String getNewSupplierName() { return newSupplierName; }
  public void setNewSupplierName(String v) { newSupplierName = v; }
  public String getNewSupplierSiret() { return newSupplierSiret; }
  public void setNewSupplierSiret(String v) { newSupplierSiret = v; }
  public String getDescription() { return description; }
  public void setDescription(String v) { description = v; }
  public String getInvoiceNumber() { return invoiceNumber; }
  public void setInvoiceNumber(String v) { invoiceNumber = v; }
  public LocalDate getInvoiceDate() { return invoiceDate; }
  public void setInvoiceDate(LocalDate v) { invoiceDate = v; }
  public String getProcurementReference() { return procurementReference; }
  public void setProcurementReference(String v) { procurementReference = v; }
  public BigDecimal getAmountExcl() { return amountExcl; }
  public void setAmountExcl(BigDecimal v) { amountExcl = v; }
  public BigDecimal getAmountVat() { return amountVat; }
  public void setAmountVat(BigDecimal v) { amountVat = v; }
  public BigDecimal getAmountIncl() { return amountIncl; }
  public void setAmountIncl(BigDecimal v) { amountIncl = v; }
  public BigDecimal getSharePercent() { return sharePercent; }
  public void setSharePercent(BigDecimal v) { sharePercent = v; }
  public Boolean getStatutoryStaff() { return statutoryStaff; }
  public void setStatutoryStaff(Boolean v) { statutoryStaff = v; }
  public LocalDate getStepDate() { return stepDate; }
  public void setStepDate(LocalDate v) { stepDate = v; }
  public String getOrderNumber() { return orderNumber; }
  public void setOrderNumber(String v) { orderNumber = v; }
  public ReceiptKind getReceiptKind() { return receiptKind; }
  public void setReceiptKind(ReceiptKind v) { receiptKind = v; }
}
