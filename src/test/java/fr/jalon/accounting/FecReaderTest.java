package fr.jalon.accounting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading a FEC as DESIGN.md §2 says: encodings, separators, line ends, 18–22 columns, amounts, each broken case. */
class FecReaderTest {
  static final String HEADER = String.join("\t", FecReader.STANDARD);

  static String row(String... f) {
    return String.join("\t", f);
  }

  /** A purchase: charge 6063 1 000,00, VAT 200,00, supplier 1 200,00 lettered AA. */
  static List<String> purchase() {
    return List.of(
        row("AC", "Achats", "1", "20240115", "6063", "Fournitures", "", "", "FA-1", "20240114", "Étau", "1000,00", "", "", "", "20240115", "", ""),
        row("AC", "Achats", "1", "20240115", "44566", "TVA", "", "", "FA-1", "20240114", "Étau", "200,00", "", "", "", "20240115", "", ""),
        row("AC", "Achats", "1", "20240115", "401000", "Fournisseurs", "F1", "Outillage Sud-Ouest", "FA-1", "20240114", "Étau", "", "1200,00", "AA", "", "20240115", "", ""));
  }

  static byte[] file(List<String> rows, char separator, String eol, Charset charset, boolean bom) {
    StringBuilder s = new StringBuilder(HEADER.replace('\t', separator)).append(eol);
    rows.forEach(r -> s.append(r.replace('\t', separator)).append(eol));
    byte[] body = s.toString().getBytes(charset);
    if (!bom) {
      return body;
    }
    byte[] withBom = new byte[body.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(body, 0, withBom, 3, body.length);
    return withBom;
  }

  record Read(List<FecLine> lines, List<FecProblem> problems, FecReader.Summary summary) {}

  static Read read(byte[] bytes) {
    List<FecLine> lines = new ArrayList<>();
    List<FecProblem> problems = new ArrayList<>();
    FecReader.Summary s = FecReader.read(new ByteArrayInputStream(bytes), lines::add, problems::add);
    return new Read(lines, problems, s);
  }

  static List<FecExpense> expenses(byte[] bytes, List<FecProblem> problems) {
    List<FecExpense> out = new ArrayList<>();
    FecEntries.read(() -> new ByteArrayInputStream(bytes), FecSelection.everything(), out::add, problems::add);
    return out;
  }

  @ParameterizedTest
  @ValueSource(strings = {"UTF-8", "UTF-8-BOM", "ISO-8859-15"})
  void eachEncodingReadsTheAccentsRight(String encoding) {
    Charset charset = encoding.startsWith("UTF-8") ? StandardCharsets.UTF_8 : Charset.forName("ISO-8859-15");
    Read r = read(file(purchase(), '\t', "\r\n", charset, encoding.endsWith("BOM")));
    assertThat(r.problems()).isEmpty();
    assertThat(r.lines()).hasSize(3);
    assertThat(r.lines().get(0).journalCode()).isEqualTo("AC");
    assertThat(r.lines().get(0).label()).isEqualTo("Étau");
  }

  @ParameterizedTest
  @ValueSource(chars = {'\t', '|', ';'})
  void eachSeparator(char separator) {
    Read r = read(file(purchase(), separator, "\n", StandardCharsets.UTF_8, false));
    assertThat(r.problems()).isEmpty();
    assertThat(r.summary().separator()).isEqualTo(separator);
    assertThat(r.lines().get(2).credit()).isEqualByComparingTo("1200.00");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\r\n", "\n", "\r"})
  void eachLineEnd(String eol) {
    Read r = read(file(purchase(), '\t', eol, StandardCharsets.UTF_8, false));
    assertThat(r.lines()).extracting(FecLine::lineNumber).containsExactly(2, 3, 4);
  }

  @Test
  void twentyTwoColumnsKeepTheExtraOnesForTheAnalyticCode() {
    String header = HEADER + "\tCodeAnalytique\tX2\tX3\tX4";
    String body = header + "\n" + String.join("\n", purchase().stream().map(r -> r + "\tCMQ\t\t\t").toList()) + "\n";
    Read r = read(body.getBytes(StandardCharsets.UTF_8));
    assertThat(r.problems()).isEmpty();
    assertThat(r.lines().get(0).extra()).containsExactly("CMQ", "", "", "");
    List<FecExpense> out = new ArrayList<>();
    FecEntries.read(() -> new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), new FecSelection(List.of(), List.of(), "CMQ", java.util.Map.of()), out::add, p -> {});
    assertThat(out).hasSize(1);
    List<FecExpense> none = new ArrayList<>();
    FecEntries.read(() -> new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), new FecSelection(List.of(), List.of(), "AUTRE", java.util.Map.of()), none::add, p -> {});
    assertThat(none).isEmpty();
  }

