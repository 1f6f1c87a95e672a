package fr.jalon.indicator;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;

/** One part of a value's breakdown, e.g. "Filles" 112. */
@Embeddable
public class ValuePart {
  @Column(name = "LABEL", nullable = false)
  private String label;

  @Column(name = "AMOUNT", nullable = false)
  private BigDecimal amount;

  protected ValuePart() {}

  public ValuePart(String label, BigDecimal amount) {
    this.label = label;
    this.amount = amount.setScale(2);
  }

  public String label() {
    return label;
  }

  public BigDecimal amount() {
    return amount;
  }

  @Override
  public String toString() {
    return label + " " + amount.toPlainString();
  }
}
