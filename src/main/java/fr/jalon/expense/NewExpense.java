package fr.jalon.expense;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An expense as typed (REST and form): references by id. {@code sourceId} null means the PIA line;
 * a supplier is either {@code supplierId} or a new organisation ({@code newSupplier}). Incl. VAT
 * may be left out (computed), or excl. VAT (computed from incl. and VAT). {@code version} is
 * needed to revise.
 */
public record NewExpense(
    @NotNull Long actionId,
    @NotNull Long categoryId,
    Long sourceId,
    Long supplierId,
    NewSupplier newSupplier,
    @NotNull @Size(max = 500) String description,
    @Size(max = 60) String invoiceNumber,
    LocalDate invoiceDate,
    @Size(max = 60) String procurementReference,
    BigDecimal amountExcl,
    BigDecimal amountVat,
    BigDecimal amountIncl,
    BigDecimal sharePercent,
    Boolean statutoryStaff,
    Long correctsId,
    Integer version) {

  /** A supplier not yet known: its name and SIRET (checked), whether it is a company recovering VAT does not matter here. */
  public record NewSupplier(@NotNull @Size(max = 200) String name, @Size(max = 17) String siret) {}
}
