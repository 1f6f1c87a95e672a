package fr.jalon.grant;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The grant as screens, the API and the "fiche convention" show it. */
public record GrantSheet(
    String reference,
    String title,
    String programme,
    String operatorName,
    String ministry,
    Beneficiary beneficiary,
    LocalDate signatureDate,
    LocalDate eligibilityStart,
    LocalDate endDate,
    long months,
    List<Integer> years,
    BigDecimal maxPiaAmount,
    BigDecimal eligibleBudget,
    BigDecimal aidRate,
    BigDecimal interimCapApplicable,
    ParameterValues parameters,
    LocalDate parametersEffectiveFrom,
    List<ParameterSet> parameterHistory,
    SignedAgreement signedAgreement,
    boolean parametersFrozen,
    int version) {

  public record Beneficiary(String name, String siret, LegalForm legalForm, boolean recoversVat) {}

  /** A parameter set and the amendment that brought it (null for the agreement's own). */
  public record ParameterSet(LocalDate effectiveFrom, ParameterValues values, Integer amendment) {}

  public record SignedAgreement(long fileId, String name, long sizeBytes, String sha256) {}

  static GrantSheet of(Grant g) {
    return of(g, null, false, Map.of());
  }

  /**
   * The sheet as of {@code today} (null: the newest parameters), with the parameters in force that
   * day (rule 13) and, for each set, the amendment that brought it.
   */
  static GrantSheet of(Grant g, LocalDate today, boolean parametersFrozen, Map<LocalDate, Integer> amendmentBySet) {
    GrantParameters inForce = today == null ? g.parametersInForce() : g.parametersOn(today);
    ParameterValues p = inForce.values();
    BigDecimal interimCap = g.months() > p.longGrantMonths() ? p.interimCapLong() : p.interimCap();
    Organisation b = g.beneficiary();
    SignedAgreement signed = g.signedAgreement() == null ? null
        : new SignedAgreement(g.signedAgreement().id(), g.signedAgreement().originalName(), g.signedAgreement().sizeBytes(), g.signedAgreement().sha256());
    return new GrantSheet(g.reference(), g.title(), g.programme(), g.operatorName(), g.ministry(),
        new Beneficiary(b.name(), b.siret(), b.legalForm(), b.recoversVat()), g.signatureDate(), g.eligibilityStart(), g.endDate(),
        g.months(), g.years(), g.maxPiaAmount(), g.eligibleBudget(), today == null ? g.aidRate() : g.aidRateOn(today), interimCap, p, inForce.effectiveFrom(),
        g.parameterHistory().stream().map(s -> new ParameterSet(s.effectiveFrom(), s.values(), amendmentBySet.get(s.effectiveFrom()))).toList(), signed,
        parametersFrozen, g.version());
  }

  /** The sheet as a change to edit: what the form starts from. */
  public GrantChange toChange() {
    return new GrantChange(reference, title, programme, operatorName, ministry, signatureDate, eligibilityStart, endDate, maxPiaAmount,
        eligibleBudget, parameters, version);
  }
}
