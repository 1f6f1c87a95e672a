package fr.jalon.reporting;

import fr.jalon.platform.Xlsx;
import fr.jalon.execution.ExecutionFigures;
import fr.jalon.execution.ExecutionFigures.Axis;
import fr.jalon.execution.ExecutionFigures.Scope;
import fr.jalon.execution.Figure;
import fr.jalon.grant.Grant;
import fr.jalon.grant.TrancheOverview;
import fr.jalon.grant.TrancheRow;
import fr.jalon.grant.TrancheService;
import fr.jalon.indicator.IndicatorRow;
import fr.jalon.indicator.IndicatorService;
import fr.jalon.indicator.SchoolYear;
import fr.jalon.milestone.MilestoneRecords.MilestoneRow;
import fr.jalon.milestone.MilestoneService;
import fr.jalon.platform.Dates;
import fr.jalon.platform.Messages;
import fr.jalon.platform.Money;
import fr.jalon.platform.ReportEngine;
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
import java.util.Optional;
import java.util.stream.Collectors;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;

/**
 * Rapport final (DESIGN.md §2), over the whole grant, PDF (design {@code reports/final.jrxml}) and
 * XLSX, in five parts: the final progress report (the rows {@link ProgressReportGenerator} builds
 * over the whole grant: per action its consumption, milestones with their evidence, deliverables and
 * narratives, then the COPIL decisions); the final expense summary, per category and per action
 * against the approved budget ({@link ExecutionFigures}) with the final ERD's state; the balance of
 * the grant and any repayment, exactly as {@link TrancheService} computes it (rule 9); the indicators
 * against their targets for the last school year ended; and what continues after the grant, written
 * by the project manager ({@link ContinuationNarrative}).
 */
@ApplicationScoped
public class FinalReportGenerator implements ReportGenerator {
  public static final String DESIGN = "final";

  @PersistenceContext EntityManager em;
  @Inject ProgressReportGenerator progress;
  @Inject ExecutionFigures figures;
  @Inject TrancheService tranches;
  @Inject IndicatorService indicators;
  @Inject MilestoneService milestones;
  @Inject ProgressNarrativeService narratives;
  @Inject ReportEngine engine;
  @Inject Clock clock;

  @Override
  public boolean handles(ReportType type) {
    return type == ReportType.FINAL;
  }

  /** What the report shows, read once for the PDF and the XLSX. */
  record Content(List<Map<String, ?>> progressRows, ProgressReportGenerator.Summary summary, Figure total, List<Figure> byCategory, List<Figure> byAction,
      Map<Long, String> categoryLabels, Map<Long, String> actionTitles, Optional<Report> finalErd, TrancheOverview balance, SchoolYear schoolYear,
      List<IndicatorRow> indicators, List<MilestoneRow> milestones, ProgressNarrativeService.ContinuationRow continuation) {}

