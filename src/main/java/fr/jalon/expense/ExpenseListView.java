package fr.jalon.expense;

import fr.jalon.grant.CofundingService;
import fr.jalon.grant.GrantService;
import fr.jalon.plan.ActionService;
import fr.jalon.plan.CategoryService;
import fr.jalon.platform.Dates;
import fr.jalon.platform.Faces;
import fr.jalon.platform.Money;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * The expense list: filters, keyset pages (next / back to the first), count and totals of the
 * filtered set, receipts marked; finance moves a selection one step along the chain.
 */
@Named
@ViewScoped
public class ExpenseListView implements Serializable {
  public static final int PAGE_SIZE = 50;

  @Inject ExpenseService expenses;
  @Inject ActionService actions;
  @Inject CategoryService categories;
  @Inject CofundingService cofunding;
  @Inject GrantService grants;

  /** One entry of a pick list. */
  public record Choice(Long id, String label) implements Serializable {}

  private List<Choice> actionChoices;
  private List<Choice> categoryChoices;
  private List<Choice> sourceChoices;
  private List<Integer> years;

  private Long actionId;
  private Long categoryId;
  private Long sourceId;
  private ExpenseStatus status;
  private Integer year;
  /** Paid and further along (declared, answered): the dashboard's "paid". */
  private boolean paid;
  private String supplier;
  private BigDecimal minAmount;
  private BigDecimal maxAmount;
  private String text;
  private ExpenseRepository.Sort sort = ExpenseRepository.Sort.DATE_DESC;

  private final Deque<String> cursors = new ArrayDeque<>();
  private String current;
  private ExpensePage page;
  private ExpenseTotals totals;

  private List<ExpenseRow> selection = new ArrayList<>();
  private ExpenseStatus stepStatus = ExpenseStatus.COMMITTED;
  private LocalDate stepDate;
  private String orderNumber;

  @PostConstruct
  void load() {
    actionChoices = actions.list().stream().map(a -> new Choice(a.id(), a.code() + " — " + a.title())).toList();
    categoryChoices = categories.list().stream().map(c -> new Choice(c.id(), c.code() + " — " + c.label())).toList();
    sourceChoices = cofunding.lines().stream().map(c -> new Choice(c.id(), c.funder().name())).toList();
    years = grants.current().years();
    // Opened from an action's page: the list starts on that action.
    String action = jakarta.faces.context.FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("action");
    if (action != null && action.matches("\\d{1,18}")) {
      actionId = Long.valueOf(action);
    }
    search();
  }

  ExpenseFilter filter() {
    return new ExpenseFilter(actionId, categoryId, sourceId, status, year, supplier, minAmount, maxAmount, text, paid);
  }

  /** Applies the filters: back to the first page, count and totals again. */
  public void search() {
    cursors.clear();
    current = null;
    read();
    totals = expenses.totals(filter());
  }

  /** Opened from a link carrying fast filters (e.g. {@code ?action=12&status=PAID} from the dashboard): lists that set. */
  public void applyLinkFilters() {
    if (actionId != null || categoryId != null || sourceId != null || status != null || year != null || paid) {
      search();
    }
  }

  public void next() {
    if (page.next() != null) {
      cursors.push(current == null ? "" : current);
      current = page.next();
      read();
    }
  }

  public void first() {
    cursors.clear();
    current = null;
    read();
  }

  private void read() {
    page = expenses.page(filter(), sort, current, PAGE_SIZE);
  }

  /** Moves the selected lines one step (or cancels them), all or nothing. */
  public void step() {
    try {
      int moved = expenses.stepAll(new StepRequest(stepStatus, stepDate, orderNumber, selection.stream().map(ExpenseRow::id).toList()));
      Faces.info("expense.bulk.done", moved);
      selection = new ArrayList<>();
      read();
      totals = expenses.totals(filter());
    } catch (RuntimeException e) {
      Faces.show(e, "stepForm");
    }
  }

