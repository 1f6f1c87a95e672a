package fr.jalon.expense;

import static fr.jalon.platform.Roles.ADMIN;
import static fr.jalon.platform.Roles.BOARD;
import static fr.jalon.platform.Roles.FINANCE;
import static fr.jalon.platform.Roles.PROJECT_MANAGER;

import fr.jalon.audit.AuditContext;
import fr.jalon.audit.AuditTrail;
import fr.jalon.execution.ExecutionTotals;
import fr.jalon.execution.SpendLine;
import fr.jalon.grant.Cofunding;
import fr.jalon.grant.FunderKind;
import fr.jalon.grant.Grant;
import fr.jalon.grant.GrantService;
import fr.jalon.grant.LegalForm;
import fr.jalon.grant.Organisation;
import fr.jalon.plan.Action;
import fr.jalon.plan.CostCategory;
import fr.jalon.platform.ConcurrentEditException;
import fr.jalon.platform.FileKind;
import fr.jalon.platform.FileStore;
import fr.jalon.platform.Messages;
import fr.jalon.platform.NotFoundException;
import fr.jalon.platform.RuleViolation;
import fr.jalon.platform.StoredFile;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Use cases on expenses: finance records them and moves them along the chain; everybody reads. */
@ApplicationScoped
public class ExpenseService {
  static final Set<FileKind> RECEIPT_KINDS = Set.of(FileKind.PDF, FileKind.PNG, FileKind.JPEG);

  @PersistenceContext EntityManager em;
  @Inject GrantService grants;
  @Inject ExpenseRepository repository;
  @Inject AuditTrail audit;
  @Inject FileStore files;
  @Inject Clock clock;
  @Inject ExecutionTotals totals;
  @Inject fr.jalon.execution.ExecutionFigures figures;

  @RolesAllowed({ADMIN, PROJECT_MANAGER, FINANCE, BOARD})
  public ExpensePage page(ExpenseFilter filter, ExpenseRepository.Sort sort, String after, int size) {
    int bounded = Math.max(1, Math.min(size, 500));
    return repository.page(grants.grant().id(), filter, sort, after, bounded);
  }

  @RolesAllowed({ADMIN, PROJECT_MANAGER, FINANCE, BOARD})
  public ExpenseTotals totals(ExpenseFilter filter) {
    return repository.totals(grants.grant().id(), filter);
  }

  /** The filtered set, in the list's order, as CSV or XLSX, written row by row. */
  @RolesAllowed({ADMIN, PROJECT_MANAGER, FINANCE, BOARD})
  @Transactional
  public void export(ExpenseFilter filter, boolean xlsx, java.io.OutputStream out) {
    try (var rows = repository.stream(grants.grant().id(), filter)) {
      if (xlsx) {
        ExpenseExport.xlsx(rows, out);
      } else {
        ExpenseExport.csv(rows, out);
      }
    }
  }

  @RolesAllowed({ADMIN, PROJECT_MANAGER, FINANCE, BOARD})
  public ExpenseDetail detail(long id) {
    Expense e = find(id);
    return ExpenseDetail.of(e, repository.receipts(id));
  }

  /** Rule 10's numerator: the eligible amount of the paid expenses. */
  @RolesAllowed({ADMIN, PROJECT_MANAGER, FINANCE, BOARD})
  public BigDecimal paidEligibleCost() {
    return repository.paidEligible(grants.grant().id());
  }

  /** Committed and paid eligible amounts per action (still to pay = committed − paid), from the execution figures. */
  @RolesAllowed({ADMIN, PROJECT_MANAGER, FINANCE, BOARD})
  public List<ActionSpending> spendingByAction() {
    return figures.byAction().stream().map(f -> new ActionSpending(f.actionId(), f.committed(), f.paid())).toList();
  }

  @RolesAllowed(FINANCE)
  @Transactional
  public ExpenseDetail create(@NotNull @Valid NewExpense typed) {
    Grant grant = grants.grant();
    Expense expense = new Expense(grant, terms(grant, typed), Provenance.MANUAL, null, LocalDate.now(clock));
    checkSameInvoice(grant, expense, null);
    em.persist(expense);
    em.flush();
    totals.apply(null, expense.spend());
    return ExpenseDetail.of(expense, List.of());
  }

