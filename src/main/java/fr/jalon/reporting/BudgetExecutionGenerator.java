package fr.jalon.reporting;

import fr.jalon.execution.ExecutionFigures;
import fr.jalon.execution.ExecutionFigures.Axis;
import fr.jalon.execution.ExecutionFigures.Scope;
import fr.jalon.execution.Figure;
import fr.jalon.grant.FundingNature;
import fr.jalon.grant.TrancheStatus;
import fr.jalon.platform.Dates;
import fr.jalon.platform.Messages;
import fr.jalon.platform.Money;
import fr.jalon.platform.ReportEngine;
import fr.jalon.platform.Xlsx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;

/**
 * Exécution budgétaire (quarterly, for the board), PDF (design {@code reports/budget-execution.jrxml})
 * and XLSX: planned / committed / paid / declared / accepted with still to pay, available and the
 * consumption rate, for the whole grant and by year, category, action and year × category × action;
 * the end-of-grant forecast (paid so far + planned for the years after the period's year); the
 * over-budget lines; the money received by year and funder. Every amount is an
 * {@link ExecutionFigures} figure as it stands when the report is generated (the ledger keeps no
 * history to read it as of the period's end), so both files state that date ("Situation au …") and
 * say so; nothing is summed here but the money received. The PDF draws two bar charts (per grant
 * year, planned / committed / paid; per category, paid and committed as a share of planned, see
 * {@link ExecutionChartStyle}) beside the tables that carry the exact figures.
 */
@ApplicationScoped
public class BudgetExecutionGenerator implements ReportGenerator {
  public static final String DESIGN = "budget-execution";

  @PersistenceContext EntityManager em;
  @Inject ExecutionFigures figures;
  @Inject ReportEngine engine;
  @Inject Clock clock;

  @Override
  public boolean handles(ReportType type) {
    return type == ReportType.BUDGET_EXECUTION;
  }

