package fr.jalon.expense;

import java.math.BigDecimal;

/** Count and sums of a filtered set of expenses. */
public record ExpenseTotals(long count, BigDecimal amountExcl, BigDecimal amountIncl, BigDecimal eligibleAmount) implements java.io.Serializable {}
