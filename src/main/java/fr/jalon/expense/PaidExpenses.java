package fr.jalon.expense;

import fr.jalon.grant.PaidEligibleCost;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;

/** Gives the tranche screens the spend ratio's numerator (rule 10) from the paid expenses. */
@ApplicationScoped
public class PaidExpenses implements PaidEligibleCost {
  @Inject ExpenseService expenses;

  @Override
  public BigDecimal paidEligibleCost() {
    return expenses.paidEligibleCost();
  }
}