  @Test
  void montantAndSensReplaceDebitAndCredit() {
    String header = HEADER.replace("Debit\tCredit", "Montant\tSens");
    String body = header + "\n" + row("AC", "Achats", "1", "20240115", "6063", "F", "", "", "FA-1", "20240114", "x", "000000100,00", "D", "", "", "20240115", "", "") + "\n"
        + row("AC", "Achats", "1", "20240115", "401000", "F", "F1", "Sud", "FA-1", "20240114", "x", "\"100,00\"", "C", "", "", "20240115", "", "") + "\n";
    Read r = read(body.getBytes(StandardCharsets.UTF_8));
    assertThat(r.problems()).isEmpty();
    assertThat(r.lines().get(0).debit()).isEqualByComparingTo("100.00");
    assertThat(r.lines().get(1).credit()).isEqualByComparingTo("100.00");
  }

  @Test
  void zeroPaddedAndQuotedAmounts() {
    assertThat(FecReader.amount("000001234,50", "Debit")).isEqualByComparingTo("1234.50");
    assertThat(FecReader.amount("\"1234,5\"", "Debit")).isEqualByComparingTo("1234.50");
    assertThat(FecReader.amount("", "Debit")).isEqualByComparingTo("0");
  }

  @Test
  void eachBrokenLineIsRefusedWithItsNumberColumnAndAFrenchReason() {
    List<String> rows = new ArrayList<>(purchase());
    rows.add(row("AC", "Achats", "2", "20240115", "6063", "F", "", "", "FA-2", "20240114", "tronquée"));
    rows.add(row("AC", "Achats", "3", "20240115", "6063", "F", "", "", "FA-3", "20240114", "x", "10,00", "10,00", "", "", "20240115", "", ""));
    rows.add(row("AC", "Achats", "4", "20241345", "6063", "F", "", "", "FA-4", "20240114", "x", "10,00", "", "", "", "20240115", "", ""));
    rows.add(row("AC", "Achats", "5", "20240115", "6063", "F", "", "", "FA-5", "20240114", "x", "1.234,56", "", "", "", "20240115", "", ""));
    List<FecProblem> problems = new ArrayList<>();
    List<FecExpense> out = expenses(file(rows, '\t', "\n", StandardCharsets.UTF_8, false), problems);
    assertThat(out).hasSize(1);
    assertThat(problems).extracting(FecProblem::lineNumber).containsExactly(5, 6, 7, 8);
    assertThat(problems.get(0).reason()).contains("colonnes");
    assertThat(problems.get(1).column()).isEqualTo("Debit");
    assertThat(problems.get(1).reason()).contains("Débit et crédit");
    assertThat(problems.get(2).column()).isEqualTo("EcritureDate");
    assertThat(problems.get(3).reason()).contains("Montant « 1.234,56 » illisible");
  }

