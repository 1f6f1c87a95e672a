package fr.jalon.bench.generator;

import static org.assertj.core.api.Assertions.assertThat;

import fr.jalon.accounting.FecEntries;
import fr.jalon.accounting.FecExpense;
import fr.jalon.accounting.FecProblem;
import fr.jalon.accounting.FecSelection;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated FEC read back by Jalon's own reader: every entry valid, each expense as expected. */
class FecWriterTest {
  private static final LocalDate FROM = LocalDate.of(2021, 1, 1);
  private static final LocalDate TO = LocalDate.of(2024, 12, 31);

  @TempDir Path folder;

  @Test
  void jalonReadsEveryExpenseTheWriterMeantWithoutAProblem() throws IOException {
    Path file = folder.resolve("fec.txt");
    List<FecWriter.Expected> expected = new ArrayList<>();
    FecWriter.Written written = FecWriter.write(file, 42, 1, 5_000, FROM, TO, expected::add);

    List<FecExpense> read = new ArrayList<>();
    List<FecProblem> problems = new ArrayList<>();
    var summary = FecEntries.read(() -> open(file), FecSelection.everything(), read::add, problems::add);

    assertThat(problems).isEmpty();
    assertThat(summary.linesRead()).isEqualTo(written.lines());
    assertThat(written.lines()).isBetween(5_000, 5_003);
    assertThat(read).hasSize(expected.size()).hasSize(written.expenses());
    for (int i = 0; i < read.size(); i++) {
      FecExpense r = read.get(i);
      FecWriter.Expected e = expected.get(i);
      assertThat(r.sourceKey()).isEqualTo(e.sourceKey());
      assertThat(r.supplierName()).isEqualTo(e.supplierName());
      assertThat(r.invoiceNumber()).isEqualTo(e.invoiceNumber());
      assertThat(r.invoiceDate()).isEqualTo(e.invoiceDate());
      assertThat(r.excl()).isEqualByComparingTo(e.excl());
      assertThat(r.vat()).isEqualByComparingTo(e.vat());
      assertThat(r.incl()).isEqualByComparingTo(e.incl());
      assertThat(r.paidOn()).as("payment of %s", e.sourceKey()).isEqualTo(e.paidOn());
    }
    assertThat(expected).anyMatch(e -> e.paidOn() != null).anyMatch(e -> e.correctsSourceKey() != null).anyMatch(e -> "PERS".equals(e.categoryCode()))
        .anyMatch(e -> e.vat().signum() == 0 && !"PERS".equals(e.categoryCode()));
    assertThat(expected).allMatch(e -> !e.invoiceDate().isBefore(FROM) && !e.invoiceDate().isAfter(TO))
        .allMatch(e -> e.paidOn() == null || (!e.paidOn().isBefore(e.invoiceDate()) && !e.paidOn().isAfter(TO)));
  }

  @Test
  void theSameSeedAndBatchWriteTheSameFileAndAnotherBatchOtherEntries() throws IOException {
    Path a = folder.resolve("a.txt");
    Path b = folder.resolve("b.txt");
    Path c = folder.resolve("c.txt");
    List<FecWriter.Expected> ea = new ArrayList<>();
    List<FecWriter.Expected> ec = new ArrayList<>();
    FecWriter.write(a, 42, 1, 1_000, FROM, TO, ea::add);
    FecWriter.write(b, 42, 1, 1_000, FROM, TO, e -> {});
    FecWriter.write(c, 42, 2, 1_000, FROM, TO, ec::add);
    assertThat(Files.mismatch(a, b)).isEqualTo(-1);
    assertThat(ec).noneMatch(e -> ea.stream().anyMatch(x -> x.sourceKey().equals(e.sourceKey()) || x.invoiceNumber().equals(e.invoiceNumber())));
  }

  private static InputStream open(Path file) {
    try {
      return Files.newInputStream(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
