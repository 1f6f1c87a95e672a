package fr.jalon.accounting;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads a CSV from other software in one streamed pass, a record at a time: a header line, then one
 * expense per record; fields may be quoted (separators, quotes doubled and line breaks inside),
 * lines end with CRLF, LF or CR. Each record becomes a {@link Line} or, when a field cannot be
 * read, a {@link FecProblem} naming the file's line and the column's header.
 */
public final class CsvReader {
  private static final List<String> DATE_PATTERNS = List.of("dd/MM/uuuu", "uuuu-MM-dd", "uuuuMMdd", "dd-MM-uuuu", "dd.MM.uuuu");

  /**
   * A CSV line read: the expense it describes, the action code it names (or null), and its
   * supplier's SIRET (14 digits, checked; null when the file gives none).
   */
  public record Line(FecExpense expense, String actionCode, String supplierSiret) {}

  /** What the first lines of a file tell: encoding, separator, decimal comma, headers. */
  public record Head(String encoding, char separator, boolean decimalComma, List<String> headers) implements java.io.Serializable {}

  private CsvReader() {}

  /** Looks at the start of the file: its encoding, separator (the commonest of {@code ; , tab |} in the header) and headers. */
  public static Head sniff(InputStream raw) {
    try {
      BufferedInputStream in = new BufferedInputStream(raw, 64 * 1024);
      Charset charset = FecReader.charsetOf(in);
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, charset));
      String header = reader.readLine();
      if (header == null) {
        return new Head(charset.name(), ';', true, List.of());
      }
      char separator = separatorOf(header);
      List<String> headers = split(header, separator);
      StringBuilder sample = new StringBuilder();
      for (int i = 0; i < 20; i++) {
        String l = reader.readLine();
        if (l == null) {
          break;
        }
        sample.append(l).append('\n');
      }
      boolean comma = java.util.regex.Pattern.compile("\\d,\\d{1,2}(?!\\d)").matcher(sample).find();
      boolean dot = java.util.regex.Pattern.compile("\\d\\.\\d{1,2}(?!\\d)").matcher(sample).find();
      boolean decimalComma = separator == ',' ? comma && !dot && sample.indexOf("\"") >= 0 : comma || !dot;
      return new Head(charset.name(), separator, decimalComma, headers);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static char separatorOf(String header) {
    char best = ';';
    long most = -1;
    for (char c : new char[] {';', ',', '\t', '|'}) {
      long n = split(header, c).size();
      if (n > most) {
        most = n;
        best = c;
      }
    }
    return best;
  }

