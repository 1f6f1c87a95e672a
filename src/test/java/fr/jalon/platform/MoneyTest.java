package fr.jalon.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class MoneyTest {
  @Test
  void frenchAmountsUseNoBreakSpacesAndAComma() {
    assertThat(Money.format(new BigDecimal("12345.67"))).isEqualTo("12\u00A0345,67\u00A0€");
    assertThat(Money.format(new BigDecimal("2000000"))).isEqualTo("2\u00A0000\u00A0000,00\u00A0€");
    assertThat(Money.format(new BigDecimal("-40000.00"))).isEqualTo("-40\u00A0000,00\u00A0€");
  }

  @Test
  void englishAmountsUseTheEuroSignFirst() {
    assertThat(Money.format(new BigDecimal("12345.67"), Locale.ENGLISH)).isEqualTo("€12,345.67");
  }

  @Test
  void percentagesDropUselessDecimals() {
    assertThat(Money.percent(new BigDecimal("50.00"), Locale.FRENCH)).isEqualTo("50\u00A0%");
    assertThat(Money.percent(new BigDecimal("12.50"), Locale.FRENCH)).isEqualTo("12,5\u00A0%");
  }

  @Test
  void exactRefusesFractionsOfACent() {
    assertThat(Money.exact(new BigDecimal("1.5"))).isEqualTo(new BigDecimal("1.50"));
    assertThatThrownBy(() -> Money.exact(new BigDecimal("1.005"))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void datesAreFrench() {
    assertThat(Dates.format(java.time.LocalDate.of(2026, 11, 29))).isEqualTo("29/11/2026");
  }
}
