package fr.jalon.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** FG: a flat rate of the direct eligible costs, never above the agreed rate by rounding. */
class FlatRateOverheadsTest {
  @Test
  void sevenPercentOfDirectCostsRoundedDownToTheCent() {
    assertThat(FlatRateOverheads.of(new BigDecimal("123456.78"), new BigDecimal("7"))).isEqualByComparingTo("8641.97");
    assertThat(FlatRateOverheads.of(new BigDecimal("100.00"), new BigDecimal("7.5"))).isEqualByComparingTo("7.50");
  }

  @Test
  void noRateOrNoDirectCostMeansNoOverheads() {
    assertThat(FlatRateOverheads.of(new BigDecimal("1000.00"), null)).isEqualByComparingTo("0.00");
    assertThat(FlatRateOverheads.of(null, new BigDecimal("7"))).isEqualByComparingTo("0.00");
    assertThat(FlatRateOverheads.of(BigDecimal.ZERO, new BigDecimal("7"))).isEqualByComparingTo("0.00");
  }
}
