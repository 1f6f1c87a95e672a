package fr.jalon.reporting;

import fr.jalon.expense.ExpenseService;
import fr.jalon.expense.ExpenseStatus;
import fr.jalon.platform.Dates;
import fr.jalon.platform.Faces;
import fr.jalon.platform.Money;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The archive of reports: everybody reads it, downloads the files and re-verifies them; finance
 * generates, moves each report along its lifecycle, records the signatures (and their scanned
 * pages) and, once a statement is submitted, the operator's verdict on each of its lines.
 */
@Named
@ViewScoped
public class ReportsView implements Serializable {
  @Inject ReportService reports;

  private List<ReportRow> rows;
  private List<ReportType> types;
  private ReportType type = ReportType.ERD;
  private LocalDate from;
  private LocalDate to;
  private Long trancheId;
  private LocalDate on;
  private String note;
  private Long signId;
  private SignatoryRole role;
  private String name;
  private String quality;
  private LocalDate signedOn;
  private Long scanSignatureId;
  private ReportRow statement;
  private List<StatementLine> selected = new ArrayList<>();
  private boolean allLines;
  private ExpenseStatus verdict = ExpenseStatus.ACCEPTED;
  private BigDecimal retainedAmount;
  private String reason;

  /** The lines shown so far in this view, so a selection made on several pages is kept. */
  private final Map<Long, StatementLine> seen = new java.util.HashMap<>();

  /** The open statement's lines, paged in the database: a statement may hold 100 000 of them. */
  private final LazyDataModel<StatementLine> statementLines = new LazyDataModel<>() {
    @Override
    public int count(Map<String, FilterMeta> filterBy) {
      return statement == null ? 0 : (int) reports.statementLines(statement.id(), 0, 1).total();
    }

    @Override
    public List<StatementLine> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
      if (statement == null) {
        return List.of();
      }
      fr.jalon.platform.Page<StatementLine> page = reports.statementLines(statement.id(), first, pageSize);
      setRowCount((int) page.total());
      page.items().forEach(l -> seen.put(l.expenseId(), l));
      return page.items();
    }

    @Override
    public String getRowKey(StatementLine line) {
      return String.valueOf(line.expenseId());
    }

