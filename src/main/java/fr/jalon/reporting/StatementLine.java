package fr.jalon.reporting;

import fr.jalon.expense.ExpenseStatus;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A line of a declared statement with the operator's verdict on it, as the verdict screen lists it. */
public record StatementLine(
    long expenseId,
    String actionCode,
    String invoiceNumber,
    LocalDate invoiceDate,
    String supplierName,
    String description,
    BigDecimal eligibleAmount,
    LocalDate paidOn,
    ExpenseStatus status,
    BigDecimal retainedAmount,
    String verdictReason) {}
