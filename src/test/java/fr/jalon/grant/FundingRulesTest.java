package fr.jalon.grant;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** DESIGN.md's golden example, to the cent, and the edges of rules 8 and 9. */
class FundingRulesTest {
  static final BigDecimal MAX_PIA = new BigDecimal("2000000.00");
  static final BigDecimal PLANNED = new BigDecimal("5000000.00");
  static final ParameterValues DEFAULTS = ParameterValues.defaults();

  @Test
  void goldenExample() {
    BigDecimal aidRate = FundingRules.aidRate(MAX_PIA, PLANNED, DEFAULTS.maxPiaRate());
    assertThat(aidRate).isEqualByComparingTo("40");
    assertThat(FundingRules.advanceCeiling(MAX_PIA, DEFAULTS.advanceCap())).isEqualTo(new BigDecimal("600000.00"));
    assertThat(FundingRules.interimCeiling(MAX_PIA, 120, DEFAULTS)).isEqualTo(new BigDecimal("1800000.00"));
    BigDecimal due = FundingRules.piaDue(aidRate, new BigDecimal("4400000.00"), MAX_PIA);
    assertThat(due).isEqualTo(new BigDecimal("1760000.00"));
    assertThat(FundingRules.balance(due, new BigDecimal("1800000.00"))).isEqualTo(new BigDecimal("-40000.00"));
  }

  @Test
  void theHigherInterimCapAppliesOnlyPastFortyEightMonths() {
    assertThat(FundingRules.interimCeiling(MAX_PIA, 48, DEFAULTS)).isEqualTo(new BigDecimal("1600000.00"));
    assertThat(FundingRules.interimCeiling(MAX_PIA, 49, DEFAULTS)).isEqualTo(new BigDecimal("1800000.00"));
  }

  @Test
  void theAidRateNeverExceedsTheMaximumPiaRate() {
    assertThat(FundingRules.aidRate(new BigDecimal("3000000.00"), PLANNED, new BigDecimal("50"))).isEqualByComparingTo("50");
  }

  @Test
  void piaDueNeverExceedsTheMaximumPiaAmount() {
    assertThat(FundingRules.piaDue(new BigDecimal("40"), new BigDecimal("6000000.00"), MAX_PIA)).isEqualTo(MAX_PIA);
  }

  @Test
  void ceilingsRoundDownToTheCent() {
    assertThat(FundingRules.advanceCeiling(new BigDecimal("1000000.01"), new BigDecimal("30"))).isEqualTo(new BigDecimal("300000.00"));
  }

  @Test
  void cofundingRatioCountsInKindOnBothSides() {
    // 2 500 000 cash + 500 000 in kind ÷ (5 000 000 + 500 000) = 54.55 %
    assertThat(FundingRules.cofundingRatio(new BigDecimal("3000000.00"), PLANNED, new BigDecimal("500000.00"))).isEqualTo(new BigDecimal("54.55"));
  }

  @Test
  void publicAidCapIsInclusive() {
    assertThat(FundingRules.publicAidWithinCap(PLANNED, PLANNED, new BigDecimal("100"))).isTrue();
    assertThat(FundingRules.publicAidWithinCap(PLANNED.add(new BigDecimal("0.01")), PLANNED, new BigDecimal("100"))).isFalse();
  }
}
