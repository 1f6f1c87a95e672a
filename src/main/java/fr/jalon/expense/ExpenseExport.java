package fr.jalon.expense;

import fr.jalon.platform.Xlsx;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The filtered list as a file a spreadsheet opens with real numbers and dates: CSV the French way
 * (UTF-8 with BOM, {@code ;}, decimal comma) or XLSX (written row by row by {@link Xlsx}, so a
 * large export never sits whole in memory).
 */
public final class ExpenseExport {
  static final String[] HEADERS = {"N°", "Date", "Action", "Catégorie", "Financement", "Fournisseur", "Objet", "N° de facture", "Date de facture", "HT", "TVA", "TTC",
      "Éligible", "Étape", "Payée le", "Date estimée", "Provenance", "Justificatifs", "Corrige la ligne"};
  private static final DateTimeFormatter FRENCH_DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

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
    try (Xlsx xlsx = new Xlsx(out)) {
      xlsx.sheet("Dépenses");
      xlsx.row(List.of(HEADERS), true);
      Iterator<ExpenseRow> it = rows.iterator();
      while (it.hasNext()) {
        xlsx.row(Arrays.asList(cells(it.next())), false);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Object[] cells(ExpenseRow r) {
    return new Object[] {r.id(), r.date(), r.actionCode(), r.categoryCode(), r.sourceLabel(), r.supplier(), r.description(), r.invoiceNumber(), r.invoiceDate(),
        r.amountExcl(), r.amountVat(), r.amountIncl(), r.eligibleAmount(), r.status().name(), r.paidOn(), r.paymentEstimated() ? "oui" : null, r.provenance().name(),
        r.receiptCount(), r.correctsId()};
  }
}
