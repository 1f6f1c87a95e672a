package fr.jalon.expense;

import java.math.BigDecimal;

/**
 * What one action has committed and paid (eligible amounts). Still to pay = committed − paid; with
 * the budget's planned amount, available = planned − committed.
 */
public record ActionSpending(long actionId, BigDecimal committed, BigDecimal paid) {
  public BigDecimal stillToPay() {
    return committed.subtract(paid);
  }
}
