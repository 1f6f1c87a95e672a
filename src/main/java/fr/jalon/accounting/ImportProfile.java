package fr.jalon.accounting;

import fr.jalon.audit.Audited;
import fr.jalon.grant.Grant;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * What an import remembers for a grant, per format and name: the action and funding source, the FEC
 * selection and account-to-category mapping, and for a CSV its column mapping. Kept as
 * {@code key=value} lines so that it reads plainly in the audit trail.
 */
@Entity
@Table(name = "IMPORT_PROFILE")
public class ImportProfile implements Audited {
  public static final String FEC = "FEC";
  public static final String CSV = "CSV";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "GRANT_ID", nullable = false, updatable = false)
  private Grant grant;

  @Column(name = "FORMAT", nullable = false, updatable = false)
  private String format;

  @Column(name = "NAME", nullable = false, updatable = false)
  private String name;

  @Column(name = "SETTINGS", nullable = false, length = 8000)
  private String settings;

  @Column(name = "UPDATED_AT", nullable = false)
  private LocalDateTime updatedAt;

  @Column(name = "UPDATED_BY", nullable = false)
  private String updatedBy;

  @Version
  @Column(name = "VERSION")
  private int version;

  protected ImportProfile() {}

  public ImportProfile(Grant grant, String format, String name, ImportService.ImportRequest request, LocalDateTime at, String by) {
    this.grant = grant;
    this.format = format;
    this.name = name;
    save(request, at, by);
  }

  public void save(ImportService.ImportRequest request, LocalDateTime at, String by) {
    String text = encode(request);
    if (text.length() > 8000) {
      throw new fr.jalon.platform.RuleViolation("selection", "import.profile.tooLong");
    }
    this.settings = text;
    this.updatedAt = at;
    this.updatedBy = by;
  }

  public ImportService.ImportRequest request() {
    return decode(settings);
  }

  static String encode(ImportService.ImportRequest r) {
    Map<String, String> p = new TreeMap<>();
    put(p, "action", r.actionId());
    put(p, "source", r.sourceId());
    FecSelection s = r.selection();
    if (s != null) {
      put(p, "fec.prefixes", s.accountPrefixes() == null ? null : String.join(",", s.accountPrefixes()));
      put(p, "fec.journals", s.journals() == null ? null : String.join(",", s.journals()));
      put(p, "fec.analytic", s.analyticCode());
      if (s.categoryByPrefix() != null) {
        s.categoryByPrefix().forEach((prefix, code) -> put(p, "map." + prefix, code));
      }
    }
    CsvMapping c = r.csv();
    if (c != null) {
      put(p, "csv.separator", String.valueOf(c.separator()));
      put(p, "csv.encoding", c.encoding());
      put(p, "csv.decimalComma", String.valueOf(c.decimalComma()));
      put(p, "csv.datePattern", c.datePattern());
      c.columns().forEach((field, column) -> put(p, "csv.column." + field.name(), column));
    }
    Properties props = new Properties();
    props.putAll(p);
    StringWriter out = new StringWriter();
    try {
      props.store(out, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // Drop the date line Properties writes first: the same settings give the same text.
    return out.toString().lines().filter(l -> !l.startsWith("#")).sorted().reduce("", (a, b) -> a + b + "\n");
  }

  static ImportService.ImportRequest decode(String text) {
    Properties p = new Properties();
    try {
      p.load(new StringReader(text));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> mapping = new TreeMap<>();
    Map<CsvField, String> columns = new EnumMap<>(CsvField.class);
    for (String key : p.stringPropertyNames()) {
      if (key.startsWith("map.")) {
        mapping.put(key.substring(4), p.getProperty(key));
      } else if (key.startsWith("csv.column.")) {
        try {
          columns.put(CsvField.valueOf(key.substring(11)), p.getProperty(key));
        } catch (IllegalArgumentException ignored) {
          // a field this version no longer knows: left out
        }
      }
    }
    FecSelection selection = new FecSelection(list(p.getProperty("fec.prefixes")), list(p.getProperty("fec.journals")), p.getProperty("fec.analytic"), mapping);
    CsvMapping csv = null;
    if (p.getProperty("csv.separator") != null) {
      String sep = p.getProperty("csv.separator");
      csv = new CsvMapping(sep.isEmpty() ? ';' : sep.charAt(0), p.getProperty("csv.encoding"), Boolean.parseBoolean(p.getProperty("csv.decimalComma")),
          p.getProperty("csv.datePattern"), columns);
    }
    return new ImportService.ImportRequest(number(p.getProperty("action")), number(p.getProperty("source")), selection, csv, null);
  }

  private static void put(Map<String, String> p, String key, Object value) {
    if (value != null && !value.toString().isEmpty()) {
      p.put(key, value.toString());
    }
  }

  private static Long number(String s) {
    try {
      return s == null || s.isBlank() ? null : Long.valueOf(s.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static List<String> list(String csv) {
    return csv == null || csv.isBlank() ? List.of() : Arrays.stream(csv.split("[,; ]+")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  @Override
  public Object auditKey() {
    return format + " " + name;
  }

  public Long id() { return id; }
  public String format() { return format; }
  public String name() { return name; }
  public String settings() { return settings; }
  public LocalDateTime updatedAt() { return updatedAt; }
  public String updatedBy() { return updatedBy; }
}
