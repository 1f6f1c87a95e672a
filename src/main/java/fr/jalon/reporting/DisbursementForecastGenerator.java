package fr.jalon.reporting;

import fr.jalon.execution.ExecutionFigures;
import fr.jalon.execution.Figure;
import fr.jalon.grant.Grant;
import fr.jalon.grant.TrancheRow;
import fr.jalon.grant.TrancheService;
import fr.jalon.platform.Dates;
import fr.jalon.platform.Messages;
import fr.jalon.platform.ReportEngine;
import fr.jalon.platform.Xlsx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;

/**
 * Prévisionnel de décaissement (DESIGN.md §2): per year of the grant, the spending forecast — what
 * was paid for the years before the year of the report's end, the approved budget in force for that
 * year and the years ahead — and the tranche calls planned, requested and received. Every amount
 * comes from {@link ExecutionFigures} (by year) and {@link TrancheService}; the totals are their sums.
 * PDF (design {@code reports/disbursement-forecast.jrxml}) and XLSX.
 */
@ApplicationScoped
public class DisbursementForecastGenerator implements ReportGenerator {
  public static final String DESIGN = "disbursement-forecast";
  private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

  @Inject ExecutionFigures figures;
  @Inject TrancheService tranches;
  @Inject ReportEngine engine;
  @Inject Clock clock;

  /** One year of the forecast: planned (budget in force), paid, the amount retained and whether it is realised; the tranche calls. */
  public record Year(int year, BigDecimal planned, BigDecimal paid, BigDecimal forecast, boolean realised, BigDecimal callsPlanned, BigDecimal callsRequested,
      BigDecimal callsReceived) {}

  /** The forecast as of a day: its years and their totals. */
  public record Forecast(LocalDate asOf, List<Year> years, Year total) {}

  @Override
  public boolean handles(ReportType type) {
    return type == ReportType.DISBURSEMENT_FORECAST;
  }

  /** The forecast as of {@code asOf}: years before its year are realised (paid), the others planned. */
  public Forecast forecast(Grant grant, LocalDate asOf, Locale locale) {
    Map<Integer, Figure> byYear = new HashMap<>();
    for (Figure f : figures.figures(grant.id(), null, ExecutionFigures.Scope.all(), EnumSet.of(ExecutionFigures.Axis.YEAR))) {
      if (f.year() != null) {
        byYear.put(f.year(), f);
      }
    }
    List<TrancheRow> rows = tranches.overview(locale).tranches();
    Map<Integer, BigDecimal[]> calls = new LinkedHashMap<>();
    for (TrancheRow t : rows) {
      add(calls, t.plannedDate(), 0, t.plannedAmount());
      add(calls, t.requestedOn(), 1, t.requestedAmount());
      add(calls, t.receivedOn(), 2, t.receivedAmount());
    }
    java.util.TreeSet<Integer> years = new java.util.TreeSet<>(grant.years());
    years.addAll(byYear.keySet());
    years.addAll(calls.keySet());
    List<Year> result = new ArrayList<>();
    for (int y : years) {
      Figure f = byYear.get(y);
      BigDecimal planned = f == null ? ZERO : f.planned();
      BigDecimal paid = f == null ? ZERO : f.paid();
      boolean realised = y < asOf.getYear();
      BigDecimal[] c = calls.getOrDefault(y, new BigDecimal[] {ZERO, ZERO, ZERO});
      result.add(new Year(y, planned, paid, realised ? paid : planned, realised, c[0], c[1], c[2]));
    }
    Year total = new Year(0, sum(result, Year::planned), sum(result, Year::paid), sum(result, Year::forecast), false, sum(result, Year::callsPlanned),
        sum(result, Year::callsRequested), sum(result, Year::callsReceived));
    return new Forecast(asOf, result, total);
  }

