package fr.jalon.accounting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.jalon.platform.RuleViolation;
import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** CSV files from other software: separators, quotes, decimal comma, dates, and refusals naming the line and the column. */
class CsvReaderTest {
  static final String HEADER = "N° facture;Date facture;Fournisseur;Libellé;Montant HT;TVA;Montant TTC;Compte;Date paiement;Action";

  static Map<CsvField, String> columns() {
    Map<CsvField, String> c = new EnumMap<>(CsvField.class);
    c.put(CsvField.INVOICE_NUMBER, "N° facture");
    c.put(CsvField.INVOICE_DATE, "Date facture");
    c.put(CsvField.SUPPLIER, "Fournisseur");
    c.put(CsvField.DESCRIPTION, "Libellé");
    c.put(CsvField.AMOUNT_EXCL, "Montant HT");
    c.put(CsvField.AMOUNT_VAT, "TVA");
    c.put(CsvField.AMOUNT_INCL, "Montant TTC");
    c.put(CsvField.ACCOUNT, "Compte");
    c.put(CsvField.PAYMENT_DATE, "Date paiement");
    c.put(CsvField.ACTION_CODE, "Action");
    return c;
  }

  record Result(List<CsvReader.Line> lines, List<FecProblem> problems, int read) {}

  static Result read(String text, char separator, boolean decimalComma, Charset charset) {
    List<CsvReader.Line> lines = new ArrayList<>();
    List<FecProblem> problems = new ArrayList<>();
    int read = CsvReader.read(new ByteArrayInputStream(text.getBytes(charset)), new CsvMapping(separator, null, decimalComma, null, columns()), "CSV|t|", lines::add,
        problems::add);
    return new Result(lines, problems, read);
  }

  @Test
  void semicolonsDecimalCommaAndFrenchDatesGiveTheExpenseToTheCent() {
    Result r = read(HEADER + "\r\nF-1;15/03/2024;Bureau Vallée;Papeterie;1 234,50;246,90;1481,40;6063;02/04/2024;A1\r\n", ';', true, StandardCharsets.UTF_8);
    assertThat(r.problems()).isEmpty();
    FecExpense e = r.lines().get(0).expense();
    assertThat(e.lineNumber()).isEqualTo(2);
    assertThat(e.sourceKey()).isEqualTo("CSV|t|2");
    assertThat(e.invoiceNumber()).isEqualTo("F-1");
    assertThat(e.invoiceDate()).isEqualTo(LocalDate.of(2024, 3, 15));
    assertThat(e.supplierName()).isEqualTo("Bureau Vallée");
    assertThat(e.excl()).isEqualByComparingTo("1234.50");
    assertThat(e.vat()).isEqualByComparingTo("246.90");
    assertThat(e.incl()).isEqualByComparingTo("1481.40");
    assertThat(e.chargeAccount()).isEqualTo("6063");
    assertThat(e.paidOn()).isEqualTo(LocalDate.of(2024, 4, 2));
    assertThat(r.lines().get(0).actionCode()).isEqualTo("A1");
  }

  @Test
  void commasWithQuotedFieldsAndDecimalPointsAreRead() {
    String text = HEADER.replace(';', ',') + "\n\"F-2\",2024-05-06,\"Dupont, Fils & Cie\",\"Il a dit \"\"oui\"\"\",\"1,200.00\",240.00,1440.00,INV,,\n";
    Result r = read(text, ',', false, StandardCharsets.UTF_8);
    assertThat(r.problems()).isEmpty();
    FecExpense e = r.lines().get(0).expense();
    assertThat(e.supplierName()).isEqualTo("Dupont, Fils & Cie");
    assertThat(e.label()).isEqualTo("Il a dit \"oui\"");
    assertThat(e.excl()).isEqualByComparingTo("1200.00");
    assertThat(e.invoiceDate()).isEqualTo(LocalDate.of(2024, 5, 6));
    assertThat(e.chargeAccount()).isEqualTo("INV");
    assertThat(e.paidOn()).isNull();
    assertThat(r.lines().get(0).actionCode()).isNull();
  }

  @Test
  void aLineBreakInsideQuotesKeepsTheNextLinesNumbersRight() {
    String text = HEADER.replace(';', '\t') + "\nF-3\t01/02/2024\tA\t\"deux\nlignes\"\t10,00\t2,00\t12,00\t6063\t\t\nF-4\t01/02/2024\tB\tx\t1,0,0\t\t\t6063\t\t\n";
    Result r = read(text, '\t', true, Charset.forName("ISO-8859-15"));
    assertThat(r.lines()).hasSize(1);
    assertThat(r.lines().get(0).expense().label()).isEqualTo("deux\nlignes");
    assertThat(r.problems()).singleElement().satisfies(p -> {
      assertThat(p.lineNumber()).isEqualTo(4);
      assertThat(p.column()).isEqualTo("Montant HT");
      assertThat(p.reason()).contains("Montant « 1,0,0 » illisible");
    });
  }

