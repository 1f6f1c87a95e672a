package fr.jalon.reporting;

import fr.jalon.expense.ExpenseService;
import fr.jalon.grant.Grant;
import fr.jalon.plan.PlanRepository;
import fr.jalon.platform.Dates;
import fr.jalon.platform.Messages;
import fr.jalon.platform.ReportEngine;
import fr.jalon.platform.RuleViolation;
import fr.jalon.platform.StreamedPdf;
import fr.jalon.platform.Xlsx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.sf.jasperreports.engine.JRDataSource;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRField;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;
import net.sf.jasperreports.engine.fill.JRSwapFileVirtualizer;
import net.sf.jasperreports.engine.util.JRSwapFile;

/**
 * The expense statement (ERD, rule 6): takes the paid expenses of the period that have a receipt
 * and were never declared, freezes a copy of them, and writes the PDF (designs
 * {@code reports/erd.jrxml} and {@code reports/erd-totals.jrxml}), the XLSX and the CSV. Lines are
 * streamed from one sorted query and the PDF is written as it fills, so memory does not grow with
 * the lines and the time grows with them, not with their square.
 */
@ApplicationScoped
public class ErdGenerator implements ReportGenerator {
  private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(ErdGenerator.class.getName());
  public static final String DESIGN = "erd";
  public static final String TOTALS_DESIGN = "erd-totals";
  static final int MAX_REFUSALS_LISTED = 50;

  @PersistenceContext EntityManager em;
  @Inject ExpenseService expenses;
  @Inject ErdRepository lines;
  @Inject ReportEngine engine;
  @Inject Clock clock;
  /** Where the lines are read (and the XLSX and CSV written), and the PDF written, while the request's thread fills it: the server's default executor. */
  @jakarta.annotation.Resource(lookup = "java:comp/DefaultManagedExecutorService") java.util.concurrent.ExecutorService executor;

  @Override
  public boolean handles(ReportType type) {
    return type == ReportType.ERD || type == ReportType.FINAL_ERD;
  }

  /** The claim of the period's paid lines (refused, writing nothing, when a line without a receipt or declared elsewhere is among them), then their frozen copy. */
  @Override
  public Counts prepare(Report report) {
    long id = report.id();
    long started = System.nanoTime();
    List<ExpenseService.StatementRefusal> refused = expenses.claimForStatement(id, report.periodFrom(), report.periodTo(), MAX_REFUSALS_LISTED);
    if (!refused.isEmpty()) {
      List<RuleViolation> problems = new ArrayList<>();
      problems.add(new RuleViolation("expenses", "report.erd.refused", Dates.format(report.periodFrom()), Dates.format(report.periodTo())));
      refused.forEach(r -> problems.add(new RuleViolation("expenses", "report.erd.refusedLine", r.expenseId(), r.label(), r.reason())));
      RuleViolation.throwIfAny(problems);
    }
    long claimed = System.nanoTime();
    lines.freezeLines(id);
    Counts counts = lines.counts(id);
    LOG.info(() -> String.format("ERD %d : %d lignes prises en %d ms, figées en %d ms", id, counts.lines(), (claimed - started) / 1_000_000, (System.nanoTime() - claimed) / 1_000_000));
    return counts;
  }