  @Override
  public Generated generate(Report report, Path folder, Locale locale) {
    Content c = content(report, locale);
    Map<ReportFormat, Path> files = new EnumMap<>(ReportFormat.class);
    try {
      files.put(ReportFormat.PDF, ReportTable.write(folder, "rapport-final-", "pdf", out -> pdf(report, c, locale, out)));
      files.put(ReportFormat.XLSX, ReportTable.write(folder, "rapport-final-", "xlsx", out -> xlsx(c, locale, out)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Generated(c.summary().actions(), c.total().paid(), files);
  }

  Content content(Report report, Locale l) {
    Grant grant = report.grant();
    long grantId = grant.id();
    List<Map<String, ?>> progressRows = new ArrayList<>();
    ProgressReportGenerator.Summary summary = progress.rows(report, l, progressRows);
    Map<Long, String> actions = new HashMap<>();
    em.createQuery("SELECT a.id, a.title FROM Action a WHERE a.grant.id = :g", Object[].class).setParameter("g", grantId).getResultList()
        .forEach(r -> actions.put((Long) r[0], (String) r[1]));
    Map<Long, String> categories = new HashMap<>();
    em.createQuery("SELECT c.id, c.label FROM CostCategory c WHERE c.grant.id = :g", Object[].class).setParameter("g", grantId).getResultList()
        .forEach(r -> categories.put((Long) r[0], (String) r[1]));
    LocalDate today = LocalDate.now(clock);
    SchoolYear year = ProgressReportGenerator.schoolYear(today.isBefore(report.periodTo()) ? today : report.periodTo());
    return new Content(progressRows, summary, figures.figures(grantId, null, Scope.all(), EnumSet.noneOf(Axis.class)).get(0),
        figures.figures(grantId, null, Scope.all(), EnumSet.of(Axis.CATEGORY)), figures.figures(grantId, null, Scope.all(), EnumSet.of(Axis.ACTION)),
        categories, actions, finalErd(grant), tranches.overview(l), year, indicators.table(year), milestones.all(), narratives.continuation(grant));
  }

  /** The latest final ERD not sent back, if any. */
  Optional<Report> finalErd(Grant grant) {
    return em.createQuery("SELECT r FROM Report r WHERE r.grant = :g AND r.type = :t AND r.status <> :corrected ORDER BY r.reportVersion DESC, r.id DESC", Report.class)
        .setParameter("g", grant).setParameter("t", ReportType.FINAL_ERD).setParameter("corrected", ReportStatus.TO_CORRECT).setMaxResults(1)
        .getResultStream().findFirst();
  }

  /** Balance = PIA due − PIA received: positive, still to be paid by the operator; negative, to repay (rule 9). */
  static String balanceKey(BigDecimal balance) {
    return balance.signum() > 0 ? "final.report.balance.toReceive" : balance.signum() < 0 ? "final.report.balance.toRepay" : "final.report.balance.settled";
  }

  private static String part(Locale l, int n) {
    return Messages.get(l, "final.report.part" + n);
  }

  private static List<String> expenseColumns(Locale l) {
    return List.of(Messages.get(l, "final.report.expenseColumns").split("\\|"));
  }

  private static List<String> expenseValues(Figure f, Locale l) {
    return List.of(Money.format(f.planned(), l), Money.format(f.paid(), l), Money.format(f.declared(), l), Money.format(f.accepted(), l),
        Money.format(f.planned().subtract(f.paid()), l), Money.percent(f.consumptionRate(), l));
  }

  private static Double share(Figure f) {
    return f.planned().signum() == 0 ? null : f.paid().doubleValue() / f.planned().doubleValue();
  }

  /** The PDF's rows: each row says its part and its section. */
  List<Map<String, ?>> rows(Content c, Locale l) {
    List<Map<String, ?>> rows = new ArrayList<>();
    in(rows, part(l, 1), c.progressRows());

    ReportTable t = new ReportTable();
    List<String> cols = expenseColumns(l);
    t.section(Messages.get(l, "final.report.byCategory"), cols);
    for (Figure f : c.byCategory()) {
      t.row(f.categoryCode() + " " + c.categoryLabels().getOrDefault(f.categoryId(), ""), expenseValues(f, l), share(f));
    }
    t.row(Messages.get(l, "final.report.total"), expenseValues(c.total(), l), share(c.total()));
    t.section(Messages.get(l, "final.report.byAction"), cols);
    for (Figure f : c.byAction()) {
      t.row(f.actionCode() + " " + c.actionTitles().getOrDefault(f.actionId(), ""), expenseValues(f, l), share(f));
    }
    t.row(Messages.get(l, "final.report.total"), expenseValues(c.total(), l), share(c.total()));
    t.section(Messages.get(l, "final.report.statement"), List.of(Messages.get(l, "final.report.statementColumns").split("\\|")));
    if (c.finalErd().isPresent()) {
      Report erd = c.finalErd().get();
      t.row(Messages.get(l, "final.report.statement.line", Dates.format(erd.periodFrom(), l), Dates.format(erd.periodTo(), l), erd.reportVersion()),
          List.of(Messages.get(l, "report.status." + erd.status().name()), String.valueOf(erd.lineCount()), Money.format(erd.totalEligible(), l)));
    } else {
      t.row(Messages.get(l, "final.report.statement.none"), List.of());
    }
    in(rows, part(l, 2), t.rows());

    TrancheOverview o = c.balance();
    t = new ReportTable();
    t.section(Messages.get(l, "final.report.balance"), List.of(Messages.get(l, "final.report.amount")));
    t.row(Messages.get(l, "final.report.maxPia"), List.of(Money.format(o.maxPiaAmount(), l)));
    t.row(Messages.get(l, "final.report.plannedCost"), List.of(Money.format(o.plannedEligibleCost(), l)));
    t.row(Messages.get(l, "final.report.aidRate"), List.of(Money.percent(o.aidRate(), l)));
    t.row(Messages.get(l, o.piaDueOnAccepted() ? "final.report.base.accepted" : "final.report.base.planned"), List.of(Money.format(o.piaDueBase(), l)));
    t.row(Messages.get(l, "final.report.piaDue"), List.of(Money.format(o.piaDue(), l)));
    t.row(Messages.get(l, "final.report.piaReceived"), List.of(Money.format(o.piaReceived(), l)));
    t.row(Messages.get(l, "final.report.balanceValue"), List.of(Money.format(o.balance(), l)));
    t.row(Messages.get(l, balanceKey(o.balance())), List.of(Money.format(o.balance().abs(), l)));
    if (!o.piaDueOnAccepted()) {
      t.text("", Messages.get(l, "final.report.base.provisional"));
    }
    t.section(Messages.get(l, "final.report.tranches"), List.of(Messages.get(l, "final.report.trancheColumns").split("\\|")));
    if (o.tranches().isEmpty()) {
      t.row(Messages.get(l, "final.report.tranches.none"), List.of());
    }
    for (TrancheRow r : o.tranches()) {
      t.row(Messages.get(l, "final.report.tranche", r.number(), Messages.get(l, "tranche.kind." + r.kind().name())), List.of(Money.format(r.plannedAmount(), l),
          r.requestedAmount() == null ? "" : Money.format(r.requestedAmount(), l), r.receivedAmount() == null ? "" : Money.format(r.receivedAmount(), l),
          r.receivedOn() == null ? "" : Dates.format(r.receivedOn(), l), Messages.get(l, "tranche.status." + r.status().name())));
    }
    in(rows, part(l, 3), t.rows());

    t = new ReportTable();
    t.section(Messages.get(l, "final.report.indicators", c.schoolYear().label()), List.of(Messages.get(l, "final.report.indicatorColumns").split("\\|")));
    if (c.indicators().isEmpty()) {
      t.row(Messages.get(l, "progress.report.indicators.none"), List.of());
    }
    for (IndicatorRow i : c.indicators()) {
      t.row(i.code() + " — " + i.label() + (i.unit() == null || i.unit().isBlank() ? "" : " (" + i.unit() + ")"), List.of(quantity(i.baseline(), l),
          quantity(i.target(), l), quantity(i.value(), l), Money.percent(i.achievement(), l),
          Messages.get(l, i.reached() ? "progress.report.reached" : i.value() == null ? "progress.report.noValue" : "progress.report.notReached")),
          i.achievement() == null ? null : i.achievement().doubleValue() / 100);
      if (!i.parts().isEmpty()) {
        t.text("", Messages.get(l, "final.report.breakdown", i.parts().stream().map(p -> p.label() + " " + quantity(p.amount(), l)).collect(Collectors.joining(" ; "))));
      }
    }
    in(rows, part(l, 4), t.rows());

    t = new ReportTable();
    t.section(Messages.get(l, "final.report.continuation"), List.of());
    ProgressNarrativeService.ContinuationRow w = c.continuation();
    if (w.continuation() == null) {
      t.text("", Messages.get(l, "final.report.continuation.none"));
    } else {
      t.text("", w.continuation());
      t.text("", Messages.get(l, "narratives.updated", Dates.format(w.updatedAt(), l), w.updatedBy()));
    }
    in(rows, part(l, 5), t.rows());
    return rows;
  }

  private static void in(List<Map<String, ?>> rows, String part, List<Map<String, ?>> section) {
    for (Map<String, ?> r : section) {
      Map<String, Object> copy = new HashMap<>(r);
      copy.put("part", part);
      rows.add(copy);
    }
  }

  void pdf(Report report, Content c, Locale l, OutputStream out) {
    Map<String, Object> p = ReportTable.heading(report, Messages.get(l, "final.report.title"), LocalDate.now(clock), l);
    p.put("figure1Label", Messages.get(l, "final.report.plannedCost"));
    p.put("figure1", Money.format(c.total().planned(), l));
    p.put("figure2Label", Messages.get(l, "final.report.paidCost"));
    p.put("figure2", Money.format(c.total().paid(), l));
    p.put("figure3Label", Messages.get(l, "final.report.piaReceived"));
    p.put("figure3", Money.format(c.balance().piaReceived(), l));
    p.put("figure4Label", Messages.get(l, balanceKey(c.balance().balance())));
    p.put("figure4", Money.format(c.balance().balance().abs(), l));
    try {
      engine.pdf(List.of(engine.fill(DESIGN, p, new JRMapCollectionDataSource(rows(c, l)), l)), out);
    } catch (JRException e) {
      throw new IllegalStateException("Rapport final : " + e.getMessage(), e);
    }
  }

  void xlsx(Content c, Locale l, OutputStream out) throws IOException {
    try (Xlsx book = new Xlsx(out)) {
      List<String> header = new ArrayList<>(List.of(Messages.get(l, "final.report.xlsx.keys").split("\\|")));
      header.addAll(expenseColumns(l));
      book.sheet(Messages.get(l, "final.report.byCategory"));
      book.row(header, true);
      c.byCategory().forEach(f -> book.row(expenseCells(f.categoryCode(), c.categoryLabels().get(f.categoryId()), f), false));
      book.sheet(Messages.get(l, "final.report.byAction"));
      book.row(header, true);
      c.byAction().forEach(f -> book.row(expenseCells(f.actionCode(), c.actionTitles().get(f.actionId()), f), false));

      TrancheOverview o = c.balance();
      book.sheet(Messages.get(l, "final.report.xlsx.balance"));
      book.row(List.of(Messages.get(l, "final.report.xlsx.balanceHeader").split("\\|")), true);
      book.row(List.of(Messages.get(l, "final.report.maxPia"), o.maxPiaAmount()), false);
      book.row(List.of(Messages.get(l, "final.report.plannedCost"), o.plannedEligibleCost()), false);
      book.row(List.of(Messages.get(l, "final.report.aidRate"), o.aidRate()), false);
      book.row(List.of(Messages.get(l, o.piaDueOnAccepted() ? "final.report.base.accepted" : "final.report.base.planned"), o.piaDueBase()), false);
      book.row(List.of(Messages.get(l, "final.report.piaDue"), o.piaDue()), false);
      book.row(List.of(Messages.get(l, "final.report.piaReceived"), o.piaReceived()), false);
      book.row(List.of(Messages.get(l, "final.report.balanceValue"), o.balance()), false);
      book.row(List.of(Messages.get(l, balanceKey(o.balance())), o.balance().abs()), false);

      book.sheet(Messages.get(l, "final.report.tranches"));
      book.row(List.of(Messages.get(l, "final.report.xlsx.trancheHeader").split("\\|")), true);
      for (TrancheRow r : o.tranches()) {
        book.row(Arrays.asList(r.number(), Messages.get(l, "tranche.kind." + r.kind().name()), r.plannedAmount(), r.plannedDate(), r.requestedAmount(), r.receivedAmount(),
            r.receivedOn(), Messages.get(l, "tranche.status." + r.status().name())), false);
      }

      book.sheet(Messages.get(l, "final.report.xlsx.milestones"));
      book.row(List.of(Messages.get(l, "final.report.xlsx.milestoneHeader").split("\\|")), true);
      for (MilestoneRow m : c.milestones()) {
        book.row(Arrays.asList(m.code(), m.title(), m.actionCode(), m.baselineDate(), m.forecastDate(), Messages.get(l, "milestone.status." + m.status().name()),
            Messages.get(l, m.late() ? "final.report.yes" : "final.report.no")), false);
      }

      book.sheet(Messages.get(l, "final.report.xlsx.indicators"));
      book.row(List.of(Messages.get(l, "indicatorsReport.xlsx.header").split("\\|")), true);
      for (IndicatorRow r : c.indicators()) {
        book.row(Arrays.asList(r.code(), r.label(), r.unit(), r.baseline(), r.target(), r.value(), r.achievement(),
            r.value() == null || r.target() == null ? null : Messages.get(l, r.reached() ? "indicatorsReport.reached" : "indicatorsReport.notReached"), r.comment()), false);
      }

      book.sheet(Messages.get(l, "final.report.xlsx.continuation"));
      book.row(List.of(Messages.get(l, "final.report.continuation")), true);
      book.row(List.of(c.continuation().continuation() == null ? Messages.get(l, "final.report.continuation.none") : c.continuation().continuation()), false);
    }
  }

  private static List<Object> expenseCells(String code, String label, Figure f) {
    return Arrays.asList(code, label, f.planned(), f.paid(), f.declared(), f.accepted(), f.planned().subtract(f.paid()), f.consumptionRate());
  }

  private static String quantity(BigDecimal b, Locale l) {
    return b == null ? "" : Money.quantity(b, l);
  }
}
