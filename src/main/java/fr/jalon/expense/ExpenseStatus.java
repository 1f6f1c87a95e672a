package fr.jalon.expense;

/** The public-finance chain. {@code ORDERED} is skipped where the grant has no separate payment order. */
public enum ExpenseStatus {
  DRAFT,
  COMMITTED,
  SERVICE_DONE,
  LIQUIDATED,
  ORDERED,
  PAID,
  CANCELLED,
  /** In a submitted expense statement (ERD), waiting for the operator's answer (rule 6). */
  DECLARED,
  /** Accepted by the operator: its eligible amount counts in the accepted eligible cost. */
  ACCEPTED,
  /** Refused by the operator, with a reason: nothing of it is accepted. */
  REJECTED,
  /** Partly accepted: the retained amount counts, with a reason. */
  PARTLY_ACCEPTED;

  /** The step after this one, or null at the end of the chain. */
  public ExpenseStatus next(boolean separatePaymentOrder) {
    return switch (this) {
      case DRAFT -> COMMITTED;
      case COMMITTED -> SERVICE_DONE;
      case SERVICE_DONE -> LIQUIDATED;
      case LIQUIDATED -> separatePaymentOrder ? ORDERED : PAID;
      case ORDERED -> PAID;
      case PAID, CANCELLED, DECLARED, ACCEPTED, REJECTED, PARTLY_ACCEPTED -> null;
    };
  }

  public boolean cancellable() {
    return this == DRAFT || this == COMMITTED;
  }

  /** Committed money: everything past the draft and not cancelled. */
  public boolean committed() {
    return this != DRAFT && this != CANCELLED;
  }

  /** Paid, whatever happened to it in the statements since (rule 10 counts these). */
  public boolean paid() {
    return this == PAID || declared();
  }

  /** Declared in a submitted statement, with or without the operator's verdict. */
  public boolean declared() {
    return this == DECLARED || this == ACCEPTED || this == REJECTED || this == PARTLY_ACCEPTED;
  }

  /** The statuses of a paid expense, for queries. */
  public static java.util.List<ExpenseStatus> paidOnes() {
    return java.util.List.of(PAID, DECLARED, ACCEPTED, REJECTED, PARTLY_ACCEPTED);
  }

  /** The operator's verdicts on a declared expense. */
  public static java.util.List<ExpenseStatus> verdicts() {
    return java.util.List.of(ACCEPTED, REJECTED, PARTLY_ACCEPTED);
  }
}
