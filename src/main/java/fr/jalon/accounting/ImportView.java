package fr.jalon.accounting;

import fr.jalon.grant.CofundingService;
import fr.jalon.plan.ActionService;
import fr.jalon.plan.CategoryService;
import fr.jalon.platform.Dates;
import fr.jalon.platform.Faces;
import fr.jalon.platform.Money;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The import page: upload a FEC or a CSV (streamed to the file store), check the selection and
 * mappings (pre-filled from what was saved), read the file with a progress bar into a preview, then
 * confirm (in the background, followed by the same progress bar) or abandon; the history with its undo.
 */
@Named
@ViewScoped
public class ImportView implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject ImportService imports;
  @Inject ActionService actions;
  @Inject CofundingService cofunding;
  @Inject CategoryService categories;

  public record Choice(Long id, String label) implements Serializable {}

  /** One account prefix mapped to a category code, as edited. */
  public static final class MappingRow implements Serializable {
    private String prefix;
    private String category;

    public MappingRow(String prefix, String category) {
      this.prefix = prefix;
      this.category = category;
    }

    public String getPrefix() { return prefix; }
    public void setPrefix(String prefix) { this.prefix = prefix; }
    public String getCategory() { return category; }
    public void setCategory(String category) { this.category = category; }
  }

  /** One expense field and the CSV column mapped to it, as edited. */
  public static final class ColumnRow implements Serializable {
    private final CsvField field;
    private String column;

    public ColumnRow(CsvField field, String column) {
      this.field = field;
      this.column = column;
    }

    public CsvField getField() { return field; }
    public String getColumn() { return column; }
    public void setColumn(String column) { this.column = column; }
  }

  private List<Choice> actionChoices;
  private List<Choice> sourceChoices;
  private List<String> categoryCodes;
  private List<ImportRow> history;

  private transient Part file;
  private ImportService.Uploaded uploaded;
  private Long actionId;
  private Long sourceId;
  private String prefixes;
  private String journals;
  private String analytic;
  private List<MappingRow> mapping = new ArrayList<>();
  private String profile = ImportService.DEFAULT_PROFILE;
  private List<String> profiles = List.of();
  private String separator = ";";
  private String encoding;
  private boolean decimalComma = true;
  private String datePattern;
  private List<ColumnRow> columns = new ArrayList<>();
  private ImportPreview preview;
  private ImportService.ImportRequest previewed;
  private String undoReason;
  private ImportLine.Outcome outcome;
  private Long confirming;

  @PostConstruct
  void load() {
    actionChoices = actions.list().stream().map(a -> new Choice(a.id(), a.code() + " — " + a.title())).toList();
    sourceChoices = cofunding.lines().stream().map(c -> new Choice(c.id(), c.funder().name())).toList();
    categoryCodes = categories.list().stream().filter(c -> c.eligible() && !c.flatRate()).map(c -> c.code()).toList();
    history = imports.history();
  }

  /** Receives the file: refused at once above the limit, else kept and its settings pre-filled. */
  public void upload() {
    if (file == null || file.getSize() == 0) {
      Faces.error("uploadForm:file", Faces.text("file.empty"));
      return;
    }
    if (file.getSize() > imports.maxMegabytes() * 1024 * 1024) {
      Faces.error("uploadForm:file", Faces.text("import.file.tooLarge", imports.maxMegabytes()));
      return;
    }
    try (InputStream in = file.getInputStream()) {
      uploaded = imports.receive(in, file.getSubmittedFileName());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      Faces.show(e, "uploadForm");
      return;
    } finally {
      try {
        file.delete();
      } catch (IOException ignored) {
        // the container removes its temporary file anyway
      }
      file = null;
    }
    preview = null;
    previewed = null;
    if (csv()) {
      profiles = imports.csvProfiles();
      profile = profiles.isEmpty() ? ImportService.DEFAULT_PROFILE : profiles.get(0);
      loadProfile();
    } else {
      fill(imports.savedSettings(ImportProfile.FEC, null));
    }
  }

  /** Takes the CSV mapping saved under the chosen name, or guesses one from the headers. */
  public void loadProfile() {
    boolean saved = imports.csvProfiles().contains(profile == null ? "" : profile.trim());
    ImportService.ImportRequest r = imports.savedSettings(ImportProfile.CSV, profile);
    fill(r);
    CsvReader.Head head = uploaded.head();
    CsvMapping csv = saved ? r.csv() : CsvMapping.guess(head.separator(), head.encoding(), head.decimalComma(), head.headers());
    separator = csv.separator() == '\t' ? "TAB" : String.valueOf(csv.separator());
    encoding = csv.encoding();
    decimalComma = csv.decimalComma();
    datePattern = csv.datePattern();
    columns = new ArrayList<>();
    for (CsvField f : CsvField.values()) {
      String c = csv.column(f);
      columns.add(new ColumnRow(f, c != null && head.headers().contains(c) ? c : null));
    }
  }

  private void fill(ImportService.ImportRequest r) {
    actionId = r.actionId() != null ? r.actionId() : actionId;
    sourceId = r.sourceId() != null ? r.sourceId() : sourceId;
    FecSelection s = r.selection() == null ? FecSelection.everything() : r.selection();
    prefixes = String.join(", ", s.accountPrefixes() == null ? List.of() : s.accountPrefixes());
    journals = String.join(", ", s.journals() == null ? List.of() : s.journals());
    analytic = s.analyticCode();
    mapping = new ArrayList<>();
    if (s.categoryByPrefix() != null) {
      new java.util.TreeMap<>(s.categoryByPrefix()).forEach((p, c) -> mapping.add(new MappingRow(p, c)));
    }
  }

  public void addMapping() {
    mapping.add(new MappingRow("", categoryCodes.isEmpty() ? null : categoryCodes.get(0)));
  }

  public void removeMapping(MappingRow row) {
    mapping.remove(row);
  }

  ImportService.ImportRequest request() {
    Map<String, String> map = new LinkedHashMap<>();
    for (MappingRow m : mapping) {
      if (m.getPrefix() != null && !m.getPrefix().isBlank() && m.getCategory() != null) {
        map.put(m.getPrefix().trim(), m.getCategory());
      }
    }
    FecSelection selection = new FecSelection(ImportProfile.list(prefixes), ImportProfile.list(journals), analytic == null || analytic.isBlank() ? null : analytic.trim(), map);
    if (!csv()) {
      return ImportService.ImportRequest.fec(actionId, sourceId, selection);
    }
    Map<CsvField, String> cols = new EnumMap<>(CsvField.class);
    columns.stream().filter(c -> c.getColumn() != null && !c.getColumn().isBlank()).forEach(c -> cols.put(c.getField(), c.getColumn()));
    char sep = "TAB".equals(separator) ? '\t' : separator == null || separator.isEmpty() ? ';' : separator.charAt(0);
    CsvMapping csv = new CsvMapping(sep, encoding == null || encoding.isBlank() ? null : encoding, decimalComma, datePattern == null || datePattern.isBlank() ? null : datePattern, cols);
    return new ImportService.ImportRequest(actionId, sourceId, selection, csv, profile);
  }

  /** Reads the whole file into the preview; nothing is saved. */
  public void read() {
    try {
      ImportService.ImportRequest r = request();
      preview = imports.preview(uploaded.fileId(), r);
      outcome = null;
      previewed = r;
    } catch (RuntimeException e) {
      preview = null;
      Faces.show(e, "settingsForm");
    }
  }

  /**
   * Starts importing what the preview showed, with the settings it was read with (saved for next
   * time); it runs in the background: the page follows its progress, then calls {@link #finish()}.
   */
  public void confirm() {
    try {
      imports.start(uploaded.fileId(), previewed, Faces.locale());
      confirming = uploaded.fileId();
      org.primefaces.PrimeFaces.current().ajax().addCallbackParam("confirming", true);
    } catch (fr.jalon.platform.ConcurrentEditException e) {
      Faces.error(null, e.getMessage());
    } catch (RuntimeException e) {
      Faces.show(e, "previewForm");
    }
  }

  /** Once the confirm is over: its outcome told, the history refreshed. */
  public void finish() {
    ImportProgress.State s = confirming == null ? null : imports.progress(confirming);
    if (s == null || !s.done()) {
      return;
    }
    confirming = null;
    if (s.status() == ImportStatus.CONFIRMED) {
      Faces.info("import.page.confirmed", s.result().created(), s.result().skipped(), s.result().refused());
      reset();
    } else {
      Faces.error(null, Faces.text("import.page.failed", s.field() == null ? s.error() : s.error() + " (" + s.field() + ")"));
    }
    history = imports.history();
  }

  public void abandon() {
    reset();
    Faces.info("import.page.abandoned");
  }

  private void reset() {
    uploaded = null;
    preview = null;
    previewed = null;
  }

  public void undo(long id) {
    try {
      ImportRow row = imports.undo(id, new ImportService.UndoRequest(undoReason));
      Faces.info("import.page.undone", row.fileName());
      undoReason = null;
      history = imports.history();
    } catch (RuntimeException e) {
      Faces.show(e, "historyForm");
    }
  }

  public boolean csv() {
    return uploaded != null && ImportProfile.CSV.equals(uploaded.format());
  }

  public String money(BigDecimal amount) {
    return amount == null ? "" : Money.format(amount, Faces.locale());
  }

  public String day(LocalDate date) {
    return date == null ? "" : Dates.format(date, Faces.locale());
  }

  public String moment(LocalDateTime at) {
    return at == null ? "" : Dates.format(at, Faces.locale());
  }

  public String size(long bytes) {
    return bytes < 1024 * 1024 ? Math.max(1, bytes / 1024) + " Ko" : String.format(Faces.locale(), "%.1f Mo", bytes / (1024.0 * 1024.0));
  }

  public List<String> getHeaders() {
    return uploaded == null || uploaded.head() == null ? List.of() : uploaded.head().headers();
  }

  public long getMaxMegabytes() { return imports.maxMegabytes(); }
  public Long getFileId() { return uploaded == null ? null : uploaded.fileId(); }
  public List<Choice> getActionChoices() { return actionChoices; }
  public List<Choice> getSourceChoices() { return sourceChoices; }
  public List<String> getCategoryCodes() { return categoryCodes; }
  public List<ImportRow> getHistory() { return history; }
  public Part getFile() { return file; }
  public void setFile(Part file) { this.file = file; }
  public ImportService.Uploaded getUploaded() { return uploaded; }
  public Long getActionId() { return actionId; }
  public void setActionId(Long actionId) { this.actionId = actionId; }
  public Long getSourceId() { return sourceId; }
  public void setSourceId(Long sourceId) { this.sourceId = sourceId; }
  public String getPrefixes() { return prefixes; }
  public void setPrefixes(String prefixes) { this.prefixes = prefixes; }
  public String getJournals() { return journals; }
  public void setJournals(String journals) { this.journals = journals; }
  public String getAnalytic() { return analytic; }
  public void setAnalytic(String analytic) { this.analytic = analytic; }
  public List<MappingRow> getMapping() { return mapping; }
  public String getProfile() { return profile; }
  public void setProfile(String profile) { this.profile = profile; }
  public List<String> getProfiles() { return profiles; }
  public String getSeparator() { return separator; }
  public void setSeparator(String separator) { this.separator = separator; }
  public String getEncoding() { return encoding; }
  public void setEncoding(String encoding) { this.encoding = encoding; }
  public boolean isDecimalComma() { return decimalComma; }
  public void setDecimalComma(boolean decimalComma) { this.decimalComma = decimalComma; }
  public String getDatePattern() { return datePattern; }
  public void setDatePattern(String datePattern) { this.datePattern = datePattern; }
  public List<ColumnRow> getColumns() { return columns; }
  public ImportPreview getPreview() { return preview; }
  public ImportLine.Outcome getOutcome() { return outcome; }
  public void setOutcome(ImportLine.Outcome outcome) { this.outcome = outcome; }

  /** The preview's lines, only those of the chosen outcome when one is chosen. */
  public List<ImportLine> getLines() {
    if (preview == null) {
      return List.of();
    }
    return outcome == null ? preview.lines() : preview.lines().stream().filter(l -> l.outcome() == outcome).toList();
  }

  public String getUndoReason() { return undoReason; }
  public void setUndoReason(String undoReason) { this.undoReason = undoReason; }
}
