package fr.jalon.expense;

import java.util.List;

/**
 * One page of the list read by keyset: {@code next} is the cursor to pass as {@code after} for the
 * following page (null on the last one).
 */
public record ExpensePage(List<ExpenseRow> items, String next) implements java.io.Serializable {}
