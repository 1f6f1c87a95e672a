package fr.jalon.expense;

import java.math.BigDecimal;

/**
 * What the list is narrowed to. The fast filters (action, category, funding source, status, year)
 * each lead an index; supplier, amount range and text are slower, fine on a narrowed list.
 */
public record ExpenseFilter(
    Long actionId, Long categoryId, Long sourceId, ExpenseStatus status, Integer year, String supplier, BigDecimal minAmount, BigDecimal maxAmount, String text,
    boolean paid) {

  /**
   * Without the {@code paid} narrowing. {@code paid} keeps the lines paid and those further along
   * (declared, answered): the "paid" of the budget figures and the dashboard.
   */
  public ExpenseFilter(
      Long actionId, Long categoryId, Long sourceId, ExpenseStatus status, Integer year, String supplier, BigDecimal minAmount, BigDecimal maxAmount, String text) {
    this(actionId, categoryId, sourceId, status, year, supplier, minAmount, maxAmount, text, false);
  }

  public static ExpenseFilter none() {
    return new ExpenseFilter(null, null, null, null, null, null, null, null, null);
  }

  public boolean onlyFast() {
    return blank(supplier) && minAmount == null && maxAmount == null && blank(text);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
