package fr.jalon.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SizeRatioTest {

  @Test
  void aFastOperationMayGrowBy20Milliseconds() {
    SizeRatio rule = new SizeRatio(2);
    // max(2 × 5, 5 + 20) = 25
    assertThat(rule.limitMs(5)).isEqualTo(25);
    assertThat(rule.met(5, 25)).isTrue();
    assertThat(rule.met(5, 25.1)).isFalse();
  }

  @Test
  void aSlowOperationMayGrowByFactorK() {
    SizeRatio rule = new SizeRatio(2);
    // max(2 × 100, 100 + 20) = 200
    assertThat(rule.limitMs(100)).isEqualTo(200);
    assertThat(rule.met(100, 200)).isTrue();
    assertThat(rule.met(100, 201)).isFalse();
  }

  @Test
  void kOfOneMeansOnlyTheSlack() {
    assertThat(new SizeRatio(1).limitMs(300)).isEqualTo(320);
  }

  @Test
  void aFasterLargeDatasetAlwaysMeetsTheTarget() {
    assertThat(new SizeRatio(1).met(50, 10)).isTrue();
  }

  @Test
  void kBelowOneIsRefused() {
    assertThatThrownBy(() -> new SizeRatio(0.5)).isInstanceOf(IllegalArgumentException.class);
  }
}