  /** Changes what was typed if nobody saved the line since {@code typed.version()}. */
  @RolesAllowed(FINANCE)
  @Transactional
  public ExpenseDetail revise(long id, @NotNull @Valid NewExpense typed) {
    Expense expense = find(id);
    if (typed.version() == null || typed.version() != expense.version()) {
      throw new ConcurrentEditException(String.valueOf(expense.auditKey()));
    }
    SpendLine before = visible(expense);
    expense.revise(terms(expense.grant(), typed));
    checkSameInvoice(expense.grant(), expense, expense.id());
    em.flush();
    moved(before, expense);
    return detail(id);
  }

  /** One step for one expense: the next status on the chain, or {@code CANCELLED}. */
  @RolesAllowed(FINANCE)
  @Transactional
  public ExpenseDetail step(long id, @NotNull @Valid StepRequest step) {
    Expense expense = find(id);
    SpendLine before = visible(expense);
    apply(expense, step);
    em.flush();
    moved(before, expense);
    return detail(id);
  }

  /**
   * The same step for a selection, all or nothing, with one audit entry for the whole step: each
   * line's rules are checked on the entity, then the lines are written by one update.
   */
  @RolesAllowed(FINANCE)
  @Transactional
  public int stepAll(@NotNull @Valid StepRequest step) {
    if (step.ids() == null || step.ids().isEmpty()) {
      throw new RuleViolation("ids", "expense.bulk.empty");
    }
    Set<Long> ids = new LinkedHashSet<>(step.ids());
    List<RuleViolation> refusals = new ArrayList<>();
    List<SpendLine> before = new ArrayList<>();
    List<SpendLine> after = new ArrayList<>();
    for (Long id : ids) {
      Expense expense = find(id);
      em.detach(expense);
      SpendLine was = visible(expense);
      try {
        apply(expense, step);
        if (was != null) {
          before.add(was);
          after.add(expense.spend());
        }
      } catch (RuleViolation v) {
        refusals.add(new RuleViolation(v.field(), "expense.bulk.refused", expense.auditKey(), v.getMessage()));
      }
    }
    RuleViolation.throwIfAny(refusals);
    String column = switch (step.status()) {
      case COMMITTED -> "committedOn";
      case SERVICE_DONE -> "serviceDoneOn";
      case LIQUIDATED -> "liquidatedOn";
      case ORDERED -> "orderedOn";
      case PAID -> "paidOn";
      case CANCELLED -> "cancelledOn";
      default -> throw new RuleViolation("status", "expense.step.notNext", step.status().name(), "");
    };
    String extra = step.status() == ExpenseStatus.ORDERED ? ", e.orderNumber = :number" : "";
    var update = em.createQuery("UPDATE Expense e SET e.status = :status, e." + column + " = :date" + extra + ", e.version = e.version + 1 WHERE e.id IN :ids")
        .setParameter("status", step.status())
        .setParameter("date", step.date())
        .setParameter("ids", ids);
    if (!extra.isEmpty()) {
      update.setParameter("number", step.orderNumber().trim());
    }
    int changed = update.executeUpdate();
    totals.applyAll(before, after);
    audit.record("BULK_STEP", "Expense", null,
        Messages.get(java.util.Locale.FRENCH, "expense.bulk.audit", changed, step.status().name(), new Messages.Day(step.date())),
        ids.stream().map(String::valueOf).collect(Collectors.joining(", ")));
    return changed;
  }

  /** The line's share of the totals, or null while its import is not confirmed (it counts nowhere yet). */
  private SpendLine visible(Expense expense) {
    if (expense.importId() != null && em.createQuery("SELECT COUNT(i) FROM AccountingImport i WHERE i.id = :id AND i.status = fr.jalon.accounting.ImportStatus.CONFIRMED", Long.class)
        .setParameter("id", expense.importId()).getSingleResult() == 0) {
      return null;
    }
    return expense.spend();
  }

  /** Moves the maintained totals by what this change did, in the same transaction. */
  private void moved(SpendLine before, Expense expense) {
    if (before != null) {
      totals.apply(before, expense.spend());
    }
  }

  private void apply(Expense expense, StepRequest step) {
    if (step.status() == ExpenseStatus.CANCELLED) {
      expense.cancel(step.date());
    } else {
      expense.advance(step.status(), step.date(), step.orderNumber());
    }
  }

