package fr.jalon.expense;

import fr.jalon.audit.AuditTrail;
import fr.jalon.grant.Cofunding;
import fr.jalon.grant.Grant;
import fr.jalon.grant.GrantFixtures;
import fr.jalon.plan.Action;
import fr.jalon.plan.CostCategory;
import fr.jalon.platform.Fields;
import fr.jalon.platform.FileStore;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;

/** The expense service and paid lines for other capabilities' tests (its constructors and fields are package-private). */
public final class ExpenseFixtures {
  private ExpenseFixtures() {}

  public static ExpenseService expenseService(EntityManager em, FileStore files, Clock clock) {
    ExpenseService s = new ExpenseService();
    s.em = em;
    s.grants = GrantFixtures.grantService(em);
    s.repository = new ExpenseRepository(em);
    AuditTrail audit = new AuditTrail();
    Fields.set(audit, "em", em);
    s.audit = audit;
    s.files = files;
    s.clock = clock;
    s.totals = new fr.jalon.execution.ExecutionTotals(em);
    return s;
  }

  /** The paid and accepted eligible costs, as the tranche service reads them. */
  public static PaidExpenses paidExpenses(ExpenseService expenses) {
    PaidExpenses p = new PaidExpenses();
    p.expenses = expenses;
    return p;
  }

  /** The demo-shaped grant (an EPLE, public body, no VAT recovery) of the expense rule tests. */
  public static Grant grant() {
    return ExpenseRulesTest.grant();
  }

  public static Cofunding pia(Grant g) {
    return ExpenseRulesTest.pia(g);
  }

  /** A paid line (with or without a receipt counted), or a correction of {@code corrects}. */
  public static Expense paid(Grant g, Action action, CostCategory category, Cofunding source, String supplier, String invoice, LocalDate invoiceDate, BigDecimal excl,
      BigDecimal vat, LocalDate paidOn, boolean receipt, Expense corrects) {
    ExpenseTerms t = new ExpenseTerms(action, category, source, null, supplier, "Objet " + invoice, invoice, invoiceDate, null, excl, vat, null, null, null, corrects);
    Expense e = new Expense(g, t, Provenance.MANUAL, null, invoiceDate);
    e.land(invoiceDate, paidOn, false);
    if (receipt) {
      e.receiptAttached();
    }
    return e;
  }
}
