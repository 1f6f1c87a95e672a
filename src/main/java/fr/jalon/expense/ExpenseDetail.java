package fr.jalon.expense;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** One expense as the form and the API show it, with its receipts. */
public record ExpenseDetail(
    long id,
    int version,
    long actionId,
    String actionCode,
    long categoryId,
    String categoryCode,
    long sourceId,
    String sourceLabel,
    Long supplierId,
    String supplier,
    String description,
    String invoiceNumber,
    LocalDate invoiceDate,
    String procurementReference,
    BigDecimal amountExcl,
    BigDecimal amountVat,
    BigDecimal amountIncl,
    BigDecimal sharePercent,
    BigDecimal eligibleAmount,
    Boolean statutoryStaff,
    ExpenseStatus status,
    ExpenseStatus nextStatus,
    LocalDate committedOn,
    LocalDate serviceDoneOn,
    LocalDate liquidatedOn,
    LocalDate orderedOn,
    String orderNumber,
    LocalDate paidOn,
    boolean paymentEstimated,
    LocalDate cancelledOn,
    Long correctsId,
    Provenance provenance,
    String sourceKey,
    List<Receipt> receipts) {

  public record Receipt(long id, ReceiptKind kind, String fileName, String sha256) {}

  static ExpenseDetail of(Expense e, List<ExpenseReceipt> receipts) {
    boolean separate = e.grant().parametersOn(e.sortDate()).values().separatePaymentOrder();
    return new ExpenseDetail(e.id(), e.version(), e.action().id(), e.action().code(), e.category().id(), e.category().code(), e.source().id(), e.source().funder().name(),
        e.supplier() == null ? null : e.supplier().id(), e.supplierName(), e.description(), e.invoiceNumber(), e.invoiceDate(), e.procurementReference(),
        e.amountExcl(), e.amountVat(), e.amountIncl(), e.sharePercent(), e.eligibleAmount(), e.statutoryStaff(), e.status(), e.status().next(separate),
        e.committedOn(), e.serviceDoneOn(), e.liquidatedOn(), e.orderedOn(), e.orderNumber(), e.paidOn(), e.paymentEstimated(), e.cancelledOn(),
        e.corrects() == null ? null : e.corrects().id(), e.provenance(), e.sourceKey(),
        receipts.stream().map(r -> new Receipt(r.id(), r.kind(), r.file().originalName(), r.file().sha256())).toList());
  }
}