  /** The export of the filtered set, e.g. {@code /api/expenses/export.xlsx?status=PAID}. */
  public String exportUrl(String format) {
    StringBuilder q = new StringBuilder();
    param(q, "action", actionId);
    param(q, "category", categoryId);
    param(q, "source", sourceId);
    param(q, "status", status);
    param(q, "year", year);
    param(q, "paid", paid ? Boolean.TRUE : null);
    param(q, "supplier", supplier);
    param(q, "min", minAmount == null ? null : minAmount.toPlainString());
    param(q, "max", maxAmount == null ? null : maxAmount.toPlainString());
    param(q, "text", text);
    return "/api/expenses/export." + format + (q.length() == 0 ? "" : "?" + q);
  }

  private static void param(StringBuilder q, String name, Object value) {
    if (value == null || value.toString().isBlank()) {
      return;
    }
    if (q.length() > 0) {
      q.append('&');
    }
    q.append(name).append('=').append(java.net.URLEncoder.encode(value.toString(), java.nio.charset.StandardCharsets.UTF_8));
  }

  public String money(BigDecimal amount) {
    return Money.format(amount, Faces.locale());
  }

  public String day(LocalDate date) {
    return date == null ? "" : Dates.format(date, Faces.locale());
  }

  public String totalsText() {
    return Faces.text("expense.totals", money(totals.amountExcl()), money(totals.amountIncl()), money(totals.eligibleAmount()));
  }

  public List<ExpenseStatus> getStatuses() {
    return Arrays.asList(ExpenseStatus.values());
  }

  public List<ExpenseStatus> getStepStatuses() {
    return Arrays.stream(ExpenseStatus.values()).filter(s -> s != ExpenseStatus.DRAFT && !s.declared()).toList();
  }

  public List<ExpenseRepository.Sort> getSorts() {
    return Arrays.asList(ExpenseRepository.Sort.values());
  }

  public boolean isOnFirstPage() {
    return current == null;
  }

  public List<ExpenseRow> getRows() { return page.items(); }
  public boolean isHasNext() { return page.next() != null; }
  public ExpenseTotals getTotals() { return totals; }
  public List<Choice> getActionChoices() { return actionChoices; }
  public List<Choice> getCategoryChoices() { return categoryChoices; }
  public List<Choice> getSourceChoices() { return sourceChoices; }
  public List<Integer> getYears() { return years; }
  public Long getActionId() { return actionId; }
  public void setActionId(Long v) { actionId = v; }
  public Long getCategoryId() { return categoryId; }
  public void setCategoryId(Long v) { categoryId = v; }
  public Long getSourceId() { return sourceId; }
  public void setSourceId(Long v) { sourceId = v; }
  public boolean isPaid() { return paid; }
  public void setPaid(boolean v) { paid = v; }
  public ExpenseStatus getStatus() { return status; }
  public void setStatus(ExpenseStatus v) { status = v; }
  public Integer getYear() { return year; }
  public void setYear(Integer v) { year = v; }
  public String getSupplier() { return supplier; }
  public void setSupplier(String v) { supplier = v; }
  public BigDecimal getMinAmount() { return minAmount; }
  public void setMinAmount(BigDecimal v) { minAmount = v; }
  public BigDecimal getMaxAmount() { return maxAmount; }
  public void setMaxAmount(BigDecimal v) { maxAmount = v; }
  public String getText() { return text; }
  public void setText(String v) { text = v; }
  public ExpenseRepository.Sort getSort() { return sort; }
  public void setSort(ExpenseRepository.Sort v) { sort = v; }
  public List<ExpenseRow> getSelection() { return selection; }
  public void setSelection(List<ExpenseRow> v) { selection = v == null ? new ArrayList<>() : v; }
  public ExpenseStatus getStepStatus() { return stepStatus; }
  public void setStepStatus(ExpenseStatus v) { stepStatus = v; }
  public LocalDate getStepDate() { return stepDate; }
  public void setStepDate(LocalDate v) { stepDate = v; }
  public String getOrderNumber() { return orderNumber; }
  public void setOrderNumber(String v) { orderNumber = v; }
}
