package fr.jalon.expense;

import fr.jalon.grant.Cofunding;
import fr.jalon.grant.Organisation;
import fr.jalon.plan.Action;
import fr.jalon.plan.CostCategory;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What a person types about an expense, its references resolved: the entity checks them (rules
 * 1–4) before taking them. {@code supplierName} is used when no organisation is linked (payroll
 * lines: "Personnel"). {@code corrects} is the line a correction (credit note) corrects.
 */
public record ExpenseTerms(
    Action action,
    CostCategory category,
    Cofunding source,
    Organisation supplier,
    String supplierName,
    String description,
    String invoiceNumber,
    LocalDate invoiceDate,
    String procurementReference,
    BigDecimal amountExcl,
    BigDecimal amountVat,
    BigDecimal amountIncl,
    BigDecimal sharePercent,
    Boolean statutoryStaff,
    Expense corrects) {}
