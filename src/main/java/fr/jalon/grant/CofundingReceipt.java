package fr.jalon.grant;

import fr.jalon.audit.Audited;
import fr.jalon.platform.Money;
import fr.jalon.platform.RuleViolation;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Money a co-funder paid (or an in-kind contribution delivered) on its line. Never on the PIA
 * line: the PIA's receipts are the tranches' (rule 10).
 */
@Entity
@Table(name = "COFUNDING_RECEIPT")
public class CofundingReceipt implements Audited {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "COFUNDING_ID", nullable = false, updatable = false)
  private Cofunding cofunding;

  @Column(name = "RECEIVED_ON", nullable = false)
  private LocalDate receivedOn;

  @Column(name = "AMOUNT", nullable = false)
  private BigDecimal amount;

  @Column(name = "REFERENCE")
  private String reference;

  @Version
  @Column(name = "VERSION")
  private int version;

  protected CofundingReceipt() {}

  CofundingReceipt(Cofunding cofunding, LocalDate receivedOn, BigDecimal amount, String reference) {
    if (cofunding.kind() == FunderKind.PIA) {
      throw new RuleViolation("amount", "cofunding.receipt.pia");
    }
    if (receivedOn == null) {
      throw new RuleViolation("receivedOn", "cofunding.receipt.date.required");
    }
    if (amount == null) {
      throw new RuleViolation("amount", "cofunding.receipt.amount.required");
    }
    if (amount.signum() <= 0) {
      throw new RuleViolation("amount", "field.positive");
    }
    if (reference != null && reference.trim().length() > 120) {
      throw new RuleViolation("reference", "field.tooLong", 120);
    }
    this.cofunding = cofunding;
    this.receivedOn = receivedOn;
    this.amount = Money.exact(amount);
    this.reference = reference == null || reference.isBlank() ? null : reference.trim();
  }

  @Override
  public Object auditKey() {
    return cofunding.auditKey() + " " + receivedOn;
  }

  public Long id() {
    return id;
  }

  public Cofunding cofunding() {
    return cofunding;
  }

  public LocalDate receivedOn() {
    return receivedOn;
  }

  public BigDecimal amount() {
    return amount;
  }

  public String reference() {
    return reference;
  }

  public int version() {
    return version;
  }
}
