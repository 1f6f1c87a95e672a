package fr.jalon.grant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.jalon.platform.RuleViolation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Rules 9 and 10 on the tranches, at their boundaries and on the golden example. */
class TrancheRulesTest {
  static final BigDecimal MAX_PIA = new BigDecimal("2000000.00");
  static final BigDecimal PLANNED = new BigDecimal("5000000.00");
  static final ParameterValues DEFAULTS = ParameterValues.defaults();
  static final Grant GRANT = new Grant(GrantRulesTest.golden(), new Organisation("Lycée", null, LegalForm.EPLE, false));

  static TrancheRules.Counted advance(String amount) {
    return new TrancheRules.Counted(TrancheKind.ADVANCE, new BigDecimal(amount));
  }

  static TrancheRules.Counted interim(String amount) {
    return new TrancheRules.Counted(TrancheKind.INTERIM, new BigDecimal(amount));
  }

  static List<String> refusals(List<TrancheRules.Counted> tranches, long months) {
    return TrancheRules.caps(tranches, MAX_PIA, months, DEFAULTS, "plannedAmount").stream().map(RuleViolation::messageKey).toList();
  }

  static Tranche tranche(int number, TrancheKind kind, String amount, String minSpendRatio) {
    return new Tranche(GRANT, number, kind, new BigDecimal(amount), LocalDate.of(2021, 1, 1), minSpendRatio == null ? null : new BigDecimal(minSpendRatio));
  }

  static final TrancheRules.Spend NO_SPEND = new TrancheRules.Spend(BigDecimal.ZERO, PLANNED, false);

  @Test
  void advanceExactlyAtTheCapIsAccepted() {
    assertThat(refusals(List.of(advance("600000.00")), 120)).isEmpty();
  }

  @Test
  void advanceOneCentAboveTheCapIsRefused() {
    assertThat(refusals(List.of(advance("600000.01")), 120)).containsExactly("tranche.cap.advance");
  }

  @Test
  void advancePlusInterimsAtEightyPercentForAFortyEightMonthGrant() {
    assertThat(refusals(List.of(advance("600000.00"), interim("1000000.00")), 48)).isEmpty();
    assertThat(refusals(List.of(advance("600000.00"), interim("1000000.01")), 48)).containsExactly("tranche.cap.interim");
  }

  @Test
  void advancePlusInterimsAtNinetyPercentPastFortyEightMonths() {
    assertThat(refusals(List.of(advance("600000.00"), interim("1000000.01")), 49)).isEmpty();
    assertThat(refusals(List.of(advance("600000.00"), interim("600000.00"), interim("600000.00")), 49)).isEmpty();
    assertThat(refusals(List.of(advance("600000.00"), interim("600000.00"), interim("600000.01")), 49)).containsExactly("tranche.cap.interim");
  }

  @Test
  void theBalanceIsOutsideBothCaps() {
    var balance = new TrancheRules.Counted(TrancheKind.BALANCE, new BigDecimal("200000.00"));
    assertThat(refusals(List.of(advance("600000.00"), interim("1200000.00"), balance), 120)).isEmpty();
  }

  @Test
  void theRefusalSaysTheAmountsInFrench() {
    RuleViolation v = TrancheRules.caps(List.of(advance("600000.01")), MAX_PIA, 120, DEFAULTS, "plannedAmount").get(0);
    assertThat(v.field()).isEqualTo("plannedAmount");
    assertThat(v.getMessage().replace('\u00A0', ' ')).isEqualTo("L’avance (600 000,01 €) dépasserait le plafond de 600 000,00 € (30 % du montant PIA maximal).");
  }

  @Test
  void goldenExampleToTheCent() {
    assertThat(FundingRules.advanceCeiling(MAX_PIA, DEFAULTS.advanceCap())).isEqualTo(new BigDecimal("600000.00"));
    assertThat(TrancheRules.interimCapRate(GRANT.months(), DEFAULTS)).isEqualByComparingTo("90");
    assertThat(refusals(List.of(advance("600000.00"), interim("1200000.00")), GRANT.months())).isEmpty();
    assertThat(refusals(List.of(advance("600000.00"), interim("1200000.01")), GRANT.months())).containsExactly("tranche.cap.interim");
    BigDecimal aidRate = FundingRules.aidRate(MAX_PIA, PLANNED, DEFAULTS.maxPiaRate());
    BigDecimal due = FundingRules.piaDue(aidRate, new BigDecimal("4400000.00"), MAX_PIA);
    assertThat(FundingRules.balance(due, new BigDecimal("1800000.00"))).isEqualTo(new BigDecimal("-40000.00"));
  }

  @Test
  void spendRatioIsRoundedDownSoAThresholdIsNeverReachedByRounding() {
    assertThat(TrancheRules.spendRatio(new BigDecimal("1500000.00"), PLANNED)).isEqualTo(new BigDecimal("30.00"));
    assertThat(TrancheRules.spendRatio(new BigDecimal("1499999.99"), PLANNED)).isEqualTo(new BigDecimal("29.99"));
    assertThat(TrancheRules.spendRatio(BigDecimal.ZERO, PLANNED)).isEqualByComparingTo("0");
  }