  @Test
  void aBadDateIsRefusedNamingItsLineAndColumn() {
    Result r = read(HEADER + "\nF-5;31/02/2024;A;x;10,00;2,00;12,00;6063;;\nF-6;01/03/2024;A;x;10,00;;;6063;pas une date;\n", ';', true, StandardCharsets.UTF_8);
    assertThat(r.lines()).isEmpty();
    assertThat(r.problems()).extracting(FecProblem::lineNumber, FecProblem::column)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(2, "Date facture"), org.assertj.core.groups.Tuple.tuple(3, "Date paiement"));
    assertThat(r.problems().get(0).reason()).isEqualTo("Date « 31/02/2024 » illisible : JJ/MM/AAAA attendu.");
  }

  @Test
  void aMissingRequiredFieldAndAWrongColumnCountAreRefused() {
    Result r = read(HEADER + "\n;01/03/2024;A;x;10,00;2,00;12,00;6063;;\nF-7;01/03/2024;A\n", ';', true, StandardCharsets.UTF_8);
    assertThat(r.problems()).hasSize(2);
    assertThat(r.problems().get(0).column()).isEqualTo("N° facture");
    assertThat(r.problems().get(0).reason()).isEqualTo("N° de facture absent.");
    assertThat(r.problems().get(1).lineNumber()).isEqualTo(3);
    assertThat(r.problems().get(1).reason()).isEqualTo("Ligne de 3 colonnes, l’en-tête en a 10.");
  }

  @Test
  void vatAndInclusiveAmountFollowFromWhatIsMapped() {
    Map<CsvField, String> c = columns();
    c.remove(CsvField.AMOUNT_VAT);
    List<CsvReader.Line> lines = new ArrayList<>();
    CsvReader.read(new ByteArrayInputStream((HEADER + "\nF-8;01/03/2024;A;x;100,00;;120,00;6063;;\n").getBytes(StandardCharsets.UTF_8)),
        new CsvMapping(';', "UTF-8", true, null, c), "k|", lines::add, p -> {});
    assertThat(lines.get(0).expense().vat()).isEqualByComparingTo("20.00");
  }

  @Test
  void anUnmappedRequiredFieldOrAnAbsentColumnRefusesTheFile() {
    Map<CsvField, String> c = columns();
    c.remove(CsvField.SUPPLIER);
    assertThatThrownBy(() -> CsvReader.read(new ByteArrayInputStream(HEADER.getBytes(StandardCharsets.UTF_8)), new CsvMapping(';', null, true, null, c), "k|", l -> {}, p -> {}))
        .isInstanceOf(RuleViolation.class).hasMessageContaining("fournisseur");
    c.put(CsvField.SUPPLIER, "Tiers");
    assertThatThrownBy(() -> CsvReader.read(new ByteArrayInputStream(HEADER.getBytes(StandardCharsets.UTF_8)), new CsvMapping(';', null, true, null, c), "k|", l -> {}, p -> {}))
        .isInstanceOf(RuleViolation.class).hasMessageContaining("Tiers");
  }

  @Test
  void sniffingTellsSeparatorEncodingDecimalCommaAndTheGuessMapsTheHeaders() {
    byte[] latin = (HEADER + "\nF-1;15/03/2024;Hôtel;x;10,50;2,10;12,60;6251;;\n").getBytes(Charset.forName("ISO-8859-15"));
    CsvReader.Head head = CsvReader.sniff(new ByteArrayInputStream(latin));
    assertThat(head.separator()).isEqualTo(';');
    assertThat(head.encoding()).isEqualTo("ISO-8859-15");
    assertThat(head.decimalComma()).isTrue();
    assertThat(head.headers()).hasSize(10).contains("N° facture");
    CsvMapping guess = CsvMapping.guess(head.separator(), head.encoding(), head.decimalComma(), head.headers());
    assertThat(guess.columns()).isEqualTo(columns());

    CsvReader.Head dots = CsvReader.sniff(new ByteArrayInputStream("invoice,date,supplier,excl,vat,incl,account\nF,2024-01-02,S,10.50,2.10,12.60,6063\n".getBytes(StandardCharsets.UTF_8)));
    assertThat(dots.separator()).isEqualTo(',');
    assertThat(dots.encoding()).isEqualTo("UTF-8");
    assertThat(dots.decimalComma()).isFalse();
  }

  @Test
  void savedSettingsReadBackTheSame() {
    ImportService.ImportRequest r = new ImportService.ImportRequest(3L, 4L, new FecSelection(List.of("2", "6"), List.of("AC"), "CMQ", Map.of("606", "FONC", "2154", "INV")),
        new CsvMapping('\t', "UTF-8", false, "dd/MM/yyyy", columns()), "logiciel paie");
    ImportService.ImportRequest back = ImportProfile.decode(ImportProfile.encode(r));
    assertThat(back.actionId()).isEqualTo(3L);
    assertThat(back.sourceId()).isEqualTo(4L);
    assertThat(back.selection()).isEqualTo(r.selection());
    assertThat(back.csv()).isEqualTo(r.csv());
    assertThat(ImportProfile.encode(back)).isEqualTo(ImportProfile.encode(r));
  }
}