  @Test
  void anUnbalancedEntryIsRefused() {
    List<String> rows = List.of(
        row("AC", "Achats", "9", "20240115", "6063", "F", "", "", "FA-9", "20240114", "x", "50,00", "", "", "", "20240115", "", ""),
        row("AC", "Achats", "9", "20240115", "401000", "F", "F1", "Sud", "FA-9", "20240114", "x", "", "40,00", "", "", "20240115", "", ""));
    List<FecProblem> problems = new ArrayList<>();
    assertThat(expenses(file(rows, '\t', "\n", StandardCharsets.UTF_8, false), problems)).isEmpty();
    assertThat(problems).singleElement().satisfies(p -> assertThat(p.reason()).contains("déséquilibrée"));
  }

  @Test
  void aPurchaseIsReadPerEntryAndPaidByTheLetteredBankEntry() {
    List<String> rows = new ArrayList<>(purchase());
    rows.add(row("BQ", "Banque", "1", "20240220", "401000", "F", "F1", "Outillage Sud-Ouest", "FA-1", "20240220", "Règlement", "1200,00", "", "AA", "20240220", "20240220", "", ""));
    rows.add(row("BQ", "Banque", "1", "20240220", "512000", "Banque", "", "", "FA-1", "20240220", "Règlement", "", "1200,00", "", "", "20240220", "", ""));
    FecExpense e = expenses(file(rows, '\t', "\n", StandardCharsets.UTF_8, false), new ArrayList<>()).get(0);
    assertThat(e.excl()).isEqualByComparingTo("1000.00");
    assertThat(e.vat()).isEqualByComparingTo("200.00");
    assertThat(e.incl()).isEqualByComparingTo("1200.00");
    assertThat(e.supplierName()).isEqualTo("Outillage Sud-Ouest");
    assertThat(e.invoiceNumber()).isEqualTo("FA-1");
    assertThat(e.invoiceDate()).isEqualTo(LocalDate.of(2024, 1, 14));
    assertThat(e.paidOn()).isEqualTo(LocalDate.of(2024, 2, 20));
    assertThat(e.estimated()).isFalse();
    assertThat(e.sourceKey()).isEqualTo("AC|1|6063");
  }

  static InputStream sample() {
    InputStream in = FecReaderTest.class.getResourceAsStream("/demo/fec-exemple.txt");
    if (in == null) {
      throw new UncheckedIOException(new IOException("sample FEC missing"));
    }
    return in;
  }

  @Test
  void theSampleFileGivesItsExpectedExpensesToTheCent() {
    List<FecProblem> problems = new ArrayList<>();
    List<FecExpense> out = new ArrayList<>();
    FecReader.Summary s = FecEntries.read(FecReaderTest::sample, FecSelection.everything(), out::add, problems::add);
    assertThat(s.charset()).isEqualTo("ISO-8859-15");
    assertThat(s.linesRead()).isEqualTo(303);
    assertThat(out).hasSize(77);
    assertThat(out.stream().map(FecExpense::excl).reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("306114.75");
    assertThat(out.stream().map(FecExpense::vat).reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("42324.41");
    assertThat(out.stream().map(FecExpense::incl).reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("348439.16");
    assertThat(out.stream().filter(e -> e.paidOn() != null && !e.estimated())).hasSize(36);
    assertThat(out.stream().filter(FecExpense::estimated)).hasSize(17);
    assertThat(out.stream().filter(e -> e.vat().signum() == 0 && !e.payroll())).hasSize(14);
    assertThat(out.stream().filter(FecExpense::payroll)).hasSize(6).allMatch(e -> e.supplierName().equals("Personnel"));
    assertThat(out.stream().filter(FecExpense::creditNote)).singleElement().satisfies(e -> {
      assertThat(e.incl()).isEqualByComparingTo("-120.00");
      assertThat(e.lettering()).isEqualTo("AA");
    });
    assertThat(problems).hasSize(5);
    assertThat(problems).allMatch(p -> p.lineNumber() > 1 && !p.reason().isBlank());
  }
}
