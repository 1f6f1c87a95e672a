package fr.jalon.accounting;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How a CSV file from other software is read: its separator, its encoding ({@code null}: UTF-8
 * when it decodes as such, ISO-8859-15 otherwise), whether amounts use a decimal comma, the date
 * pattern ({@code null}: {@code dd/MM/yyyy}, {@code yyyy-MM-dd} or {@code yyyyMMdd}, as found), and
 * which column (by its header) holds each expense field.
 */
public record CsvMapping(char separator, String encoding, boolean decimalComma, String datePattern, Map<CsvField, String> columns) implements java.io.Serializable {

  public CsvMapping {
    columns = columns == null ? Map.of() : Map.copyOf(columns);
  }

  /** The column holding {@code field}, or null when it is not mapped. */
  public String column(CsvField field) {
    String c = columns.get(field);
    return c == null || c.isBlank() ? null : c;
  }

  /** A guess from the headers: each field takes the header that names it best, each header at most once. */
  public static CsvMapping guess(char separator, String encoding, boolean decimalComma, List<String> headers) {
    Map<CsvField, String> columns = new EnumMap<>(CsvField.class);
    java.util.Set<String> used = new java.util.HashSet<>();
    for (int pass = 2; pass >= 1; pass--) {
      for (CsvField field : CsvField.values()) {
        if (columns.containsKey(field)) {
          continue;
        }
        for (String h : headers) {
          if (!used.contains(h) && field.score(h) >= pass) {
            columns.put(field, h);
            used.add(h);
            break;
          }
        }
      }
    }
    return new CsvMapping(separator, encoding, decimalComma, null, columns);
  }

  /** The same mapping with other columns. */
  public CsvMapping withColumns(Map<CsvField, String> other) {
    return new CsvMapping(separator, encoding, decimalComma, datePattern, other);
  }
}
