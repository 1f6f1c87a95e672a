package fr.jalon.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SamplesTest {

  @Test
  void theMedianOfAnOddCountIsTheMiddleValue() {
    assertThat(Samples.of(5, 1, 3).median()).isEqualTo(3);
  }

  @Test
  void theMedianOfAnEvenCountIsTheMeanOfTheTwoMiddleValues() {
    assertThat(Samples.of(4, 1, 3, 2).median()).isEqualTo(2.5);
  }

  @Test
  void p95IsTheNearestRankSoAlwaysAMeasuredValue() {
    // 1..200: rank ceil(0.95 × 200) = 190.
    double[] values = IntStream.rangeClosed(1, 200).mapToDouble(i -> i).toArray();
    assertThat(Samples.of(values).p95()).isEqualTo(190);
    // 1..5: rank ceil(4.75) = 5, the maximum.
    assertThat(Samples.of(1, 2, 3, 4, 5).p95()).isEqualTo(5);
    assertThat(Samples.of(7).p95()).isEqualTo(7);
  }

  @Test
  void minMaxAndCountDoNotDependOnTheOrderOfMeasurement() {
    Samples s = Samples.of(List.of(30L, 10L, 20L));
    assertThat(s.min()).isEqualTo(10);
    assertThat(s.max()).isEqualTo(30);
    assertThat(s.count()).isEqualTo(3);
  }

  @Test
  void nothingMeasuredIsAnError() {
    assertThatThrownBy(() -> Samples.of(new double[0])).isInstanceOf(IllegalArgumentException.class);
  }
}