  /** What the report shows, read once for the PDF and the XLSX. */
  record Content(LocalDate readOn, Figure total, List<Figure> byYear, List<Figure> byCategory, List<Figure> byAction, List<Figure> detail, Forecast forecast,
      List<Received> received, Map<Long, String> actionTitles, Map<Long, String> categoryLabels) {
    List<Figure> overBudget() {
      List<Figure> over = new ArrayList<>();
      byYear.stream().filter(Figure::overBudget).forEach(over::add);
      byCategory.stream().filter(Figure::overBudget).forEach(over::add);
      byAction.stream().filter(Figure::overBudget).forEach(over::add);
      detail.stream().filter(Figure::overBudget).forEach(over::add);
      return over;
    }

    BigDecimal receivedTotal() {
      return received.stream().map(Received::amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }
  }

  /** End-of-grant forecast: what was paid so far plus what is planned for the years after {@code year}. */
  record Forecast(int year, BigDecimal paid, BigDecimal plannedAhead, BigDecimal planned) {
    BigDecimal atEnd() {
      return paid.add(plannedAhead);
    }

    /** Forecast − planned: positive when the grant would end over its budget. */
    BigDecimal gap() {
      return atEnd().subtract(planned);
    }
  }

  /** Money received in a year from one funder (the PIA's tranches, the other funders' cash receipts). */
  record Received(int year, String funder, BigDecimal amount) {}

  @Override
  public Generated generate(Report report, Path folder, Locale locale) {
    Content c = content(report);
    Map<ReportFormat, Path> files = new EnumMap<>(ReportFormat.class);
    try {
      files.put(ReportFormat.PDF, ReportTable.write(folder, "execution-", "pdf", out -> pdf(report, c, locale, out)));
      files.put(ReportFormat.XLSX, ReportTable.write(folder, "execution-", "xlsx", out -> xlsx(report, c, locale, out)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Generated(c.detail().size(), c.total().paid(), files);
  }

  Content content(Report report) {
    long grantId = report.grant().id();
    Figure total = figures.figures(grantId, null, Scope.all(), EnumSet.noneOf(Axis.class)).get(0);
    List<Figure> byYear = figures.figures(grantId, null, Scope.all(), EnumSet.of(Axis.YEAR));
    int year = report.periodTo().getYear();
    BigDecimal ahead = byYear.stream().filter(f -> f.year() != null && f.year() > year).map(Figure::planned).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    Map<Long, String> actions = new HashMap<>();
    em.createQuery("SELECT a.id, a.title FROM Action a WHERE a.grant.id = :g", Object[].class).setParameter("g", grantId).getResultList()
        .forEach(r -> actions.put((Long) r[0], (String) r[1]));
    Map<Long, String> categories = new HashMap<>();
    em.createQuery("SELECT c.id, c.label FROM CostCategory c WHERE c.grant.id = :g", Object[].class).setParameter("g", grantId).getResultList()
        .forEach(r -> categories.put((Long) r[0], (String) r[1]));
    return new Content(LocalDate.now(clock), total, byYear, figures.figures(grantId, null, Scope.all(), EnumSet.of(Axis.CATEGORY)),
        figures.figures(grantId, null, Scope.all(), EnumSet.of(Axis.ACTION)),
        figures.figures(grantId, null, Scope.all(), EnumSet.of(Axis.YEAR, Axis.CATEGORY, Axis.ACTION)),
        new Forecast(year, total.paid(), ahead, total.planned()), received(grantId, report.grant().reference()), actions, categories);
  }

  /** Money received per year and funder: the PIA tranches received and the other funders' cash receipts. */
  List<Received> received(long grantId, String piaName) {
    Map<String, BigDecimal> sums = new TreeMap<>();
    for (Object[] r : em.createQuery("SELECT t.receivedOn, t.receivedAmount FROM Tranche t WHERE t.grant.id = :g AND t.status = :received", Object[].class)
        .setParameter("g", grantId).setParameter("received", TrancheStatus.RECEIVED).getResultList()) {
      sums.merge(((LocalDate) r[0]).getYear() + "\u0000" + Messages.get("execution.report.pia"), (BigDecimal) r[1], BigDecimal::add);
    }
    for (Object[] r : em.createQuery("SELECT r.receivedOn, f.name, r.amount FROM CofundingReceipt r JOIN r.cofunding c JOIN c.funder f"
            + " WHERE c.grant.id = :g AND c.nature = :cash", Object[].class)
        .setParameter("g", grantId).setParameter("cash", FundingNature.CASH).getResultList()) {
      sums.merge(((LocalDate) r[0]).getYear() + "\u0000" + r[1], (BigDecimal) r[2], BigDecimal::add);
    }
    List<Received> result = new ArrayList<>();
    sums.forEach((k, v) -> {
      String[] parts = k.split("\u0000", 2);
      result.add(new Received(Integer.parseInt(parts[0]), parts[1], v.setScale(2)));
    });
    return result;
  }

  private List<String> columns(Locale l) {
    return List.of(Messages.get(l, "execution.report.columns").split("\\|"));
  }

  private static List<String> amounts(Figure f, Locale l) {
    return List.of(Money.format(f.planned(), l), Money.format(f.committed(), l), Money.format(f.paid(), l), Money.format(f.declared(), l),
        Money.format(f.accepted(), l), Money.format(f.stillToPay(), l), Money.format(f.available(), l), Money.percent(f.consumptionRate(), l));
  }

  private static Double share(Figure f) {
    return f.planned().signum() == 0 ? null : f.paid().doubleValue() / f.planned().doubleValue();
  }

  String label(Figure f, Content c, Locale l) {
    List<String> parts = new ArrayList<>();
    if (f.year() != null) parts.add(String.valueOf(f.year()));
    if (f.categoryId() != null) parts.add(f.categoryCode() + " " + c.categoryLabels().getOrDefault(f.categoryId(), ""));
    if (f.actionId() != null) parts.add(f.actionCode() + " " + c.actionTitles().getOrDefault(f.actionId(), ""));
    String text = parts.isEmpty() ? Messages.get(l, "execution.report.grant") : String.join(" — ", parts);
    return f.overBudget() ? "⚠ " + text : text;
  }

  List<Map<String, ?>> rows(Content c, Locale l) {
    ReportTable t = new ReportTable();
    List<String> cols = columns(l);
    t.section(Messages.get(l, "execution.report.summary"), cols).row(label(c.total(), c, l), amounts(c.total(), l), share(c.total()));
    t.section(Messages.get(l, "execution.report.byYear"), cols);
    c.byYear().forEach(f -> t.row(label(f, c, l), amounts(f, l)));
    t.section(Messages.get(l, "execution.report.byCategory"), cols);
    c.byCategory().forEach(f -> t.row(label(f, c, l), amounts(f, l)));
    t.section(Messages.get(l, "execution.report.byAction"), cols);
    c.byAction().forEach(f -> t.row(label(f, c, l), amounts(f, l), share(f)));
    t.section(Messages.get(l, "execution.report.detail"), cols);
    c.detail().forEach(f -> t.row(label(f, c, l), amounts(f, l)));
    Forecast fc = c.forecast();
    t.section(Messages.get(l, "execution.report.forecast"), List.of(Messages.get(l, "execution.report.amount")));
    t.row(Messages.get(l, "execution.report.forecast.paid"), List.of(Money.format(fc.paid(), l)));
    t.row(Messages.get(l, "execution.report.forecast.ahead", String.valueOf(fc.year())), List.of(Money.format(fc.plannedAhead(), l)));
    t.row(Messages.get(l, "execution.report.forecast.atEnd"), List.of(Money.format(fc.atEnd(), l)));
    t.row(Messages.get(l, "execution.report.forecast.planned"), List.of(Money.format(fc.planned(), l)));
    t.row(Messages.get(l, fc.gap().signum() > 0 ? "execution.report.forecast.over" : "execution.report.forecast.under"), List.of(Money.format(fc.gap().abs(), l)));
    t.section(Messages.get(l, "execution.report.over"), List.of(Messages.get(l, "execution.report.planned"), Messages.get(l, "execution.report.committed"),
        Messages.get(l, "execution.report.excess")));
    List<Figure> over = c.overBudget();
    if (over.isEmpty()) {
      t.row(Messages.get(l, "execution.report.over.none"), List.of());
    }
    over.forEach(f -> t.row(label(f, c, l), List.of(Money.format(f.planned(), l), Money.format(f.committed(), l), Money.format(f.available().negate(), l))));
    t.section(Messages.get(l, "execution.report.received"), List.of(Messages.get(l, "execution.report.amount")));
    c.received().forEach(r -> t.row(r.year() + " — " + r.funder(), List.of(Money.format(r.amount(), l))));
    t.row(Messages.get(l, "execution.report.received.total"), List.of(Money.format(c.receivedTotal(), l)));
    return t.rows();
  }

  void pdf(Report report, Content c, Locale l, OutputStream out) {
    Map<String, Object> p = ReportTable.heading(report, Messages.get(l, "execution.report.title"), LocalDate.now(clock), l);
    p.put("figure1Label", Messages.get(l, "execution.report.planned"));
    p.put("figure1", Money.format(c.total().planned(), l));
    p.put("figure2Label", Messages.get(l, "execution.report.paid"));
    p.put("figure2", Money.format(c.total().paid(), l));
    p.put("figure3Label", Messages.get(l, "execution.report.rate"));
    p.put("figure3", Money.percent(c.total().consumptionRate(), l));
    p.put("figure4Label", Messages.get(l, "execution.report.forecast.atEnd"));
    p.put("figure4", Money.format(c.forecast().atEnd(), l));
    p.put("situationLine", Messages.get(l, "execution.report.situation", Dates.format(c.readOn(), l)));
    p.put("situationNote", Messages.get(l, "execution.report.situation.note", Dates.format(c.readOn(), l), Dates.format(report.periodTo(), l)));
    p.put("yearChartTitle", Messages.get(l, "execution.report.chart.byYear"));
    p.put("categoryChartTitle", Messages.get(l, "execution.report.chart.byCategory"));
    p.put("chartNote", Messages.get(l, "execution.report.chart.note"));
    p.put(ExecutionChartStyle.BUDGET_LINE, Messages.get(l, "execution.report.chart.budgetLine"));
    p.put("yearChart", new JRMapCollectionDataSource(yearChart(c, l)));
    p.put("categoryChart", new JRMapCollectionDataSource(categoryChart(c, l)));
    try {
      engine.pdf(List.of(engine.fill(DESIGN, p, new JRMapCollectionDataSource(rows(c, l)), l)), out);
    } catch (JRException e) {
      throw new IllegalStateException("Exécution budgétaire : " + e.getMessage(), e);
    }
  }

  /** The year chart's data: planned, committed and paid per grant year (in the order of the figures), with the series' names. */
  static List<Map<String, ?>> yearChart(Content c, Locale l) {
    List<Map<String, ?>> rows = new ArrayList<>();
    for (Figure f : c.byYear()) {
      rows.add(Map.of("year", String.valueOf(f.year()), "planned", f.planned(), "committed", f.committed(), "paid", f.paid(), "plannedLabel",
          Messages.get(l, "execution.report.planned"), "committedLabel", Messages.get(l, "execution.report.committed"), "paidLabel",
          Messages.get(l, "execution.report.paid")));
    }
    return rows;
  }

  /** The category chart's data: paid and committed in per cent of planned, for the categories with a budget, with the series' names. */
  List<Map<String, ?>> categoryChart(Content c, Locale l) {
    List<Map<String, ?>> rows = new ArrayList<>();
    for (Figure f : c.byCategory()) {
      if (f.planned().signum() != 0) {
        rows.add(Map.of("category", c.categoryLabels().getOrDefault(f.categoryId(), f.categoryCode()), "paidShare", f.consumptionRate(), "committedShare",
            f.commitmentRate(), "paidShareLabel", Messages.get(l, "execution.report.chart.paidShare"), "committedShareLabel",
            Messages.get(l, "execution.report.chart.committedShare")));
      }
    }
    return rows;
  }

  void xlsx(Report report, Content c, Locale l, OutputStream out) throws IOException {
    List<String> header = new ArrayList<>(List.of(Messages.get(l, "execution.report.xlsx.keys").split("\\|")));
    header.addAll(columns(l));
    try (Xlsx book = new Xlsx(out)) {
      book.sheet(Messages.get(l, "execution.report.xlsx.situation"));
      book.row(List.of(Messages.get(l, "execution.report.title")), true);
      book.row(List.of(report.grant().reference() + " — " + report.grant().title()), false);
      book.row(List.of(Messages.get(l, "erd.period", Dates.format(report.periodFrom(), l), Dates.format(report.periodTo(), l))), false);
      book.row(List.of(Messages.get(l, "execution.report.situation", Dates.format(c.readOn(), l)), c.readOn()), false);
      book.row(List.of(Messages.get(l, "execution.report.situation.note", Dates.format(c.readOn(), l), Dates.format(report.periodTo(), l))), false);
      sheet(book, Messages.get(l, "execution.report.byYear"), header, c.byYear(), c);
      sheet(book, Messages.get(l, "execution.report.byCategory"), header, c.byCategory(), c);
      sheet(book, Messages.get(l, "execution.report.byAction"), header, c.byAction(), c);
      sheet(book, Messages.get(l, "execution.report.xlsx.detail"), header, c.detail(), c);
      book.sheet(Messages.get(l, "execution.report.xlsx.forecast"));
      Forecast fc = c.forecast();
      book.row(List.of(Messages.get(l, "execution.report.forecast.paid"), fc.paid()), false);
      book.row(List.of(Messages.get(l, "execution.report.forecast.ahead", String.valueOf(fc.year())), fc.plannedAhead()), false);
      book.row(List.of(Messages.get(l, "execution.report.forecast.atEnd"), fc.atEnd()), false);
      book.row(List.of(Messages.get(l, "execution.report.forecast.planned"), fc.planned()), false);
      book.sheet(Messages.get(l, "execution.report.xlsx.received"));
      book.row(List.of(Messages.get(l, "execution.report.xlsx.receivedHeader").split("\\|")), true);
      c.received().forEach(r -> book.row(List.of(r.year(), r.funder(), r.amount()), false));
    }
  }

  private static void sheet(Xlsx book, String name, List<String> header, List<Figure> rows, Content c) {
    book.sheet(name);
    book.row(header, true);
    for (Figure f : rows) {
      book.row(Arrays.asList(f.year(), f.categoryCode(), f.actionCode(), f.planned(), f.committed(), f.paid(), f.declared(), f.accepted(), f.stillToPay(),
          f.available(), f.consumptionRate()), false);
    }
  }
}