    @Override
    public StatementLine getRowData(String rowKey) {
      return seen.get(Long.valueOf(rowKey));
    }
  };

  public List<ReportRow> getRows() {
    if (rows == null) {
      rows = reports.archive();
    }
    return rows;
  }

  public List<ReportType> getTypes() {
    if (types == null) {
      types = reports.generatableTypes();
    }
    return types;
  }

  public void generate() {
    try {
      ReportRow made = reports.generate(new ReportService.GenerateRequest(type, from, to, trancheId), Faces.locale());
      Faces.info("reports.saved");
      rows = null;
      signId = made.id();
    } catch (RuntimeException e) {
      Faces.show(e, "generateForm");
    }
  }

  public void regenerate(ReportRow r) {
    try {
      reports.regenerate(r.id(), new ReportService.Regenerate(r.version()), Faces.locale());
      Faces.info("reports.saved");
      rows = null;
    } catch (RuntimeException e) {
      Faces.show(e, "tableForm");
    }
  }

  public void move(ReportRow r, String target) {
    try {
      reports.transition(r.id(), new ReportService.Transition(ReportStatus.valueOf(target), on, note, r.version()), Faces.locale());
      Faces.info("reports.saved");
      rows = null;
      note = null;
    } catch (RuntimeException e) {
      Faces.show(e, "tableForm");
    }
  }

  public void verify(ReportRow r) {
    try {
      Verification v = reports.verify(r.id());
      if (v.intact()) {
        Faces.info("reports.verify.intact");
      } else {
        String altered = v.files().stream().filter(f -> !f.intact()).map(Verification.FileCheck::name).collect(Collectors.joining(", "));
        if (Boolean.FALSE.equals(v.dataIntact())) {
          altered = altered.isEmpty() ? Faces.text("reports.verify.dataAltered") : altered + ", " + Faces.text("reports.verify.dataAltered");
        }
        Faces.error(null, Faces.text("reports.verify.altered", altered));
      }
    } catch (RuntimeException e) {
      Faces.show(e, "tableForm");
    }
  }

  public void sign() {
    try {
      ReportRow r = reports.report(signId);
      reports.sign(signId, new ReportService.SignRequest(role, name, quality, signedOn, r.version()));
      Faces.info("reports.saved");
      rows = null;
      name = quality = null;
      role = null;
    } catch (RuntimeException e) {
      Faces.show(e, "signForm");
    }
  }

  /** Opens the lines of a submitted or accepted statement, with their verdicts. */
  public void open(ReportRow r) {
    statement = r;
    seen.clear();
    selected = new ArrayList<>();
    allLines = false;
    verdict = ExpenseStatus.ACCEPTED;
    retainedAmount = null;
    reason = null;
  }

  public void close() {
    statement = null;
    selected = new ArrayList<>();
  }

  /** Whether the open statement still takes verdicts and the user may record them. */
  public boolean isVerdictsOpen() {
    return statement != null && (statement.status() == ReportStatus.SUBMITTED || statement.status() == ReportStatus.ACCEPTED);
  }

  public boolean takesVerdicts(ReportRow r) {
    return r.type().statement() && (r.status() == ReportStatus.SUBMITTED || r.status() == ReportStatus.ACCEPTED);
  }

  /** Records one verdict on the chosen lines (or on every line of the statement); the expense rules decide. */
  public void recordVerdicts() {
    try {
      List<Long> ids = allLines ? reports.statementExpenseIds(statement.id()) : selected.stream().map(StatementLine::expenseId).toList();
      BigDecimal retained = verdict == ExpenseStatus.PARTLY_ACCEPTED ? retainedAmount : null;
      int changed = reports.recordVerdicts(statement.id(),
          new ReportService.Verdicts(List.of(new ExpenseService.Verdict(ids, verdict, retained, reason))));
      Faces.info("reports.verdicts.saved", changed);
      seen.clear();
      selected = new ArrayList<>();
      allLines = false;
      retainedAmount = null;
      reason = null;
    } catch (RuntimeException e) {
      Faces.show(e, "linesForm");
    }
  }

  public List<ExpenseStatus> getVerdicts() {
    return List.copyOf(ExpenseStatus.verdicts());
  }

  /** The signatures of the report chosen in the signature form, for their scanned pages. */
  public List<ReportRow.Signature> getSignaturesToScan() {
    Long chosen = chosenInReview();
    return getInReview().stream().filter(r -> r.id().equals(chosen)).findFirst().map(ReportRow::signatures).orElse(List.of());
  }

  /** The report the signature form shows: the one chosen, else the first in review (what its menu displays). */
  private Long chosenInReview() {
    List<ReportRow> inReview = getInReview();
    if (signId != null && inReview.stream().anyMatch(r -> r.id().equals(signId))) {
      return signId;
    }
    return inReview.isEmpty() ? null : inReview.get(0).id();
  }

  /** Keeps the scanned signed page of the chosen signature. */
  public void uploadScan(FileUploadEvent event) {
    try (InputStream in = event.getFile().getInputStream()) {
      if (scanSignatureId == null) {
        Faces.error("signForm:scanSignature", Faces.text("reports.scan.choose"));
        return;
      }
      reports.attachScan(chosenInReview(), scanSignatureId, in, event.getFile().getFileName());
      Faces.info("reports.saved");
      rows = null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      Faces.show(e, "signForm");
    }
  }

  public String status(ExpenseStatus s) {
    return Faces.text("expense.status." + s.name());
  }

  /** The reports in review, for the signature form. */
  public List<ReportRow> getInReview() {
    return getRows().stream().filter(r -> r.status() == ReportStatus.IN_REVIEW).toList();
  }

  public List<SignatoryRole> getRoles() {
    return List.of(SignatoryRole.values());
  }

  public String scope(ReportRow r) {
    if (r.periodFrom() != null) {
      return date(r.periodFrom()) + " – " + date(r.periodTo());
    }
    return Faces.text("reports.tranche") + " " + r.trancheId();
  }

  public String date(LocalDate d) {
    return d == null ? "" : Dates.format(d, Faces.locale());
  }

  public String money(BigDecimal b) {
    return Money.format(b, Faces.locale());
  }

  public String label(ReportRow r) {
    return Faces.text("reportType." + r.type().name()) + " v" + r.reportVersion();
  }

  public ReportType getType() { return type; }
  public void setType(ReportType type) { this.type = type; }
  public LocalDate getFrom() { return from; }
  public void setFrom(LocalDate from) { this.from = from; }
  public LocalDate getTo() { return to; }
  public void setTo(LocalDate to) { this.to = to; }
  public Long getTrancheId() { return trancheId; }
  public void setTrancheId(Long trancheId) { this.trancheId = trancheId; }
  public LocalDate getOn() { return on; }
  public void setOn(LocalDate on) { this.on = on; }
  public String getNote() { return note; }
  public void setNote(String note) { this.note = note; }
  public Long getSignId() { return signId; }
  public void setSignId(Long signId) { this.signId = signId; }
  public SignatoryRole getRole() { return role; }
  public void setRole(SignatoryRole role) { this.role = role; }
  public String getName() { return name; }
  public void setName(String name) { this.name = name; }
  public String getQuality() { return quality; }
  public void setQuality(String quality) { this.quality = quality; }
  public LocalDate getSignedOn() { return signedOn; }
  public void setSignedOn(LocalDate signedOn) { this.signedOn = signedOn; }
  public Long getScanSignatureId() { return scanSignatureId; }
  public void setScanSignatureId(Long scanSignatureId) { this.scanSignatureId = scanSignatureId; }
  public ReportRow getStatement() { return statement; }
  public LazyDataModel<StatementLine> getStatementLines() { return statementLines; }
  public List<StatementLine> getSelected() { return selected; }
  public void setSelected(List<StatementLine> selected) { this.selected = selected == null ? new ArrayList<>() : selected; }
  public boolean isAllLines() { return allLines; }
  public void setAllLines(boolean allLines) { this.allLines = allLines; }
  public ExpenseStatus getVerdict() { return verdict; }
  public void setVerdict(ExpenseStatus verdict) { this.verdict = verdict; }
  public BigDecimal getRetainedAmount() { return retainedAmount; }
  public void setRetainedAmount(BigDecimal retainedAmount) { this.retainedAmount = retainedAmount; }
  public String getReason() { return reason; }
  public void setReason(String reason) { this.reason = reason; }
}
