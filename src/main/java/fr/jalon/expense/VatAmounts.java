package fr.jalon.expense;

import fr.jalon.platform.RuleViolation;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Rule 3's arithmetic: excl. VAT + VAT = incl. VAT to the cent (incl. computed when missing, or excl.
 * from incl.), and the eligible amount: excl. VAT where the beneficiary recovers VAT, incl. VAT
 * otherwise, times the share charged to the project.
 */
public record VatAmounts(BigDecimal excl, BigDecimal vat, BigDecimal incl) {
  private static final BigDecimal HUNDRED = new BigDecimal("100");

  /** Completes the missing one of excl. / incl. VAT (VAT defaults to zero) and checks the sum. */
  public static VatAmounts of(BigDecimal excl, BigDecimal vat, BigDecimal incl) {
    BigDecimal v = vat == null ? BigDecimal.ZERO : vat;
    if (excl == null && incl == null) {
      throw new RuleViolation("amountExcl", "expense.amount.required");
    }
    BigDecimal e = excl == null ? incl.subtract(v) : excl;
    BigDecimal i = incl == null ? e.add(v) : incl;
    e = cents("amountExcl", e);
    v = cents("amountVat", v);
    i = cents("amountIncl", i);
    if (e.add(v).compareTo(i) != 0) {
      throw new RuleViolation("amountIncl", "expense.amount.sum", e.toPlainString(), v.toPlainString(), i.toPlainString());
    }
    return new VatAmounts(e, v, i);
  }

  /** The eligible base (rule 3), rounded half-up to the cent. */
  public BigDecimal eligible(boolean beneficiaryRecoversVat, BigDecimal sharePercent) {
    BigDecimal base = beneficiaryRecoversVat ? excl : incl;
    return base.multiply(sharePercent).divide(HUNDRED, 2, RoundingMode.HALF_UP);
  }

  /** True when any amount is below zero (only a correction line may be). */
  public boolean negative() {
    return excl.signum() < 0 || vat.signum() < 0 || incl.signum() < 0;
  }

  private static BigDecimal cents(String field, BigDecimal amount) {
    if (amount.stripTrailingZeros().scale() > 2) {
      throw new RuleViolation(field, "field.cents");
    }
    if (amount.abs().compareTo(new BigDecimal("9999999999999")) > 0) {
      throw new RuleViolation(field, "field.tooLarge");
    }
    return amount.setScale(2, RoundingMode.UNNECESSARY);
  }
}
