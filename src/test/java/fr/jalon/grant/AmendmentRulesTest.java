package fr.jalon.grant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.jalon.platform.RuleViolation;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Rule 13: parameters are effective-dated, amendments never rewrite the past, and after the first tranche request only an amendment changes them. */
class AmendmentRulesTest {
  private static final LocalDate SIGNED_2025 = LocalDate.of(2025, 3, 10);
  private static final LocalDate FROM_2025 = LocalDate.of(2025, 4, 1);

  private static Grant golden() {
    return new Grant(GrantRulesTest.golden(), new Organisation("Lycée Champollion", null, LegalForm.EPLE, false));
  }

  private static CopilDecision decision(Grant grant) {
    return new CopilMeeting(grant, LocalDate.of(2025, 3, 1), "COPIL de printemps", "Rectorat, Région, CDC")
        .decide("COPIL-2025-01", DecisionSubject.AMENDMENT, null, "Avenant n° 1", null);
  }

  private static ParameterValues with(java.util.function.Consumer<GrantRulesTest.MutableParams> change) {
    GrantRulesTest.MutableParams p = new GrantRulesTest.MutableParams(ParameterValues.defaults());
    change.accept(p);
    return p.values();
  }

  private static Amendment amend(Grant grant, LocalDate signed, LocalDate from, ParameterValues values) {
    return new Amendment(grant, 1, signed, from, "Révision des taux", decision(grant), values, null);
  }

  @Test
  void aFigureFor2022KeepsThe2022RateAfterA2025Amendment() {
    Grant grant = golden();
    amend(grant, SIGNED_2025, FROM_2025, with(p -> { p.maxPiaRate = new BigDecimal("35"); p.advanceCap = new BigDecimal("25"); }));

    // The golden example: 2 000 000 ÷ 5 000 000 = 40 %, under the 50 % cap in 2022.
    assertThat(grant.aidRateOn(LocalDate.of(2022, 6, 30))).isEqualByComparingTo("40.00");
    assertThat(grant.parametersOn(LocalDate.of(2022, 6, 30)).values().advanceCap()).isEqualByComparingTo("30");
    // The day before the effective date still uses the old values; from it, the new ones.
    assertThat(grant.aidRateOn(FROM_2025.minusDays(1))).isEqualByComparingTo("40.00");
    assertThat(grant.aidRateOn(FROM_2025)).isEqualByComparingTo("35.00");
    assertThat(grant.parametersOn(FROM_2025).values().advanceCap()).isEqualByComparingTo("25");
    assertThat(grant.parameterHistory()).hasSize(2);
  }

  @Test
  void anAmendmentCannotTakeEffectOnOrBeforeTheLatestParameters() {
    Grant grant = golden();
    amend(grant, SIGNED_2025, FROM_2025, with(p -> p.advanceCap = new BigDecimal("25")));
    assertThatThrownBy(() -> new Amendment(grant, 2, SIGNED_2025, FROM_2025, "Même jour", decision(grant), with(p -> p.advanceCap = new BigDecimal("20")), null))
        .isInstanceOf(RuleViolation.class)
        .extracting(e -> ((RuleViolation) e).messageKey())
        .isEqualTo("amendment.effectiveFrom.notAfterLatest");
    new Amendment(grant, 2, SIGNED_2025, FROM_2025.plusDays(1), "Le lendemain", decision(grant), with(p -> p.advanceCap = new BigDecimal("20")), null);
    assertThat(grant.parameterHistory()).hasSize(3);
  }

  @Test
  void theEffectiveDateNeverPrecedesTheSignature() {
    Grant grant = golden();
    assertThatThrownBy(() -> amend(grant, SIGNED_2025, SIGNED_2025.minusDays(1), with(p -> p.advanceCap = new BigDecimal("25"))))
        .extracting(e -> ((RuleViolation) e).field())
        .isEqualTo("effectiveFrom");
    assertThat(grant.parameterHistory()).hasSize(1);
  }

  @Test
  void theEffectiveDateLiesWithinTheGrant() {
    Grant grant = golden();
    assertThatThrownBy(() -> amend(grant, SIGNED_2025, LocalDate.of(2030, 1, 1), with(p -> p.advanceCap = new BigDecimal("25"))))
        .extracting(e -> ((RuleViolation) e).messageKey())
        .isEqualTo("amendment.effectiveFrom.outsideGrant");
  }

  @Test
  void anAmendmentMayOnlyCiteItsDecisionButNeverRestatesTheParametersInForce() {
    Grant grant = golden();
    // An amendment Jalon does not model beyond its object (e.g. lifting a NO_GO) changes no parameter.
    Amendment citing = amend(grant, SIGNED_2025, FROM_2025, null);
    assertThat(citing.parameters()).isNull();
    assertThat(grant.parameterHistory()).hasSize(1);
    // The same values written differently (50 and 50.00) are no change.
    assertThatThrownBy(() -> amend(grant, SIGNED_2025, FROM_2025, with(p -> p.maxPiaRate = new BigDecimal("50.0"))))
        .extracting(e -> ((RuleViolation) e).messageKey())
        .isEqualTo("amendment.parameters.unchanged");
  }

  @Test
  void anAmendmentNeedsACopilDecisionAndValidParameters() {
    Grant grant = golden();
    assertThatThrownBy(() -> new Amendment(grant, 1, SIGNED_2025, FROM_2025, "Sans décision", null, with(p -> p.advanceCap = new BigDecimal("25")), null))
        .extracting(e -> ((RuleViolation) e).field())
        .isEqualTo("decisionId");
    assertThatThrownBy(() -> amend(grant, SIGNED_2025, FROM_2025, with(p -> p.advanceCap = new BigDecimal("130"))))
        .extracting(e -> ((RuleViolation) e).field())
        .isEqualTo("parameters.advanceCap");
  }

  @Test
  void onceFrozenTheGrantFormCannotChangeParametersButCanChangeItsTitle() {
    Grant grant = golden();
    GrantChange otherRate = GrantRulesTest.with(b -> b.params(p -> p.advanceCap = new BigDecimal("25")));
    assertThatThrownBy(() -> grant.revise(otherRate, true))
        .extracting(e -> ((RuleViolation) e).messageKey())
        .isEqualTo("grant.parameters.frozen");
    assertThat(grant.parametersInForce().values().advanceCap()).isEqualByComparingTo("30");

    grant.revise(GrantRulesTest.with(b -> b.title("Campus renommé")), true);
    assertThat(grant.title()).isEqualTo("Campus renommé");

    // Before the first tranche request the form still edits them in place.
    grant.revise(otherRate, false);
    assertThat(grant.parametersInForce().values().advanceCap()).isEqualByComparingTo("25");
  }

  @Test
  void theChangesListOnlyWhatDiffersBeforeAndAfter() {
    var changes = ParameterChange.between(ParameterValues.defaults(), with(p -> { p.advanceCap = new BigDecimal("25"); p.separatePaymentOrder = false; }));
    assertThat(changes).extracting(ParameterChange::parameter).containsExactly("advanceCap", "separatePaymentOrder");
    assertThat(changes.get(0).before()).isEqualTo(new BigDecimal("30.00"));
    assertThat(changes.get(0).after()).isEqualTo(new BigDecimal("25.00"));
    assertThat(changes.get(0).isRate()).isTrue();
    assertThat(changes.get(1).isRate()).isFalse();
  }
}
