package fr.jalon.expense;

import fr.jalon.grant.AcceptedEligibleCost;
import fr.jalon.grant.PaidEligibleCost;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;

/** Gives the tranche screens the spend ratio's numerator (rule 10) and the accepted eligible cost (rules 8, 9) from the expenses. */
@ApplicationScoped
public class PaidExpenses implements PaidEligibleCost, AcceptedEligibleCost {
  @Inject ExpenseService expenses;

  @Override
  public BigDecimal paidEligibleCost() {
    return expenses.paidEligibleCost();
  }

  @Override
  public java.util.Optional<BigDecimal> acceptedEligibleCost() {
    return expenses.acceptedEligibleCost();
  }
}