  @Override
  public Generated generate(Report report, Path folder, Locale locale) {
    LocalDate asOf = report.periodTo() != null ? report.periodTo() : LocalDate.now(clock);
    Forecast forecast = forecast(report.grant(), asOf, locale);
    Map<ReportFormat, Path> files = new EnumMap<>(ReportFormat.class);
    try {
      Path pdf = folder.resolve("forecast.pdf");
      try (OutputStream out = Files.newOutputStream(pdf)) {
        engine.pdf(DESIGN, parameters(report, forecast, locale), new JRMapCollectionDataSource(rows(forecast, locale)), locale, out);
      }
      files.put(ReportFormat.PDF, pdf);
      Path xlsx = folder.resolve("forecast.xlsx");
      try (OutputStream out = Files.newOutputStream(xlsx)) {
        xlsx(report, forecast, locale, out);
      }
      files.put(ReportFormat.XLSX, xlsx);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Generated(forecast.years().size(), forecast.total().forecast(), files);
  }

  Map<String, Object> parameters(Report report, Forecast forecast, Locale locale) {
    Grant grant = report.grant();
    Map<String, Object> p = new HashMap<>();
    p.put("title", Messages.get(locale, "forecast.title"));
    p.put("grantLine", grant.reference() + " — " + grant.title());
    p.put("beneficiary", grant.beneficiary().name());
    p.put("asOfLine", Messages.get(locale, "forecast.asOf", Dates.format(forecast.asOf(), locale), forecast.asOf().getYear()));
    p.put("versionLine", Messages.get(locale, "erd.version", Messages.get(locale, "reportType." + report.type().name()), report.reportVersion()));
    p.put("generatedOn", Dates.format(LocalDate.now(clock), locale));
    p.put("rule", Messages.get(locale, "forecast.rule"));
    return p;
  }

  /** The PDF's rows: the spending section, then the tranche calls, each closed by its total. */
  List<Map<String, ?>> rows(Forecast forecast, Locale locale) {
    List<Map<String, ?>> rows = new ArrayList<>();
    String spending = Messages.get(locale, "forecast.section.spending");
    String[] sh = Messages.get(locale, "forecast.spending.header").split("\\|");
    for (Year y : forecast.years()) {
      rows.add(row(spending, sh, String.valueOf(y.year()), Messages.get(locale, y.realised() ? "forecast.realised" : "forecast.planned"), y.planned(), y.paid(), y.forecast(), false));
    }
    Year t = forecast.total();
    rows.add(row(spending, sh, Messages.get(locale, "forecast.total"), null, t.planned(), t.paid(), t.forecast(), true));
    String calls = Messages.get(locale, "forecast.section.tranches");
    String[] th = Messages.get(locale, "forecast.tranches.header").split("\\|");
    for (Year y : forecast.years()) {
      rows.add(row(calls, th, String.valueOf(y.year()), null, y.callsPlanned(), y.callsRequested(), y.callsReceived(), false));
    }
    rows.add(row(calls, th, Messages.get(locale, "forecast.total"), null, t.callsPlanned(), t.callsRequested(), t.callsReceived(), true));
    return rows;
  }

  private static Map<String, ?> row(String section, String[] head, String label, String nature, BigDecimal a1, BigDecimal a2, BigDecimal a3, boolean strong) {
    Map<String, Object> r = new HashMap<>();
    r.put("section", section);
    r.put("h0", head[0]);
    r.put("h1", head[1]);
    r.put("h2", head[2]);
    r.put("h3", head[3]);
    r.put("h4", head.length > 4 ? head[4] : null);
    r.put("label", label);
    r.put("nature", nature);
    r.put("a1", a1);
    r.put("a2", a2);
    r.put("a3", a3);
    r.put("strong", strong);
    return r;
  }

  void xlsx(Report report, Forecast forecast, Locale locale, OutputStream out) throws IOException {
    try (Xlsx book = new Xlsx(out)) {
      book.sheet(Messages.get(locale, "forecast.section.spending"));
      book.row(List.of(Messages.get(locale, "forecast.spending.header").split("\\|")), true);
      for (Year y : forecast.years()) {
        book.row(java.util.Arrays.asList(y.year(), y.planned(), y.paid(), y.forecast(), Messages.get(locale, y.realised() ? "forecast.realised" : "forecast.planned")), false);
      }
      Year t = forecast.total();
      book.row(java.util.Arrays.asList(Messages.get(locale, "forecast.total"), t.planned(), t.paid(), t.forecast(), null), true);
      book.sheet(Messages.get(locale, "forecast.section.tranches"));
      book.row(List.of(Messages.get(locale, "forecast.tranches.header").split("\\|")), true);
      for (Year y : forecast.years()) {
        book.row(java.util.Arrays.asList(y.year(), y.callsPlanned(), y.callsRequested(), y.callsReceived()), false);
      }
      book.row(java.util.Arrays.asList(Messages.get(locale, "forecast.total"), t.callsPlanned(), t.callsRequested(), t.callsReceived()), true);
    }
  }

  private static void add(Map<Integer, BigDecimal[]> calls, LocalDate day, int column, BigDecimal amount) {
    if (day == null || amount == null) {
      return;
    }
    BigDecimal[] c = calls.computeIfAbsent(day.getYear(), y -> new BigDecimal[] {ZERO, ZERO, ZERO});
    c[column] = c[column].add(amount);
  }

  private static BigDecimal sum(List<Year> years, Function<Year, BigDecimal> amount) {
    return years.stream().map(amount).reduce(ZERO, BigDecimal::add);
  }
}
