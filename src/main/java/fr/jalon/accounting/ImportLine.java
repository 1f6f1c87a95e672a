package fr.jalon.accounting;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One line of an import's preview: what will be created, what is already there (skipped), or what
 * is refused, with the file's line number, the column and the reason in French.
 */
public record ImportLine(
    int lineNumber,
    Outcome outcome,
    String column,
    String reason,
    String supplier,
    String invoiceNumber,
    LocalDate invoiceDate,
    String category,
    BigDecimal amountExcl,
    BigDecimal amountVat,
    BigDecimal amountIncl,
    LocalDate paidOn,
    boolean paymentEstimated) implements java.io.Serializable {

  public enum Outcome {
    CREATE,
    ALREADY_THERE,
    REFUSED
  }
}
