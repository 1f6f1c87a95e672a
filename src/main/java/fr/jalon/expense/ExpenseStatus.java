package fr.jalon.expense;

/** The public-finance chain. {@code ORDERED} is skipped where the grant has no separate payment order. */
public enum ExpenseStatus {
  DRAFT,
  COMMITTED,
  SERVICE_DONE,
  LIQUIDATED,
  ORDERED,
  PAID,
  CANCELLED;

  /** The step after this one, or null at the end of the chain. */
  public ExpenseStatus next(boolean separatePaymentOrder) {
    return switch (this) {
      case DRAFT -> COMMITTED;
      case COMMITTED -> SERVICE_DONE;
      case SERVICE_DONE -> LIQUIDATED;
      case LIQUIDATED -> separatePaymentOrder ? ORDERED : PAID;
      case ORDERED -> PAID;
      case PAID, CANCELLED -> null;
    };
  }

  public boolean cancellable() {
    return this == DRAFT || this == COMMITTED;
  }

  /** Committed money: everything past the draft and not cancelled. */
  public boolean committed() {
    return this != DRAFT && this != CANCELLED;
  }
}