  @Test
  void spendRatioExactlyAtTheThresholdMeetsTheCondition() {
    Tranche t = tranche(1, TrancheKind.INTERIM, "100000.00", "30");
    var at = TrancheRules.evaluate(t, null, new TrancheRules.Spend(new BigDecimal("1500000.00"), PLANNED, true), c -> Optional.empty());
    assertThat(at).extracting(ConditionCheck::met).containsExactly(true, true);
    assertThat(TrancheRules.liveStatus(t, at)).isEqualTo(TrancheStatus.CONDITIONS_MET);
    var below = TrancheRules.evaluate(t, null, new TrancheRules.Spend(new BigDecimal("1499999.99"), PLANNED, true), c -> Optional.empty());
    assertThat(below.get(1).met()).isFalse();
    assertThat(below.get(1).text(Locale.FRENCH).replace('\u00A0', ' ')).isEqualTo("taux de dépense 29,99 % inférieur aux 30 % exigés");
    assertThat(TrancheRules.liveStatus(t, below)).isEqualTo(TrancheStatus.PLANNED);
  }

  @Test
  void aTrancheWaitsForThePreviousOneToBeReceived() {
    Tranche first = tranche(1, TrancheKind.ADVANCE, "600000.00", null);
    Tranche second = tranche(2, TrancheKind.INTERIM, "500000.00", null);
    var waiting = TrancheRules.evaluate(second, first, NO_SPEND, c -> Optional.empty());
    assertThat(waiting).singleElement().satisfies(c -> {
      assertThat(c.met()).isFalse();
      assertThat(c.text(Locale.FRENCH)).isEqualTo("tranche 1 pas encore reçue (statut : Prévue)");
    });
    first.request(new BigDecimal("600000.00"), LocalDate.of(2020, 10, 1));
    assertThat(TrancheRules.evaluate(second, first, NO_SPEND, c -> Optional.empty()).get(0).met()).isFalse();
    first.recordReceipt(new BigDecimal("600000.00"), LocalDate.of(2020, 11, 20), "VIR-1");
    var ready = TrancheRules.evaluate(second, first, NO_SPEND, c -> Optional.empty());
    assertThat(ready.get(0).met()).isTrue();
    assertThat(TrancheRules.liveStatus(second, ready)).isEqualTo(TrancheStatus.CONDITIONS_MET);
  }

  @Test
  void theTrancheBeforeIsTheLastNotCancelledOne() {
    Tranche first = tranche(1, TrancheKind.ADVANCE, "600000.00", null);
    Tranche second = tranche(2, TrancheKind.INTERIM, "400000.00", null);
    Tranche third = tranche(3, TrancheKind.INTERIM, "400000.00", null);
    assertThat(TrancheService.previous(List.of(first, second, third), first)).isNull();
    assertThat(TrancheService.previous(List.of(first, second, third), third)).isSameAs(second);
    second.cancel("Fusionnée avec la tranche 3");
    assertThat(TrancheService.previous(List.of(first, second, third), third)).isSameAs(first);
  }

  @Test
  void withoutAnEvaluatorAMilestoneOrReportConditionIsNotMetAndSaysItIsNotTrackedYet() {
    Tranche t = tranche(1, TrancheKind.INTERIM, "100000.00", null);
    t.addCondition(ConditionKind.MILESTONE_VALIDATED, 7L, null);
    t.addCondition(ConditionKind.REPORT_ACCEPTED, null, "FINAL_ERD");
    var checks = TrancheRules.evaluate(t, null, NO_SPEND, c -> Optional.empty());
    assertThat(checks).extracting(ConditionCheck::met).containsExactly(true, false, false);
    assertThat(checks.get(1).text(Locale.FRENCH)).isEqualTo("jalon 7 validé : non rempli — pas encore suivi dans Jalon");
    assertThat(checks.get(2).text(Locale.FRENCH)).isEqualTo("rapport d’état récapitulatif des dépenses (ERD) final accepté : non rempli — pas encore suivi dans Jalon");
  }

  @Test
  void anEvaluatorThatTracksTheConditionDecides() {
    Tranche t = tranche(1, TrancheKind.INTERIM, "100000.00", null);
    t.addCondition(ConditionKind.MILESTONE_VALIDATED, 7L, null);
    var checks = TrancheRules.evaluate(t, null, NO_SPEND, c -> Optional.of(new ConditionEvaluator.Verdict(true, "(COPIL du 12/03/2024)")));
    assertThat(checks).extracting(ConditionCheck::met).containsExactly(true, true);
    assertThat(checks.get(1).text(Locale.FRENCH)).isEqualTo("jalon 7 validé (COPIL du 12/03/2024)");
  }

