package fr.jalon.grant;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A tranche as the schedule shows it, with its conditions evaluated now: {@code status} is the
 * live one (CONDITIONS_MET for a planned tranche whose conditions all hold), {@code storedStatus}
 * the recorded one.
 */
public record TrancheRow(
    Long id,
    int number,
    TrancheKind kind,
    BigDecimal plannedAmount,
    LocalDate plannedDate,
    BigDecimal minSpendRatio,
    TrancheStatus status,
    TrancheStatus storedStatus,
    BigDecimal requestedAmount,
    LocalDate requestedOn,
    BigDecimal receivedAmount,
    LocalDate receivedOn,
    String receiptReference,
    String statusReason,
    boolean requestable,
    List<Check> checks,
    List<Tranche.ConditionSpec> conditions,
    int version) {

  /** One condition as evaluated now, in the reader's language. */
  public record Check(ConditionCheck.Code code, boolean met, String text) {}
}
