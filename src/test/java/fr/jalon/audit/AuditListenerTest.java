package fr.jalon.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the trail writes a value: plain, language-neutral, and no finer than a reader needs. */
class AuditListenerTest {
  @Test
  void aTimeIsWrittenToTheSecondADateAndAnAmountAsTheyAre() {
    assertThat(AuditListener.show(LocalDateTime.of(2026, 11, 30, 7, 54, 11, 428_227_595))).isEqualTo("2026-11-30T07:54:11");
    assertThat(AuditListener.show(LocalDate.of(2026, 10, 30))).isEqualTo("2026-10-30");
    assertThat(AuditListener.show(new BigDecimal("1234567.80"))).isEqualTo("1234567.80");
    assertThat(AuditListener.show(null)).isEqualTo("∅");
    assertThat(AuditListener.show(List.of("b", "a"))).isEqualTo("[a, b]");
  }
}