  @Test
  void aReceiptNeedsARequestAndNeverExceedsIt() {
    Tranche t = tranche(1, TrancheKind.ADVANCE, "600000.00", null);
    assertThatThrownBy(() -> t.recordReceipt(new BigDecimal("1.00"), LocalDate.of(2020, 1, 1), null)).hasMessageContaining("n’a pas été demandée");
    t.request(new BigDecimal("600000.00"), LocalDate.of(2020, 10, 1));
    assertThatThrownBy(() -> t.recordReceipt(new BigDecimal("600000.01"), LocalDate.of(2020, 11, 1), null)).hasMessageContaining("dépasse le montant demandé");
    assertThatThrownBy(() -> t.recordReceipt(new BigDecimal("600000.00"), LocalDate.of(2020, 9, 30), null)).hasMessageContaining("précéder la demande");
    t.recordReceipt(new BigDecimal("600000.00"), LocalDate.of(2020, 11, 1), "VIR");
    assertThat(t.status()).isEqualTo(TrancheStatus.RECEIVED);
    assertThat(t.requestedOn()).isEqualTo(LocalDate.of(2020, 10, 1));
  }

  @Test
  void onlyAPlannedTrancheIsSuspendedOrRescheduledAndACancelledOneCountsForNothing() {
    Tranche t = tranche(2, TrancheKind.INTERIM, "500000.00", "30");
    t.suspend("NO GO du COPIL-2024-02");
    assertThat(t.status()).isEqualTo(TrancheStatus.SUSPENDED);
    assertThatThrownBy(() -> t.reschedule(TrancheKind.INTERIM, new BigDecimal("1.00"), LocalDate.of(2022, 1, 1), null)).isInstanceOf(RuleViolation.class);
    t.resume();
    t.cancel("Abandon de l’action");
    assertThat(t.countedAmount()).isEqualByComparingTo("0");
    assertThatThrownBy(() -> t.suspend("x")).isInstanceOf(RuleViolation.class);
  }

  @Test
  void fundingPlanSummaryChecksRuleEight() {
    List<CofundingLine> lines = List.of(
        line(FunderKind.PIA, FundingNature.CASH, "2000000.00", "600000.00"),
        line(FunderKind.REGION, FundingNature.CASH, "1500000.00", "400000.00"),
        line(FunderKind.COMPANY, FundingNature.IN_KIND, "400000.00", "100000.00"),
        line(FunderKind.OWN_FUNDS, FundingNature.CASH, "1000000.00", "0.00"));
    CofundingSummary s = CofundingSummary.of(lines, PLANNED, MAX_PIA, DEFAULTS);
    assertThat(s.totalCommitted()).isEqualTo(new BigDecimal("4900000.00"));
    assertThat(s.totalReceived()).isEqualTo(new BigDecimal("1100000.00"));
    assertThat(s.totalExpected()).isEqualTo(new BigDecimal("3800000.00"));
    // (1 500 000 + 400 000 + 1 000 000) ÷ (5 000 000 + 400 000) = 53,70 %
    assertThat(s.cofundingRatioCommitted()).isEqualTo(new BigDecimal("53.70"));
    assertThat(s.cofundingRatioCommittedOk()).isTrue();
    // received: (400 000 + 100 000) ÷ (5 000 000 + 100 000 in kind delivered) = 9,80 %: below the minimum
    assertThat(s.cofundingRatioReceived()).isEqualTo(new BigDecimal("9.80"));
    assertThat(s.cofundingRatioReceivedOk()).isFalse();
    assertThat(s.aidRate()).isEqualByComparingTo("40");
    assertThat(s.aidRateOk()).isTrue();
    assertThat(s.publicAidCommitted()).isEqualTo(new BigDecimal("3500000.00"));
    assertThat(s.publicAidOk()).isTrue();
  }

  @Test
  void publicAidAboveItsCapIsAWarning() {
    ParameterValues p = DEFAULTS;
    ParameterValues seventy = new ParameterValues(p.maxPiaRate(), new BigDecimal("70.00"), p.minCofundingRatio(), p.advanceCap(), p.interimCap(), p.interimCapLong(),
        p.longGrantMonths(), p.fungibilityThreshold(), p.flatRateOverheads(), p.statutoryStaffEligible(), p.procurementThreshold(), p.separatePaymentOrder(),
        p.finalPaymentGraceDays(), p.reportDueDays(), p.reportingPeriod());
    List<CofundingLine> atCap = List.of(line(FunderKind.PIA, FundingNature.CASH, "2000000.00", "0"), line(FunderKind.REGION, FundingNature.CASH, "1500000.00", "0"));
    assertThat(CofundingSummary.of(atCap, PLANNED, MAX_PIA, seventy).publicAidOk()).isTrue();
    List<CofundingLine> above = List.of(line(FunderKind.PIA, FundingNature.CASH, "2000000.00", "0"), line(FunderKind.FEDER, FundingNature.CASH, "1500000.01", "0"));
    assertThat(CofundingSummary.of(above, PLANNED, MAX_PIA, seventy).publicAidOk()).isFalse();
  }

  static CofundingLine line(FunderKind kind, FundingNature nature, String committed, String received) {
    BigDecimal c = new BigDecimal(committed);
    BigDecimal r = new BigDecimal(received).setScale(2);
    return new CofundingLine(null, null, kind.name(), kind, nature, c, r, c.subtract(r), null, null, null, 0);
  }
}
