package fr.jalon.grant;

/**
 * What a production installation starts from: the agreement's terms and its beneficiary (the
 * demo loader builds the same through the service).
 */
public record NewGrant(GrantChange grant, Beneficiary beneficiary) {

  /** The beneficiary as typed: its VAT status decides whether eligible costs are excl. or incl. VAT. */
  public record Beneficiary(String name, String siret, LegalForm legalForm, Boolean recoversVat) {
    Organisation toOrganisation() {
      try {
        return new Organisation(name, siret, legalForm, Boolean.TRUE.equals(recoversVat));
      } catch (fr.jalon.platform.RuleViolation v) {
        throw new fr.jalon.platform.RuleViolation("beneficiary." + v.field(), v.messageKey());
      }
    }
  }
}
