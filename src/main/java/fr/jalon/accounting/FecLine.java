package fr.jalon.accounting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One readable line of a FEC, amounts signed: {@code debit} and {@code credit} as in the file
 * (one of them zero). {@code extra} holds the columns past the eighteen standard ones (an
 * analytic code, for instance).
 */
public record FecLine(
    int lineNumber,
    String journalCode,
    String entryNumber,
    LocalDate entryDate,
    String account,
    String auxAccount,
    String auxLabel,
    String pieceRef,
    LocalDate pieceDate,
    String label,
    BigDecimal debit,
    BigDecimal credit,
    String lettering,
    LocalDate letteringDate,
    List<String> extra) {

  public String entryKey() {
    return journalCode + "|" + entryNumber;
  }

  /** Debit − credit. */
  public BigDecimal balance() {
    return debit.subtract(credit);
  }
}
