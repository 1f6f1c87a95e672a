package fr.jalon.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One line of an expense statement, as it was frozen into it; {@code corrects} names the line a correction points to. */
public record ErdLine(
    long expenseId,
    String actionCode,
    String actionTitle,
    String categoryCode,
    String categoryLabel,
    String invoiceNumber,
    LocalDate invoiceDate,
    String supplier,
    String description,
    BigDecimal amountExcl,
    BigDecimal amountIncl,
    BigDecimal eligibleAmount,
    LocalDate paidOn,
    String orderNumber,
    String corrects) {}
