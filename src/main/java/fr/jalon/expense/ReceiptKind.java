package fr.jalon.expense;

/** What a receipt proves: the invoice, the order (bon de commande), a payslip. */
public enum ReceiptKind {
  INVOICE,
  ORDER,
  PAYSLIP
}