  /**
   * The files, from the lines {@link #prepare} froze (committed): nothing here writes to the
   * database. The lines are read once, on a second thread that writes each to the XLSX and the CSV
   * and hands it to JasperReports filling the PDF on this one; the finished pages go to the PDF
   * writer on a third ({@link StreamedPdf}). The three files show the same rows, the statement is
   * sorted once, and reading, filling and writing the PDF overlap; memory holds a hundred pages or
   * so, whatever the lines.
   */
  @Override
  public Generated generate(Report report, Path folder, Locale locale) {
    // Everything read through the entity manager is read here, before the other threads start:
    // Payara closes under this request an entity manager it opened while one of them ran.
    // The counts prepare() summed from the frozen lines, stored on the draft: not summed again.
    Counts counts = new Counts(report.lineCount(), report.totalEligible());
    List<ErdTotal> totals = totals(report);
    Map<String, Object> heading = heading(report, locale);
    Map<ReportFormat, Path> files = new EnumMap<>(ReportFormat.class);
    try {
      Map<String, Object> totalsParameters = totalsParameters(report, locale, heading);
      Path csvFile = Files.createTempFile(folder, "erd-", ".csv");
      Path xlsxFile = Files.createTempFile(folder, "erd-", ".xlsx");
      long started = System.nanoTime();
      long[] filled = new long[1];
      try (OutputStream csvOut = new java.io.BufferedOutputStream(Files.newOutputStream(csvFile));
          OutputStream xlsxOut = new java.io.BufferedOutputStream(Files.newOutputStream(xlsxFile));
          Xlsx book = new Xlsx(xlsxOut)) {
        BufferedWriter csv = new BufferedWriter(new OutputStreamWriter(csvOut, StandardCharsets.UTF_8));
        csvHeader(csv);
        xlsxHeader(book, locale);
        files.put(ReportFormat.PDF, write(folder, "pdf", out -> {
          try (LineFeed source = new LineFeed(report.id(), l -> {
            csvLine(csv, l);
            xlsxLine(book, l);
          }); StreamedPdf pdf = engine.streamedPdf(DESIGN, out, executor)) {
            int pages = pdf.fill(DESIGN, heading, source, locale);
            filled[0] = System.nanoTime();
            pdf.add(totalsPrint(totalsParameters, totals, locale, pages));
            pdf.finish();
          }
        }));
        csv.flush();
        xlsxTotals(book, totals, locale);
      }
      files.put(ReportFormat.XLSX, xlsxFile);
      files.put(ReportFormat.CSV, csvFile);
      long done = System.nanoTime();
      LOG.info(() -> String.format("ERD %d : %d lignes mises en page en %d ms, PDF fini %d ms après ; PDF, XLSX et CSV faits en %d ms", report.id(), counts.lines(),
          (filled[0] - started) / 1_000_000, (done - filled[0]) / 1_000_000, (done - started) / 1_000_000));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (JRException e) {
      throw new IllegalStateException("ERD : " + e.getMessage(), e);
    }
    return new Generated(counts.lines(), counts.eligible(), files);
  }

  /** Pages beyond the first hundred go to a swap file in {@code folder}: memory stays bounded whatever the lines. The caller cleans it up after export. */
  public static JRSwapFileVirtualizer virtualizer(Path folder) {
    return new JRSwapFileVirtualizer(100, new JRSwapFile(folder.toString(), 4096, 256), true);
  }

  /**
   * The ERD's pages as whole reports, for a pack where they follow other parts (the tranche
   * request): its lines, virtualized, then its totals and the certification block.
   */
  public List<JasperPrint> prints(Report report, Locale locale, JRSwapFileVirtualizer virtualizer) {
    Map<String, Object> heading = heading(report, locale);
    Map<String, Object> p = new HashMap<>(heading);
    p.put(JRParameter.REPORT_VIRTUALIZER, virtualizer);
    try {
      JasperPrint main;
      try (LineFeed source = new LineFeed(report.id(), l -> {})) {
        main = engine.fill(DESIGN, p, source, locale);
      }
      virtualizer.setReadOnly(true);
      return List.of(main, totalsPrint(totalsParameters(report, locale, heading), totals(report), locale, main.getPages().size()));
    } catch (JRException e) {
      throw new IllegalStateException("ERD : " + e.getMessage(), e);
    }
  }

  /**
   * The parameters of the totals pages, read from the report and its grant: before the PDF's
   * exporter thread starts, like everything read through the entity manager.
   */
  private Map<String, Object> totalsParameters(Report report, Locale locale, Map<String, Object> heading) {
    Grant grant = report.grant();
    Map<String, Object> t = new HashMap<>();
    t.put("title", Messages.get(locale, "erd.totals.title"));
    t.put("periodLine", heading.get("periodLine"));
    t.put("versionLine", heading.get("versionLine"));
    t.put("generatedOn", heading.get("generatedOn"));
    SignatoryRole attester = SignatureRules.attester(grant.beneficiary().legalForm());
    t.put("certification", Messages.get(locale, "erd.certification.text", grant.beneficiary().name(), Messages.get(locale, "signatory." + attester.name())));
    t.put("signer1", Messages.get(locale, "signatory." + SignatoryRole.LEGAL_REPRESENTATIVE.name()));
    t.put("signer2", report.type().statement() ? Messages.get(locale, "signatory." + attester.name()) : null);
    t.put("signed1", signed(report, SignatoryRole.LEGAL_REPRESENTATIVE, locale));
    t.put("signed2", signed(report, attester, locale));
    return t;
  }

  /**
   * The totals per category and per action against the budget, and the certification block with
   * its signatures; their pages numbered on from the {@code pagesBefore} pages of lines.
   */
  private JasperPrint totalsPrint(Map<String, Object> parameters, List<ErdTotal> totals, Locale locale, int pagesBefore) throws JRException {
    Map<String, Object> t = new HashMap<>(parameters);
    t.put("pagesBefore", pagesBefore);
    return engine.fill(TOTALS_DESIGN, t, new JRMapCollectionDataSource(totalRows(totals, locale)), locale);
  }

  Map<String, Object> heading(Report report, Locale locale) {
    Grant grant = report.grant();
    Map<String, Object> p = new HashMap<>();
    p.put("title", Messages.get(locale, "erd.title"));
    p.put("grantLine", grant.reference() + " — " + grant.title());
    p.put("beneficiary", grant.beneficiary().name() + (grant.beneficiary().siret() == null ? "" : " — SIRET " + grant.beneficiary().siret()));
    p.put("periodLine", Messages.get(locale, "erd.period", Dates.format(report.periodFrom(), locale), Dates.format(report.periodTo(), locale)));
    p.put("versionLine", Messages.get(locale, "erd.version", Messages.get(locale, "reportType." + report.type().name()), report.reportVersion()));
    p.put("generatedOn", Dates.format(LocalDate.now(clock), locale));
    return p;
  }

  private static String signed(Report report, SignatoryRole role, Locale locale) {
    return report.signatures().stream().filter(s -> s.role() == role).findFirst()
        .map(s -> s.name() + "\n" + s.quality() + "\n" + Messages.get(locale, "erd.signedOn", Dates.format(s.signedOn(), locale))).orElse(null);
  }

  static List<Map<String, ?>> totalRows(List<ErdTotal> totals, Locale locale) {
    List<Map<String, ?>> rows = new ArrayList<>();
    for (ErdTotal t : totals) {
      Map<String, Object> row = new HashMap<>();
      row.put("sectionLabel", Messages.get(locale, "erd.totals.section." + (t.section().equals("ALL") ? "CATEGORY" : t.section())));
      row.put("code", t.section().equals("ALL") ? Messages.get(locale, "erd.total") : t.code());
      row.put("label", t.label());
      row.put("budget", t.budget());
      row.put("thisStatement", t.thisStatement());
      row.put("earlier", t.earlier());
      row.put("cumulative", t.cumulative());
      row.put("consumed", t.consumedPercent());
      rows.add(row);
    }
    // The grand total closes the category table: put it right after the categories.
    Map<String, ?> all = rows.remove(rows.size() - 1);
    int lastCategory = 0;
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i).get("sectionLabel").equals(all.get("sectionLabel"))) {
        lastCategory = i + 1;
      }
    }
    rows.add(lastCategory, all);
    return rows;
  }

  public List<ErdTotal> totals(Report report) {
    Long budget = new PlanRepository(em).inForce(report.grant().id()).map(v -> v.id()).orElse(null);
    return lines.totals(report, budget);
  }

  private static void csvHeader(BufferedWriter w) throws IOException {
    w.write('\uFEFF');
    w.write(String.join(";", Messages.get(Locale.FRENCH, "erd.csv.header").split("\\|")));
    w.write("\r\n");
  }

  private static void csvLine(BufferedWriter w, ErdLine l) {
    try {
      w.write(String.join(";", cell(l.actionCode()), cell(l.categoryCode()), cell(l.invoiceNumber()), day(l.invoiceDate()), cell(l.supplier()), cell(l.description()),
          amount(l.amountExcl()), amount(l.amountIncl()), amount(l.eligibleAmount()), day(l.paidOn()), cell(l.orderNumber()), cell(l.corrects()), String.valueOf(l.expenseId())));
      w.write("\r\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void xlsxHeader(Xlsx book, Locale locale) {
    book.sheet(Messages.get(locale, "erd.xlsx.lines"));
    book.row(List.of(Messages.get(Locale.FRENCH, "erd.csv.header").split("\\|")), true);
  }

  private static void xlsxLine(Xlsx book, ErdLine l) {
    book.row(java.util.Arrays.asList(l.actionCode(), l.categoryCode(), l.invoiceNumber(), l.invoiceDate(), l.supplier(), l.description(),
        l.amountExcl(), l.amountIncl(), l.eligibleAmount(), l.paidOn(), l.orderNumber(), l.corrects(), l.expenseId()), false);
  }

  private static void xlsxTotals(Xlsx book, List<ErdTotal> totals, Locale locale) {
    book.sheet(Messages.get(locale, "erd.xlsx.totals"));
    book.row(List.of(Messages.get(locale, "erd.xlsx.totalsHeader").split("\\|")), true);
    for (ErdTotal t : totals) {
      book.row(java.util.Arrays.asList(Messages.get(locale, "erd.totals.section." + t.section()), t.code(), t.label(), t.budget(), t.thisStatement(), t.earlier(),
          t.cumulative()), false);
    }
  }

  private static String cell(String s) {
    if (s == null) {
      return "";
    }
    String clean = s.replace("\r", " ").replace("\n", " ");
    return clean.contains(";") || clean.contains("\"") ? "\"" + clean.replace("\"", "\"\"") + "\"" : clean;
  }

  private static String day(LocalDate d) {
    return d == null ? "" : Dates.format(d);
  }

  private static String amount(BigDecimal b) {
    return b.toPlainString().replace('.', ',');
  }

  interface Writer {
    void write(OutputStream out) throws IOException, JRException;
  }

  private static Path write(Path folder, String extension, Writer writer) throws IOException, JRException {
    Path file = Files.createTempFile(folder, "erd-", "." + extension);
    try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file))) {
      writer.write(out);
    }
    return file;
  }

  /**
   * The statement's lines for JasperReports, streamed from one query read on a second thread
   * ({@link #executor}), which also hands each line to {@code alsoTo}; a bounded queue between the
   * two keeps memory flat. A failure on either side stops the other: a read failure fails the fill,
   * and closing the feed (the fill failed or ended) stops the reading and waits for it.
   */
  final class LineFeed implements JRDataSource, AutoCloseable {
    /** Ends the lines (a failure of the reading ends them too). */
    private static final Object END = new Object();
    private final java.util.concurrent.BlockingQueue<Object> queue = new java.util.concurrent.ArrayBlockingQueue<>(2000);
    private volatile boolean stopped;
    private final java.util.concurrent.Future<?> reading;
    private ErdLine current;
    private boolean ended;

    LineFeed(long reportId, java.util.function.Consumer<ErdLine> alsoTo) {
      java.util.function.Supplier<ErdRepository.Cursor> opener = lines.cursorOpener(reportId);
      reading = executor.submit(() -> {
        Object last = END;
        try (ErdRepository.Cursor cursor = opener.get()) {
          for (ErdLine l = cursor.next(); l != null && !stopped; l = cursor.next()) {
            alsoTo.accept(l);
            hand(l);
          }
        } catch (RuntimeException | Error e) {
          last = e;
        }
        hand(last);
      });
    }

    private void hand(Object o) {
      try {
        while (!stopped && !queue.offer(o, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
          // The fill is busy with a page: wait for room, unless it gave up.
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        stopped = true;
      }
    }

    @Override
    public boolean next() throws JRException {
      if (ended) {
        return false;
      }
      Object o;
      try {
        o = queue.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new JRException("ERD : lecture des lignes interrompue", e);
      }
      if (o instanceof ErdLine l) {
        current = l;
        return true;
      }
      ended = true;
      if (o instanceof Throwable t) {
        throw new JRException("ERD : lecture des lignes : " + t.getMessage(), t);
      }
      return false;
    }

    /** Stops the reading if it still runs and waits for it: its cursor is closed and the XLSX and CSV are no longer written. */
    @Override
    public void close() {
      stopped = true;
      queue.clear();
      try {
        reading.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (java.util.concurrent.ExecutionException e) {
        // Reported through the queue: the fill has failed with it already.
      }
    }

    @Override
    public Object getFieldValue(JRField field) {
      return switch (field.getName()) {
        case "actionCode" -> current.actionCode();
        case "actionTitle" -> current.actionTitle();
        case "categoryCode" -> current.categoryCode();
        case "invoiceNumber" -> current.invoiceNumber();
        case "invoiceDate" -> current.invoiceDate() == null ? null : Dates.format(current.invoiceDate());
        case "supplier" -> current.supplier();
        case "description" -> current.description();
        case "amountExcl" -> current.amountExcl();
        case "amountIncl" -> current.amountIncl();
        case "eligibleAmount" -> current.eligibleAmount();
        case "paidOn" -> current.paidOn() == null ? null : Dates.format(current.paidOn());
        case "orderNumber" -> current.orderNumber();
        case "corrects" -> current.corrects();
        default -> null;
      };
    }
  }
}
