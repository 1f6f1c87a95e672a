package fr.jalon.expense;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The filtered list as a file a spreadsheet opens with real numbers and dates: CSV the French way
 * (UTF-8 with BOM, {@code ;}, decimal comma) or XLSX (Office Open XML written row by row, so a
 * large export never sits whole in memory).
 */
public final class ExpenseExport {
  static final String[] HEADERS = {"N°", "Date", "Action", "Catégorie", "Financement", "Fournisseur", "Objet", "N° de facture", "Date de facture", "HT", "TVA", "TTC",
      "Éligible", "Étape", "Payée le", "Date estimée", "Provenance", "Justificatifs", "Corrige la ligne"};
  private static final DateTimeFormatter FRENCH_DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

  private ExpenseExport() {}

  public static void csv(Stream<ExpenseRow> rows, OutputStream out) {
    try {
      Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      w.write('\uFEFF');
      w.write(String.join(";", HEADERS));
      w.write("\r\n");
      Iterator<ExpenseRow> it = rows.iterator();
      while (it.hasNext()) {
        ExpenseRow r = it.next();
        Object[] cells = cells(r);
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
          if (i > 0) {
            line.append(';');
          }
          Object c = cells[i];
          if (c instanceof BigDecimal b) {
            line.append(b.toPlainString().replace('.', ','));
          } else if (c instanceof LocalDate d) {
            line.append(FRENCH_DAY.format(d));
          } else if (c != null) {
            String s = c.toString();
            line.append(s.contains(";") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s);
          }
        }
        w.write(line.append("\r\n").toString());
      }
      w.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static void xlsx(Stream<ExpenseRow> rows, OutputStream out) {
    try {
      ZipOutputStream zip = new ZipOutputStream(out);
      put(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
          + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
          + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
          + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
          + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
          + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
          + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
          + "</Types>");
      put(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
          + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
          + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
          + "</Relationships>");
      put(zip, "xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
          + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
          + "<sheets><sheet name=\"Dépenses\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
      put(zip, "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
          + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
          + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
          + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
          + "</Relationships>");
      // Style 1: a date (dd/mm/yyyy); style 2: an amount with two decimals; style 3: bold header.
      put(zip, "xl/styles.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
          + "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
          + "<numFmts count=\"2\"><numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy\"/><numFmt numFmtId=\"165\" formatCode=\"#,##0.00\"/></numFmts>"
          + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font><font><b/><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
          + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
          + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
          + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
          + "<cellXfs count=\"4\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
          + "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
          + "<xf numFmtId=\"165\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
          + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/></cellXfs>"
          + "</styleSheet>");
      zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
      Writer w = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
      w.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
      w.write("<row r=\"1\">");
      for (String h : HEADERS) {
        w.write("<c t=\"inlineStr\" s=\"3\"><is><t>" + xml(h) + "</t></is></c>");
      }
      w.write("</row>");
      int n = 1;
      Iterator<ExpenseRow> it = rows.iterator();
      while (it.hasNext()) {
        n++;
        StringBuilder row = new StringBuilder("<row r=\"").append(n).append("\">");
        for (Object c : cells(it.next())) {
          if (c == null) {
            row.append("<c/>");
          } else if (c instanceof BigDecimal b) {
            row.append("<c s=\"2\"><v>").append(b.toPlainString()).append("</v></c>");
          } else if (c instanceof Number num) {
            row.append("<c><v>").append(num).append("</v></c>");
          } else if (c instanceof LocalDate d) {
            row.append("<c s=\"1\"><v>").append(ChronoUnit.DAYS.between(EXCEL_EPOCH, d)).append("</v></c>");
          } else {
            row.append("<c t=\"inlineStr\"><is><t>").append(xml(c.toString())).append("</t></is></c>");
          }
        }
        w.write(row.append("</row>").toString());
      }
      w.write("</sheetData></worksheet>");
      w.flush();
      zip.closeEntry();
      zip.finish();
      zip.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Object[] cells(ExpenseRow r) {
    return new Object[] {r.id(), r.date(), r.actionCode(), r.categoryCode(), r.sourceLabel(), r.supplier(), r.description(), r.invoiceNumber(), r.invoiceDate(),
        r.amountExcl(), r.amountVat(), r.amountIncl(), r.eligibleAmount(), r.status().name(), r.paidOn(), r.paymentEstimated() ? "oui" : null, r.provenance().name(),
        r.receiptCount(), r.correctsId()};
  }

  private static void put(ZipOutputStream zip, String name, String content) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(content.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }

  private static String xml(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        default -> {
          if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }
}
