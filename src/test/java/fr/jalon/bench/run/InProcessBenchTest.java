package fr.jalon.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InProcessBenchTest {
  @Test
  void theSectionGivesBothFiguresWithTheirErrorAndTheRatio() {
    String section = InProcessBench.section(20_000, 30.71, 2.36, 12.72, 1.1);
    assertThat(section).startsWith("\n## In-process operations (JMH)\n")
        .contains("| read a FEC of 20 000 lines from memory (floor: decode the lines and split them on the tab) | 30.7 ± 2.4 ms | 12.7 ± 1.1 ms | 2.41 × |");
  }
}