  /** Keeps a receipt (PDF or image) for the expense; the list stops marking it as without receipt. */
  @RolesAllowed(FINANCE)
  @Transactional
  public ExpenseDetail attachReceipt(long id, ReceiptKind kind, @NotNull InputStream content, String fileName) {
    Expense expense = find(id);
    StoredFile file = files.store(content, fileName, RECEIPT_KINDS, "receipt", AuditContext.actor());
    em.persist(new ExpenseReceipt(expense, file, kind));
    em.flush();
    return detail(id);
  }

  @RolesAllowed({ADMIN, PROJECT_MANAGER, FINANCE, BOARD})
  public StoredFile receiptFile(long expenseId, long receiptId) {
    return repository.receipts(expenseId).stream().filter(r -> r.id() == receiptId).map(ExpenseReceipt::file).findFirst()
        .orElseThrow(() -> new NotFoundException(Messages.get("expense.receipt.notFound")));
  }

  /** Rule 7: the same invoice is never recorded twice, and never funded above 100 % across its funding sources. */
  void checkSameInvoice(Grant grant, Expense expense, Long self) {
    if (expense.corrects() != null) {
      return;
    }
    List<Expense> same = repository.sameInvoice(grant.id(), expense.supplierName(), expense.invoiceNumber(), expense.invoiceDate(), self);
    if (same.stream().anyMatch(o -> o.source().id().equals(expense.source().id()))) {
      throw new RuleViolation("invoiceNumber", "expense.invoice.duplicate", expense.invoiceNumber(), expense.supplierName(), new Messages.Day(expense.invoiceDate()));
    }
    BigDecimal shares = same.stream().map(Expense::sharePercent).reduce(expense.sharePercent(), BigDecimal::add);
    if (shares.compareTo(new BigDecimal("100")) > 0) {
      throw new RuleViolation("sharePercent", "expense.share.over100", shares.stripTrailingZeros().toPlainString());
    }
  }

  ExpenseTerms terms(Grant grant, NewExpense t) {
    Action action = t.actionId() == null ? null : em.find(Action.class, t.actionId());
    if (action != null && !action.grant().id().equals(grant.id())) {
      action = null;
    }
    CostCategory category = t.categoryId() == null ? null : em.find(CostCategory.class, t.categoryId());
    if (category != null && !category.grant().id().equals(grant.id())) {
      category = null;
    }
    Cofunding source = t.sourceId() == null ? pia(grant) : em.find(Cofunding.class, t.sourceId());
    if (source != null && !source.grant().id().equals(grant.id())) {
      source = null;
    }
    Organisation supplier = null;
    if (t.supplierId() != null) {
      supplier = em.find(Organisation.class, t.supplierId());
      if (supplier == null) {
        throw new RuleViolation("supplier", "expense.supplier.unknown");
      }
    } else if (t.newSupplier() != null) {
      supplier = new Organisation(t.newSupplier().name(), t.newSupplier().siret(), LegalForm.COMPANY, true);
      em.persist(supplier);
    }
    Expense corrects = null;
    if (t.correctsId() != null) {
      corrects = em.find(Expense.class, t.correctsId());
      if (corrects == null || !corrects.grant().id().equals(grant.id())) {
        throw new RuleViolation("corrects", "expense.corrects.unknown");
      }
    }
    return new ExpenseTerms(action, category, source, supplier, null, t.description(), t.invoiceNumber(), t.invoiceDate(), t.procurementReference(),
        t.amountExcl(), t.amountVat(), t.amountIncl(), t.sharePercent(), t.statutoryStaff(), corrects);
  }

  /** The PIA line of the co-funding plan: the default funding source. */
  Cofunding pia(Grant grant) {
    return em.createQuery("SELECT c FROM Cofunding c WHERE c.grant = :grant AND c.kind = :kind ORDER BY c.sortOrder", Cofunding.class)
        .setParameter("grant", grant)
        .setParameter("kind", FunderKind.PIA)
        .setMaxResults(1)
        .getResultStream()
        .findFirst()
        .orElse(null);
  }

  private Expense find(long id) {
    Expense e = em.find(Expense.class, id);
    if (e == null || !e.grant().id().equals(grants.grant().id())) {
      throw new NotFoundException(Messages.get("expense.notFound"));
    }
    return e;
  }
}