  static List<String> split(String line, char separator) {
    List<String> fields = new ArrayList<>();
    try {
      Reader r = new java.io.StringReader(line);
      List<String> f = record(r, separator, new int[] {1});
      if (f != null) {
        fields.addAll(f);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return fields;
  }

  /**
   * Reads every record after the header. {@code keyPrefix} starts each line's source key (the
   * line number ends it). Refuses the whole file, with a {@link fr.jalon.platform.RuleViolation},
   * when a required field is not mapped or a mapped column is not in the header.
   */
  public static int read(InputStream raw, CsvMapping mapping, String keyPrefix, Consumer<Line> lines, Consumer<FecProblem> problems) {
    try {
      BufferedInputStream in = new BufferedInputStream(raw, 64 * 1024);
      Charset charset = mapping.encoding() == null || mapping.encoding().isBlank() ? FecReader.charsetOf(in) : Charset.forName(mapping.encoding());
      if (mapping.encoding() != null && !mapping.encoding().isBlank()) {
        in.mark(3);
        byte[] bom = in.readNBytes(3);
        in.reset();
        if (bom.length == 3 && (bom[0] & 0xFF) == 0xEF && (bom[1] & 0xFF) == 0xBB && (bom[2] & 0xFF) == 0xBF) {
          in.skipNBytes(3);
        }
      }
      Reader reader = new BufferedReader(new InputStreamReader(in, charset), 64 * 1024);
      int[] line = {1};
      List<String> header = record(reader, mapping.separator(), line);
      if (header == null) {
        throw new fr.jalon.platform.RuleViolation("file", "file.empty");
      }
      Map<CsvField, Integer> index = index(mapping, header);
      Reading reading = new Reading(mapping, index);
      int read = 1;
      while (true) {
        int number = line[0];
        List<String> fields = record(reader, mapping.separator(), line);
        if (fields == null) {
          return read;
        }
        read = line[0] - 1;
        if (fields.size() == 1 && fields.get(0).isBlank()) {
          continue;
        }
        try {
          if (fields.size() != header.size()) {
            throw new Refused(null, "Ligne de " + fields.size() + " colonnes, l’en-tête en a " + header.size() + ".");
          }
          lines.accept(reading.line(number, keyPrefix + number, fields));
        } catch (Refused r) {
          problems.accept(new FecProblem(number, r.column, r.getMessage()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<CsvField, Integer> index(CsvMapping mapping, List<String> header) {
    Map<String, Integer> positions = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      positions.putIfAbsent(header.get(i).trim().toLowerCase(java.util.Locale.ROOT), i);
    }
    Map<CsvField, Integer> index = new HashMap<>();
    for (CsvField field : CsvField.values()) {
      String column = mapping.column(field);
      if (column == null) {
        if (field.required()) {
          throw new fr.jalon.platform.RuleViolation("csv", "import.csv.unmapped", field.label());
        }
        continue;
      }
      Integer at = positions.get(column.trim().toLowerCase(java.util.Locale.ROOT));
      if (at == null) {
        throw new fr.jalon.platform.RuleViolation("csv", "import.csv.noColumn", column, field.label());
      }
      index.put(field, at);
    }
    return index;
  }

  /**
   * One record, or null at the end of the file; {@code line} holds the file's line number and moves
   * past every line break read, quoted ones included.
   */
  static List<String> record(Reader r, char separator, int[] line) throws IOException {
    List<String> fields = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    int c;
    while ((c = r.read()) != -1) {
      any = true;
      if (quoted) {
        if (c == '"') {
          r.mark(1);
          int n = r.read();
          if (n == '"') {
            current.append('"');
          } else {
            quoted = false;
            if (n != -1) {
              r.reset();
            }
          }
        } else {
          if (c == '\n' || (c == '\r' && !followedBy(r, '\n'))) {
            line[0]++;
          }
          current.append((char) c);
        }
      } else if (c == '"' && current.toString().isBlank()) {
        current.setLength(0);
        quoted = true;
      } else if (c == separator) {
        fields.add(current.toString().trim());
        current.setLength(0);
      } else if (c == '\n' || c == '\r') {
        if (c == '\r') {
          r.mark(1);
          if (r.read() != '\n') {
            r.reset();
          }
        }
        line[0]++;
        fields.add(current.toString().trim());
        return fields;
      } else {
        current.append((char) c);
      }
    }
    if (!any) {
      return null;
    }
    fields.add(current.toString().trim());
    return fields;
  }

  private static boolean followedBy(Reader r, char expected) throws IOException {
    r.mark(1);
    int n = r.read();
    r.reset();
    return n == expected;
  }

  /** Turns records into lines with one mapping. */
  private static final class Reading {
    private final CsvMapping mapping;
    private final Map<CsvField, Integer> index;
    private final List<DateTimeFormatter> dates;

    Reading(CsvMapping mapping, Map<CsvField, Integer> index) {
      this.mapping = mapping;
      this.index = index;
      List<String> patterns = mapping.datePattern() == null || mapping.datePattern().isBlank() ? DATE_PATTERNS : List.of(mapping.datePattern().replace("yyyy", "uuuu"));
      this.dates = patterns.stream().map(p -> DateTimeFormatter.ofPattern(p).withResolverStyle(ResolverStyle.STRICT)).toList();
    }

    Line line(int number, String key, List<String> f) {
      String invoice = text(f, CsvField.INVOICE_NUMBER, true);
      LocalDate invoiceDate = date(f, CsvField.INVOICE_DATE, true);
      String supplier = text(f, CsvField.SUPPLIER, true);
      String siret = siret(f);
      String description = text(f, CsvField.DESCRIPTION, false);
      BigDecimal excl = amount(f, CsvField.AMOUNT_EXCL, true);
      BigDecimal vat = amount(f, CsvField.AMOUNT_VAT, false);
      BigDecimal incl = amount(f, CsvField.AMOUNT_INCL, false);
      if (vat == null) {
        vat = incl == null ? BigDecimal.ZERO.setScale(2) : incl.subtract(excl);
      }
      if (incl == null) {
        incl = excl.add(vat);
      }
      String account = text(f, CsvField.ACCOUNT, true);
      LocalDate paid = date(f, CsvField.PAYMENT_DATE, false);
      String action = text(f, CsvField.ACTION_CODE, false);
      String label = description == null ? "Facture " + invoice : description;
      return new Line(new FecExpense(number, key, account, supplier, invoice, invoiceDate, label, excl, vat, incl, paid, false, "", false), action, siret);
    }

    /** The supplier's SIRET without its spaces, checked as the organisation form checks it (14 digits, Luhn key). */
    private String siret(List<String> f) {
      String raw = text(f, CsvField.SUPPLIER_SIRET, false);
      if (raw == null) {
        return null;
      }
      String digits = raw.replaceAll("[\\s\u00a0\u202f]", "");
      if (!digits.matches("\\d{14}")) {
        throw new Refused(mapping.column(CsvField.SUPPLIER_SIRET), "SIRET « " + raw + " » invalide : 14 chiffres attendus.");
      }
      if (!fr.jalon.grant.Siret.valid(digits)) {
        throw new Refused(mapping.column(CsvField.SUPPLIER_SIRET), "SIRET « " + raw + " » invalide : sa clé de contrôle ne correspond pas (numéro mal recopié ?).");
      }
      return digits;
    }

    private String text(List<String> f, CsvField field, boolean required) {
      Integer i = index.get(field);
      String value = i == null ? "" : f.get(i).trim();
      if (value.isEmpty()) {
        if (required) {
          throw new Refused(mapping.column(field), field.label().substring(0, 1).toUpperCase(java.util.Locale.ROOT) + field.label().substring(1) + " absent.");
        }
        return null;
      }
      return value;
    }

    private LocalDate date(List<String> f, CsvField field, boolean required) {
      String t = text(f, field, required);
      if (t == null) {
        return null;
      }
      for (DateTimeFormatter d : dates) {
        try {
          return LocalDate.parse(t, d);
        } catch (DateTimeParseException ignored) {
          // try the next pattern
        }
      }
      throw new Refused(mapping.column(field), "Date « " + t + " » illisible : " + (dates.size() == 1 ? mapping.datePattern() : "JJ/MM/AAAA") + " attendu.");
    }

    private BigDecimal amount(List<String> f, CsvField field, boolean required) {
      String raw = text(f, field, required);
      if (raw == null) {
        return null;
      }
      String t = raw.replace("€", "").replace(" ", "").replace("\u00a0", "").replace("\u202f", "");
      if (mapping.decimalComma()) {
        t = t.replace(".", "").replace(',', '.');
      } else {
        t = t.replace(",", "");
      }
      try {
        BigDecimal value = new BigDecimal(t);
        if (value.stripTrailingZeros().scale() > 2) {
          throw new Refused(mapping.column(field), "Montant « " + raw + " » au-delà du centime.");
        }
        return value.setScale(2, RoundingMode.UNNECESSARY);
      } catch (NumberFormatException e) {
        throw new Refused(mapping.column(field), "Montant « " + raw + " » illisible" + (mapping.decimalComma() ? " : virgule décimale attendue." : " : point décimal attendu."));
      }
    }
  }

  private static final class Refused extends RuntimeException {
    final String column;

    Refused(String column, String reason) {
      super(reason, null, false, false);
      this.column = column;
    }
  }
}
