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
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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

  // ---------------------------------------------------------------------------------------------
  // Expense statements (ERD, rule 6). The reporting capability moves expenses only through these
  // methods, by statement id: claim (draft), lock (review), declare (submission), reopen (sent back
  // for correction), verdicts. Every status change a statement makes to expenses happens here.

  /** A line that cannot enter a statement, and why (in French). */
  public record StatementRefusal(long expenseId, String label, String reason) {}

  /** Not a line of an import still waiting for its confirmation. */
  private static final String VISIBLE_SQL = "(IMPORT_ID IS NULL OR IMPORT_ID IN (SELECT i.ID FROM ACCOUNTING_IMPORT i WHERE i.STATUS = 'CONFIRMED'))";

  /**
   * What a line needs to enter a statement of grant {@code ?1} for the period {@code ?2 – ?3}: paid
   * in it, with a receipt, not pending in an unconfirmed import. Written so that it is never
   * unknown (no NULL reaches a comparison), so its negation picks exactly the lines that fail it.
   */
  private static final String QUALIFIES_FOR_STATEMENT = "GRANT_ID = ?1 AND STATUS = 'PAID' AND PAID_ON IS NOT NULL AND PAID_ON BETWEEN ?2 AND ?3 AND RECEIPT_COUNT > 0"
      + " AND " + VISIBLE_SQL;

  /**
   * Gives statement {@code statementId} the paid lines of the period not held elsewhere, and frees
   * those it held that no longer qualify (a draft is regenerated this way) — unless a paid line of
   * the period cannot enter it (no receipt, or declared or held by another statement): then nothing
   * is written and the first {@code maxRefusals} such lines come back, with why (none: claimed).
   * <p>
   * One walk of the period's paid lines, in the order of their index, finds both the refusals and
   * the lines to claim. Only what changed is written: each written line moves its entry in the
   * statement index, so an unchanged regeneration of 100,000 lines writes nothing.
   */
  @RolesAllowed(FINANCE)
  @Transactional
  public List<StatementRefusal> claimForStatement(long statementId, LocalDate from, LocalDate to, int maxRefusals) {
    long grant = grants.grant().id();
    List<Long> refusedIds = new ArrayList<>();
    Map<Long, Long> heldElsewhere = new HashMap<>();
    List<Long> joining = new ArrayList<>();
    java.sql.Connection connection = em.unwrap(java.sql.Connection.class);
    String paid = ExpenseStatus.paidOnes().stream().map(st -> "'" + st.name() + "'").collect(Collectors.joining(", "));
    try (java.sql.PreparedStatement walk = connection.prepareStatement("SELECT ID, STATUS, RECEIPT_COUNT, STATEMENT_ID FROM EXPENSE --DERBY-PROPERTIES index=EXPENSE_PAID_ON\n"
        + " WHERE GRANT_ID = ? AND PAID_ON BETWEEN ? AND ? AND STATUS IN (" + paid + ") AND " + VISIBLE_SQL + " ORDER BY PAID_ON, ID")) {
      walk.setLong(1, grant);
      walk.setDate(2, java.sql.Date.valueOf(from));
      walk.setDate(3, java.sql.Date.valueOf(to));
      walk.setFetchSize(2000);
      try (java.sql.ResultSet rows = walk.executeQuery()) {
        while (rows.next()) {
          long id = rows.getLong(1);
          boolean isPaid = ExpenseStatus.PAID.name().equals(rows.getString(2));
          boolean receipt = rows.getInt(3) > 0;
          long held = rows.getLong(4);
          boolean free = rows.wasNull();
          if (!receipt || !isPaid || (!free && held != statementId)) {
            if (refusedIds.size() < maxRefusals) {
              refusedIds.add(id);
              if (!isPaid || !free) {
                heldElsewhere.put(id, free ? null : held);
              }
            }
          } else if (free && refusedIds.isEmpty()) {
            joining.add(id);
          }
        }
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("Lignes de l’état " + statementId + " : " + e.getMessage(), e);
    }
    if (!refusedIds.isEmpty()) {
      return refusals(refusedIds, heldElsewhere);
    }
    // Derby takes no index override on UPDATE: the lines are found by a SELECT that names its index, then written by id.
    List<Long> leaving = statementCandidates("SELECT ID FROM EXPENSE --DERBY-PROPERTIES index=EXPENSE_STATEMENT\n WHERE STATEMENT_ID = ?4 AND NOT ("
        + QUALIFIES_FOR_STATEMENT + ")", grant, from, to, statementId);
    moveStatement(leaving, statementId, null);
    moveStatement(joining, null, statementId);
    return List.of();
  }

  /** The refused lines {@code ids} (in the period's order), each with its label and why: declared, or held by the statement in {@code heldElsewhere}, or no receipt. */
  private List<StatementRefusal> refusals(List<Long> ids, Map<Long, Long> heldElsewhere) {
    Map<Long, String> labels = new HashMap<>();
    for (Object[] r : em.createQuery("SELECT e.id, e.invoiceNumber, e.supplierName FROM Expense e WHERE e.id IN :ids", Object[].class).setParameter("ids", ids).getResultList()) {
      labels.put((Long) r[0], (r[1] == null ? "" : r[1] + " — ") + r[2]);
    }
    List<StatementRefusal> refusals = new ArrayList<>();
    for (Long id : ids) {
      String reason = heldElsewhere.containsKey(id)
          ? Messages.get(java.util.Locale.FRENCH, "expense.statement.alreadyDeclared", heldElsewhere.get(id) == null ? "?" : heldElsewhere.get(id))
          : Messages.get(java.util.Locale.FRENCH, "expense.statement.noReceipt");
      refusals.add(new StatementRefusal(id, labels.get(id), reason));
    }
    return refusals;
  }

  @SuppressWarnings("unchecked")
  private List<Long> statementCandidates(String sql, long grant, LocalDate from, LocalDate to, long statementId) {
    return ((List<Number>) em.createNativeQuery(sql).setParameter(1, grant).setParameter(2, java.sql.Date.valueOf(from)).setParameter(3, java.sql.Date.valueOf(to))
        .setParameter(4, statementId).getResultList()).stream().map(Number::longValue).toList();
  }

  /** Moves lines {@code ids} from statement {@code held} (null: none) to {@code to} (null: none), by primary key, a thousand at a time; a line another statement took meanwhile is left alone. */
  private void moveStatement(List<Long> ids, Long held, Long to) {
    int chunk = 1000;
    java.sql.Connection connection = em.unwrap(java.sql.Connection.class);
    for (int start = 0; start < ids.size(); start += chunk) {
      List<Long> part = ids.subList(start, Math.min(ids.size(), start + chunk));
      String sql = "UPDATE EXPENSE SET STATEMENT_ID = ? WHERE STATEMENT_ID " + (held == null ? "IS NULL" : "= ?") + " AND ID IN ("
          + String.join(",", java.util.Collections.nCopies(part.size(), "?")) + ")";
      try (java.sql.PreparedStatement update = connection.prepareStatement(sql)) {
        int p = 1;
        if (to == null) {
          update.setNull(p++, java.sql.Types.BIGINT);
        } else {
          update.setLong(p++, to);
        }
        if (held != null) {
          update.setLong(p++, held);
        }
        for (Long id : part) {
          update.setLong(p++, id);
        }
        update.executeUpdate();
      } catch (java.sql.SQLException e) {
        throw new IllegalStateException("Lignes de l’état " + (to == null ? held : to) + " : " + e.getMessage(), e);
      }
    }
  }

  /** A draft statement given up: its lines are free again. */
  @RolesAllowed(FINANCE)
  @Transactional
  public int releaseStatement(long statementId) {
    return em.createQuery("UPDATE Expense e SET e.statementId = NULL WHERE e.statementId = :s").setParameter("s", statementId).executeUpdate();
  }

  /** Rule 6: from review on, the statement's lines no longer change (or back to draft: {@code locked} false). */
  @RolesAllowed(FINANCE)
  @Transactional
  public int lockStatement(long statementId, boolean locked) {
    // Native SQL: the JPQL boolean parameter reaches Derby as an integer, which a BOOLEAN column refuses.
    int changed = em.createNativeQuery("UPDATE EXPENSE SET LOCKED = " + (locked ? "TRUE" : "FALSE") + ", VERSION = VERSION + 1 WHERE STATEMENT_ID = ?")
        .setParameter(1, statementId).executeUpdate();
    audit.record(locked ? "STATEMENT_LOCK" : "STATEMENT_UNLOCK", "Expense", null,
        Messages.get(java.util.Locale.FRENCH, locked ? "expense.statement.audit.lock" : "expense.statement.audit.unlock", changed, statementId), null);
    return changed;
  }

  /** Rule 6: on submission the statement's lines become DECLARED. */
  @RolesAllowed(FINANCE)
  @Transactional
  public int declare(long statementId) {
    totals.statementHidden(statementId);
    int changed = em.createNativeQuery("UPDATE EXPENSE SET STATUS = 'DECLARED', LOCKED = TRUE, VERSION = VERSION + 1 WHERE STATEMENT_ID = ? AND STATUS = 'PAID'")
        .setParameter(1, statementId).executeUpdate();
    totals.statementShown(statementId);
    audit.record("STATEMENT_DECLARE", "Expense", null, Messages.get(java.util.Locale.FRENCH, "expense.statement.audit.declare", changed, statementId), null);
    return changed;
  }

  /**
   * A statement sent back for correction: its lines are paid again, free and unlocked, so its next
   * version takes them (the submitted version keeps its frozen copy).
   */
  @RolesAllowed(FINANCE)
  @Transactional
  public int reopenStatement(long statementId) {
    // The status changes first, while the lines still name the statement, so the totals can follow them.
    totals.statementHidden(statementId);
    int changed = em.createNativeQuery("UPDATE EXPENSE SET STATUS = 'PAID', LOCKED = FALSE, RETAINED_AMOUNT = NULL, VERDICT_REASON = NULL,"
            + " VERSION = VERSION + 1 WHERE STATEMENT_ID = ?")
        .setParameter(1, statementId).executeUpdate();
    totals.statementShown(statementId);
    em.createNativeQuery("UPDATE EXPENSE SET STATEMENT_ID = NULL WHERE STATEMENT_ID = ?").setParameter(1, statementId).executeUpdate();
    audit.record("STATEMENT_REOPEN", "Expense", null, Messages.get(java.util.Locale.FRENCH, "expense.statement.audit.reopen", changed, statementId), null);
    return changed;
  }

  /** One verdict of the operator on declared lines of a statement; the retained amount only for PARTLY_ACCEPTED. */
  public record Verdict(@NotNull List<Long> expenseIds, @NotNull ExpenseStatus verdict, BigDecimal retainedAmount, String reason) {}

  /**
   * Records the operator's verdicts on lines of statement {@code statementId} (rule 6), several
   * lines at once where they agree: ACCEPTED retains the eligible amount, REJECTED nothing (a reason
   * is required), PARTLY_ACCEPTED the amount given, below the eligible amount, with a reason.
   */
  @RolesAllowed(FINANCE)
  @Transactional
  public int recordVerdicts(long statementId, @NotNull @Valid List<Verdict> verdicts) {
    if (verdicts.isEmpty()) {
      throw new RuleViolation("verdicts", "expense.verdict.empty");
    }
    int changed = 0;
    em.flush();
    totals.statementHidden(statementId);
    for (Verdict v : verdicts) {
      if (!ExpenseStatus.verdicts().contains(v.verdict())) {
        throw new RuleViolation("verdict", "expense.verdict.kind", v.verdict().name());
      }
      if (v.expenseIds().isEmpty()) {
        throw new RuleViolation("expenseIds", "expense.verdict.empty");
      }
      String reason = v.reason() == null || v.reason().isBlank() ? null : v.reason().trim();
      if (v.verdict() != ExpenseStatus.ACCEPTED && reason == null) {
        throw new RuleViolation("reason", "expense.verdict.reasonRequired");
      }
      if (reason != null && reason.length() > 500) {
        throw new RuleViolation("reason", "field.tooLong", 500);
      }
      Set<Long> ids = new LinkedHashSet<>(v.expenseIds());
      for (List<Long> chunk : chunks(new ArrayList<>(ids), 1000)) {
        long inStatement = em.createQuery("SELECT COUNT(e) FROM Expense e WHERE e.id IN :ids AND e.statementId = :s AND e.status IN :declared", Long.class)
            .setParameter("ids", chunk).setParameter("s", statementId)
            .setParameter("declared", List.of(ExpenseStatus.DECLARED, ExpenseStatus.ACCEPTED, ExpenseStatus.REJECTED, ExpenseStatus.PARTLY_ACCEPTED))
            .getSingleResult();
        if (inStatement != chunk.size()) {
          throw new RuleViolation("expenseIds", "expense.verdict.notDeclared", statementId);
        }
        if (v.verdict() == ExpenseStatus.PARTLY_ACCEPTED) {
          BigDecimal retained = v.retainedAmount() == null ? null : fr.jalon.platform.Money.exact(v.retainedAmount());
          for (Long id : chunk) {
            Expense e = em.find(Expense.class, id);
            if (retained == null || retained.signum() <= 0 || retained.compareTo(e.eligibleAmount()) >= 0) {
              throw new RuleViolation("retainedAmount", "expense.verdict.retained", e.auditKey(), new Messages.Amount(e.eligibleAmount()));
            }
          }
          changed += em.createQuery("UPDATE Expense e SET e.status = :v, e.retainedAmount = :r, e.verdictReason = :why, e.version = e.version + 1 WHERE e.id IN :ids")
              .setParameter("v", v.verdict()).setParameter("r", retained).setParameter("why", reason).setParameter("ids", chunk).executeUpdate();
        } else {
          String retainedExpr = v.verdict() == ExpenseStatus.ACCEPTED ? "e.eligibleAmount" : "0";
          changed += em.createQuery("UPDATE Expense e SET e.status = :v, e.retainedAmount = " + retainedExpr + ", e.verdictReason = :why, e.version = e.version + 1 WHERE e.id IN :ids")
              .setParameter("v", v.verdict()).setParameter("why", reason).setParameter("ids", chunk).executeUpdate();
        }
      }
      audit.record("STATEMENT_VERDICT", "Expense", null,
          Messages.get(java.util.Locale.FRENCH, "expense.statement.audit.verdict", ids.size(), v.verdict().name(), statementId),
          ids.stream().map(String::valueOf).collect(Collectors.joining(", ")));
    }
    em.flush();
    totals.statementShown(statementId);
    em.clear();
    return changed;
  }

  /**
   * Rule 8/9: the eligible cost the operator accepted (full and partial verdicts), or empty while it
   * has answered on no line.
   */
  @RolesAllowed({ADMIN, PROJECT_MANAGER, FINANCE, BOARD})
  public java.util.Optional<BigDecimal> acceptedEligibleCost() {
    return totals.acceptedEligible(grants.grant().id());
  }

  private static <T> List<List<T>> chunks(List<T> all, int size) {
    List<List<T>> result = new ArrayList<>();
    for (int i = 0; i < all.size(); i += size) {
      result.add(all.subList(i, Math.min(all.size(), i + size)));
    }
    return result;
  }

  private Expense find(long id) {
    Expense e = em.find(Expense.class, id);
    if (e == null || !e.grant().id().equals(grants.grant().id())) {
      throw new NotFoundException(Messages.get("expense.notFound"));
    }
    return e;
  }
}
