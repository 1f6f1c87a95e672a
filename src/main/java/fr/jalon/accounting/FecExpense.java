package fr.jalon.accounting;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A purchase (or payroll, or credit note) read from one FEC entry: amounts from the charge, VAT and
 * supplier lines, the supplier and the invoice from the supplier line, the payment from the
 * lettered bank entry (or DateLet, {@code estimated}). A negative {@code excl} is a credit note.
 */
public record FecExpense(
    int lineNumber,
    String sourceKey,
    String chargeAccount,
    String supplierName,
    String invoiceNumber,
    LocalDate invoiceDate,
    String label,
    BigDecimal excl,
    BigDecimal vat,
    BigDecimal incl,
    LocalDate paidOn,
    boolean estimated,
    String lettering,
    boolean payroll) implements java.io.Serializable {

  public boolean creditNote() {
    return excl.signum() < 0;
  }
}
