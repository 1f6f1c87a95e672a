package fr.jalon.expense;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The exports read back: the XLSX with Apache POI (real numbers and dates, same totals), the CSV the French way. */
class ExpenseExportTest {
  static List<ExpenseRow> rows() {
    return List.of(
        new ExpenseRow(1, LocalDate.of(2024, 3, 1), "A1.1", "INV", "CDC", "Usinage <Sud> & fils", "Centre d'usinage; acompte", "F-1", LocalDate.of(2024, 3, 1),
            new BigDecimal("1000.00"), new BigDecimal("200.00"), new BigDecimal("1200.00"), new BigDecimal("1200.00"), ExpenseStatus.PAID, LocalDate.of(2024, 4, 2),
            false, Provenance.MANUAL, 1, null),
        new ExpenseRow(2, LocalDate.of(2024, 3, 20), "A1.1", "INV", "CDC", "Usinage <Sud> & fils", "Avoir", "AV-1", LocalDate.of(2024, 3, 20),
            new BigDecimal("-100.00"), new BigDecimal("-20.00"), new BigDecimal("-120.00"), new BigDecimal("-120.00"), ExpenseStatus.LIQUIDATED, null, false,
            Provenance.FEC, 0, 1L),
        new ExpenseRow(3, LocalDate.of(2024, 5, 31), "A2.1", "PERS", "CDC", "Personnel", "Paie mai", "PAIE-05", LocalDate.of(2024, 5, 31),
            new BigDecimal("4450.40"), new BigDecimal("0.00"), new BigDecimal("4450.40"), new BigDecimal("4450.40"), ExpenseStatus.PAID, LocalDate.of(2024, 6, 1),
            true, Provenance.FEC, 1, null));
  }

  @Test
  void theXlsxHoldsRealNumbersAndDatesWithTheSameTotals() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ExpenseExport.xlsx(rows().stream(), out);
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
      Sheet sheet = book.getSheetAt(0);
      assertThat(sheet.getRow(0).getCell(11).getStringCellValue()).isEqualTo("TTC");
      BigDecimal incl = BigDecimal.ZERO;
      for (int i = 1; i <= sheet.getLastRowNum(); i++) {
        Row row = sheet.getRow(i);
        Cell amount = row.getCell(11);
        assertThat(amount.getCellType()).isEqualTo(CellType.NUMERIC);
        incl = incl.add(BigDecimal.valueOf(amount.getNumericCellValue()));
        assertThat(DateUtil.isCellDateFormatted(row.getCell(1))).isTrue();
      }
      assertThat(sheet.getLastRowNum()).isEqualTo(3);
      assertThat(incl).isEqualByComparingTo(rows().stream().map(ExpenseRow::amountIncl).reduce(BigDecimal.ZERO, BigDecimal::add));
      assertThat(sheet.getRow(1).getCell(1).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2024, 3, 1));
      assertThat(sheet.getRow(1).getCell(5).getStringCellValue()).isEqualTo("Usinage <Sud> & fils");
    }
  }

  @Test
  void theCsvUsesSemicolonsDecimalCommasAndFrenchDates() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ExpenseExport.csv(rows().stream(), out);
    String csv = out.toString(StandardCharsets.UTF_8);
    assertThat(csv).startsWith("\uFEFFN°;Date;");
    assertThat(csv).contains("1;01/03/2024;A1.1;INV;CDC;Usinage <Sud> & fils;\"Centre d'usinage; acompte\";F-1;01/03/2024;1000,00;200,00;1200,00;1200,00;PAID");
    assertThat(csv).contains(";-120,00;");
    assertThat(csv.split("\r\n")).hasSize(4);
  }
}
