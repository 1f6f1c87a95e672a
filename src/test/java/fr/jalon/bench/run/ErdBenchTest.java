package fr.jalon.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ErdBenchTest {
  /** A report row as JSON-B writes it: properties in alphabetical order, files and signatures nested. */
  static final String ROW = "{\"answerNote\":null,\"dataSha256\":null,\"files\":[{\"format\":\"CSV\",\"id\":31,\"name\":\"erd.csv\"},"
      + "{\"format\":\"PDF\",\"id\":32,\"name\":\"erd.pdf\",\"sha256\":\"ab\",\"sizeBytes\":12},{\"format\":\"XLSX\",\"id\":33}],"
      + "\"generatedBy\":\"finance\",\"id\":7,\"lineCount\":29618,\"reportVersion\":1,\"signatures\":[{\"id\":4,\"name\":\"x\"}],\"status\":\"DRAFT\",\"version\":3}";

  @Test
  void theReportsOwnIdIsReadNotAFilesOrASignatures() {
    assertThat(ErdBench.reportId(ROW)).isEqualTo(7);
  }

  @Test
  void thePdfFileTheLineCountAndTheEntityVersionAreFoundWhateverTheOrder() {
    assertThat(ErdBench.pdfFileId(ROW)).isEqualTo("32");
    assertThat(ErdBench.lineCount(ROW)).isEqualTo(29_618);
    assertThat(ErdBench.version(ROW)).isEqualTo("3");
  }

  @Test
  void theStatementTakesTheFirstMonthsHoldingAHundredThousandLinesOrTheWholeYear() {
    long[] big = new long[13];
    java.util.Arrays.fill(big, 1, 13, 24_700);
    ErdBench.Plan plan = ErdBench.months(2027, big);
    assertThat(plan.months()).isEqualTo(5);
    assertThat(plan.lines()).isEqualTo(123_500);
    assertThat(plan.period()).isEqualTo("2027-01-01 – 2027-05-31");
    long[] small = new long[13];
    java.util.Arrays.fill(small, 1, 13, 2_500);
    ErdBench.Plan whole = ErdBench.months(2025, small);
    assertThat(whole.months()).isEqualTo(12);
    assertThat(whole.lines()).isEqualTo(30_000);
    assertThat(whole.period()).isEqualTo("2025-01-01 – 2025-12-31");
  }
}
