package fr.jalon.grant;

import fr.jalon.audit.Audited;
import fr.jalon.platform.RuleViolation;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A legal body the grant involves: beneficiary, partner, co-funder or supplier. */
@Entity
@Table(name = "ORGANISATION")
public class Organisation implements Audited {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "NAME", nullable = false)
  private String name;

  @Column(name = "SIREN")
  private String siren;

  @Column(name = "SIRET")
  private String siret;

  @Enumerated(EnumType.STRING)
  @Column(name = "LEGAL_FORM", nullable = false)
  private LegalForm legalForm;

  @Column(name = "RECOVERS_VAT", nullable = false)
  private boolean recoversVat;

  @Version
  @Column(name = "VERSION")
  private int version;

  protected Organisation() {}

  public Organisation(String name, String siret, LegalForm legalForm, boolean recoversVat) {
    if (name == null || name.isBlank()) {
      throw new RuleViolation("name", "organisation.name.required");
    }
    if (legalForm == null) {
      throw new RuleViolation("legalForm", "organisation.legalForm.required");
    }
    if (name.trim().length() > 200) {
      throw new RuleViolation("name", "field.tooLong", 200);
    }
    this.name = name.trim();
    this.legalForm = legalForm;
    this.recoversVat = recoversVat;
    if (siret != null && !siret.isBlank()) {
      String digits = siret.replace(" ", "");
      if (!Siret.valid(digits)) {
        throw new RuleViolation("siret", "organisation.siret.invalid");
      }
      this.siret = digits;
      this.siren = digits.substring(0, 9);
    }
  }

  @Override
  public Object auditKey() {
    return name;
  }

  public Long id() {
    return id;
  }

  public String name() {
    return name;
  }

  public String siren() {
    return siren;
  }

  public String siret() {
    return siret;
  }

  public LegalForm legalForm() {
    return legalForm;
  }

  public boolean recoversVat() {
    return recoversVat;
  }
}
