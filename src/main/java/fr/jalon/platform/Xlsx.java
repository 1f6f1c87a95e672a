package fr.jalon.platform;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The one streaming XLSX writer (reports, list exports): sheets one after the other, rows written as
 * they come, real numbers (amounts, {@link BigDecimal}, with two decimals) and real dates
 * ({@link LocalDate}, dd/mm/yyyy), header rows in bold. Memory does not grow with the rows. Closing
 * finishes the file but leaves the output stream open.
 */
public final class Xlsx implements AutoCloseable {
  private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);
  private final ZipOutputStream zip;
  private final List<String> names = new ArrayList<>();
  private Writer sheet;
  private int row;

  public Xlsx(OutputStream out) {
    this.zip = new ZipOutputStream(out);
  }

  /** Starts a new sheet named {@code name}, ending the one before. */
  public void sheet(String name) {
    try {
      endSheet();
      names.add(name);
      zip.putNextEntry(new ZipEntry("xl/worksheets/sheet" + names.size() + ".xml"));
      sheet = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
      sheet.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
      row = 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The next row of the current sheet; a null cell is left empty; {@code header} sets text in bold. */
  public void row(List<?> cells, boolean header) {
    row++;
    StringBuilder b = new StringBuilder("<row r=\"").append(row).append("\">");
    for (Object c : cells) {
      if (c == null) {
        b.append("<c/>");
      } else if (c instanceof BigDecimal d) {
        b.append("<c s=\"2\"><v>").append(d.toPlainString()).append("</v></c>");
      } else if (c instanceof Number n) {
        b.append("<c><v>").append(n).append("</v></c>");
      } else if (c instanceof LocalDate d) {
        b.append("<c s=\"1\"><v>").append(ChronoUnit.DAYS.between(EXCEL_EPOCH, d)).append("</v></c>");
      } else {
        b.append("<c t=\"inlineStr\"").append(header ? " s=\"3\"" : "").append("><is><t>").append(xml(c.toString())).append("</t></is></c>");
      }
    }
    try {
      sheet.write(b.append("</row>").toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void endSheet() throws IOException {
    if (sheet != null) {
      sheet.write("</sheetData></worksheet>");
      sheet.flush();
      zip.closeEntry();
      sheet = null;
    }
  }

  @Override
  public void close() throws IOException {
    endSheet();
    StringBuilder types = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
        + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
        + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>");
    StringBuilder sheets = new StringBuilder();
    StringBuilder rels = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
    for (int i = 1; i <= names.size(); i++) {
      types.append("<Override PartName=\"/xl/worksheets/sheet").append(i).append(".xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
      sheets.append("<sheet name=\"").append(xml(names.get(i - 1))).append("\" sheetId=\"").append(i).append("\" r:id=\"rId").append(i).append("\"/>");
      rels.append("<Relationship Id=\"rId").append(i).append("\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet")
          .append(i).append(".xml\"/>");
    }
    rels.append("<Relationship Id=\"rId").append(names.size() + 1).append("\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>")
        .append("</Relationships>");
    put("[Content_Types].xml", types.append("</Types>").toString());
    put("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
        + "</Relationships>");
    put("xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
        + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
        + "<sheets>" + sheets + "</sheets></workbook>");
    put("xl/_rels/workbook.xml.rels", rels.toString());
    put("xl/styles.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
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
    zip.finish();
    zip.flush();
  }

  private void put(String name, String content) throws IOException {
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
