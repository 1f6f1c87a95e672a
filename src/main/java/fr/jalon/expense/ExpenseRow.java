package fr.jalon.expense;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One line of the expense list (a projection, never the entity). */
public record ExpenseRow(
    long id,
    LocalDate date,
    String actionCode,
    String categoryCode,
    String sourceLabel,
    String supplier,
    String description,
    String invoiceNumber,
    LocalDate invoiceDate,
    BigDecimal amountExcl,
    BigDecimal amountVat,
    BigDecimal amountIncl,
    BigDecimal eligibleAmount,
    ExpenseStatus status,
    LocalDate paidOn,
    boolean paymentEstimated,
    Provenance provenance,
    int receiptCount,
    Long correctsId) implements java.io.Serializable {

  public boolean withoutReceipt() {
    return receiptCount == 0;
  }
}
