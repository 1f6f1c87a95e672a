package fr.jalon.reporting;

import fr.jalon.execution.ExecutionFigures;
import fr.jalon.execution.ExecutionFigures.Axis;
import fr.jalon.execution.ExecutionFigures.Scope;
import fr.jalon.execution.Figure;
import fr.jalon.grant.CopilService;
import fr.jalon.grant.DecisionSummary;
import fr.jalon.grant.Grant;
import fr.jalon.indicator.IndicatorRow;
import fr.jalon.indicator.IndicatorService;
import fr.jalon.indicator.SchoolYear;
import fr.jalon.milestone.DeliverableService;
import fr.jalon.milestone.MilestoneRecords.DeliverableRow;
import fr.jalon.milestone.MilestoneRecords.MilestoneRow;
import fr.jalon.milestone.MilestoneService;
import fr.jalon.milestone.MilestoneStatus;
import fr.jalon.platform.Dates;
import fr.jalon.platform.Messages;
import fr.jalon.platform.Money;
import fr.jalon.platform.ReportEngine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;

/**
 * Rapport d'avancement (PROGRESS, yearly) and its final version over the whole grant
 * (FINAL_PROGRESS), one PDF (design {@code reports/progress.jrxml}): per action its consumption
 * (the {@link ExecutionFigures} of the period's year and cumulated), its milestones of the period
 * (planned, reached, late, with their evidence file names) and deliverables, and the project
 * manager's narrative written in Jalon ({@link ProgressNarrative}); then the COPIL decisions of the
 * period, the indicators against their targets for the last school year ended by the period, and
 * next year's plan (planned amounts and the narratives' plans). The final report ({@link FinalReportGenerator})
 * takes the same rows over the whole grant, without the indicators and next year's plan it shows its own way.
 */
@ApplicationScoped
public class ProgressReportGenerator implements ReportGenerator {
  public static final String DESIGN = "progress";

  @PersistenceContext EntityManager em;
  @Inject ExecutionFigures figures;
  @Inject MilestoneService milestones;
  @Inject DeliverableService deliverables;
  @Inject CopilService copil;
  @Inject IndicatorService indicators;
  @Inject ProgressNarrativeService narratives;
  @Inject ReportEngine engine;
  @Inject Clock clock;

  @Override
  public boolean handles(ReportType type) {
    return type == ReportType.PROGRESS || type == ReportType.FINAL_PROGRESS;
  }

  @Override
  public Generated generate(Report report, Path folder, Locale locale) {
    try {
      List<Map<String, ?>> rows = new ArrayList<>();
      Map<String, Object> p = ReportTable.heading(report, Messages.get(locale, "progress.report.title." + report.type().name()), LocalDate.now(clock), locale);
      Summary s = rows(report, locale, rows);
      p.put("figure1Label", Messages.get(locale, "execution.report.planned"));
      p.put("figure1", Money.format(s.total().planned(), locale));
      p.put("figure2Label", Messages.get(locale, "execution.report.paid"));
      p.put("figure2", Money.format(s.total().paid(), locale));
      p.put("figure3Label", Messages.get(locale, "execution.report.rate"));
      p.put("figure3", Money.percent(s.total().consumptionRate(), locale));
      p.put("figure4Label", Messages.get(locale, "progress.report.milestonesFigure"));
      p.put("figure4", Messages.get(locale, "progress.report.milestonesValue", s.reached(), s.milestones(), s.late()));
      Path pdf = ReportTable.write(folder, "avancement-", "pdf", out -> {
        try {
          engine.pdf(List.of(engine.fill(DESIGN, p, new JRMapCollectionDataSource(rows), locale)), out);
        } catch (JRException e) {
          throw new IllegalStateException("Rapport d’avancement : " + e.getMessage(), e);
        }
      });
      return new Generated(s.actions(), s.total().paid(), Map.of(ReportFormat.PDF, pdf));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What the heading shows: the grant's figure, the milestones of the report and how many are reached or late, the actions listed. */
  record Summary(Figure total, int milestones, int reached, int late, int actions) {}

  static boolean reached(MilestoneRow m) {
    return m.status() == MilestoneStatus.REACHED || m.status() == MilestoneStatus.VALIDATED;
  }

  /** The school year whose values the report shows: the last one ended by {@code day}. */
  static SchoolYear schoolYear(LocalDate day) {
    SchoolYear y = SchoolYear.of(day);
    return day.isBefore(y.lastDay()) ? new SchoolYear(y.startYear() - 1) : y;
  }

  Summary rows(Report report, Locale l, List<Map<String, ?>> out) {
    Grant grant = report.grant();
    boolean whole = report.type() == ReportType.FINAL_PROGRESS || report.type() == ReportType.FINAL;
    // The final report shows the indicators in a section of its own and has no next year.
    boolean closing = report.type() == ReportType.FINAL;
    LocalDate from = whole ? grant.eligibilityStart() : report.periodFrom();
    LocalDate to = whole ? grant.endDate() : report.periodTo();
    int year = Math.min(Math.max(report.periodTo().getYear(), grant.years().get(0)), grant.years().get(grant.years().size() - 1));
    long grantId = grant.id();
    Figure total = figures.figures(grantId, null, Scope.all(), EnumSet.noneOf(Axis.class)).get(0);
    Map<Long, Figure> cumulated = new HashMap<>();
    figures.figures(grantId, null, Scope.all(), EnumSet.of(Axis.ACTION)).forEach(f -> cumulated.put(f.actionId(), f));
    Map<Long, Figure> ofYear = new HashMap<>();
    Map<Long, Figure> nextYear = new HashMap<>();
    for (Figure f : figures.figures(grantId, null, Scope.all(), EnumSet.of(Axis.ACTION, Axis.YEAR))) {
      if (f.year() != null && f.year() == year) ofYear.put(f.actionId(), f);
      if (f.year() != null && f.year() == year + 1) nextYear.put(f.actionId(), f);
    }
    List<MilestoneRow> all = milestones.all().stream()
        .filter(m -> whole || m.late() || within(m.baselineDate(), from, to) || within(m.forecastDate(), from, to)).toList();
    Map<Long, List<String>> evidence = new HashMap<>();
    for (Object[] r : em.createQuery("SELECT m.id, f.originalName FROM Milestone m JOIN m.evidence f WHERE m.grant.id = :g ORDER BY f.originalName", Object[].class)
        .setParameter("g", grantId).getResultList()) {
      evidence.computeIfAbsent((Long) r[0], k -> new ArrayList<>()).add((String) r[1]);
    }
    List<DeliverableRow> dels = deliverables.list().stream().filter(d -> whole || d.late() || within(d.dueDate(), from, to) || within(d.submittedOn(), from, to)).toList();
    List<ProgressNarrativeService.NarrativeRow> told = new ArrayList<>();
    for (int y : grant.years()) {
      if (whole ? y <= year : y == year) {
        told.addAll(narratives.ofYear(grant, y));
      }
    }

    ReportTable t = new ReportTable();
    List<String> figureColumns = List.of(Messages.get(l, "progress.report.figureColumns", String.valueOf(year)).split("\\|"));
    t.section(Messages.get(l, "progress.report.summary"), figureColumns);
    t.row(Messages.get(l, "execution.report.grant"), figureValues(figures.figures(grantId, null, new Scope(null, null, null, year), EnumSet.noneOf(Axis.class)).get(0), total, l), share(total));
    int late = (int) all.stream().filter(MilestoneRow::late).count();
    int reached = (int) all.stream().filter(ProgressReportGenerator::reached).count();
    List<ProgressNarrativeService.NarrativeRow> actions = whole ? everyAction(told) : narratives.ofYear(grant, year);
    for (ProgressNarrativeService.NarrativeRow a : actions) {
      t.section(Messages.get(l, "progress.report.action", a.actionCode(), a.actionTitle()), figureColumns);
      Figure c = cumulated.get(a.actionId());
      Figure y = ofYear.get(a.actionId());
      if (c != null || y != null) {
        t.row(Messages.get(l, "progress.report.consumption"), figureValues(y, c, l), c == null ? null : share(c));
      } else {
        t.row(Messages.get(l, "progress.report.noFigure"), List.of());
      }
      List<MilestoneRow> ms = all.stream().filter(m -> a.actionId().equals(m.actionId())).toList();
      t.row(Messages.get(l, "progress.report.milestones", ms.size(), ms.stream().filter(ProgressReportGenerator::reached).count(), ms.stream().filter(MilestoneRow::late).count()),
          List.of());
      for (MilestoneRow m : ms) {
        t.row((m.late() ? "⚠ " : "") + m.code() + " — " + m.title(), List.of(Dates.format(m.baselineDate(), l), m.forecastDate() == null ? "" : Dates.format(m.forecastDate(), l),
            Messages.get(l, "milestone.status." + m.status().name()), Messages.get(l, m.late() ? "progress.report.late" : m.slipping() ? "progress.report.slipping" : "progress.report.onTime")));
        List<String> files = evidence.getOrDefault(m.id(), List.of());
        t.text("", Messages.get(l, "progress.report.evidence", files.isEmpty() ? Messages.get(l, "progress.report.evidence.none") : String.join(", ", files)));
      }
      for (DeliverableRow d : dels.stream().filter(d -> a.actionId().equals(d.actionId())).toList()) {
        t.row((d.late() ? "⚠ " : "") + Messages.get(l, "progress.report.deliverable", d.code(), d.title()), List.of(Dates.format(d.dueDate(), l),
            d.submittedOn() == null ? "" : Dates.format(d.submittedOn(), l), Messages.get(l, "deliverable.status." + d.status().name()), d.fileName() == null ? "" : d.fileName()));
      }
      for (ProgressNarrativeService.NarrativeRow n : told.stream().filter(n -> a.actionId().equals(n.actionId())).toList()) {
        String suffix = whole ? " " + n.year() : "";
        if (n.version() == null) {
          if (!whole) t.text(Messages.get(l, "progress.report.narrative") + suffix, Messages.get(l, "progress.report.narrative.none"));
          continue;
        }
        t.text(Messages.get(l, "progress.report.narrative") + suffix, n.progress());
        t.text(Messages.get(l, "progress.report.gaps") + suffix, n.gaps());
      }
    }
    List<DecisionSummary> decisions = copil.decisions().stream().filter(d -> within(d.heldOn(), from, to)).toList();
    t.section(Messages.get(l, "progress.report.decisions", Dates.format(from, l), Dates.format(to, l)), List.of(Messages.get(l, "progress.report.outcome")));
    if (decisions.isEmpty()) t.row(Messages.get(l, "progress.report.decisions.none"), List.of());
    decisions.forEach(d -> {
      t.row(d.citation(), List.of(d.outcome() == null ? "" : Messages.get(l, "decisionOutcome." + d.outcome().name())));
      t.text("", d.summary());
    });
    if (closing) {
      out.addAll(t.rows());
      return new Summary(total, all.size(), reached, late, actions.size());
    }
    SchoolYear sy = schoolYear(to);
    List<IndicatorRow> table = indicators.table(sy);
    t.section(Messages.get(l, "progress.report.indicators", sy.label()), List.of(Messages.get(l, "progress.report.indicatorColumns").split("\\|")));
    if (table.isEmpty()) t.row(Messages.get(l, "progress.report.indicators.none"), List.of());
    table.forEach(i -> t.row(i.code() + " — " + i.label(), List.of(quantity(i.target(), l), quantity(i.value(), l), Money.percent(i.achievement(), l),
        Messages.get(l, i.reached() ? "progress.report.reached" : i.value() == null ? "progress.report.noValue" : "progress.report.notReached")),
        i.achievement() == null ? null : i.achievement().doubleValue() / 100));
    t.section(Messages.get(l, "progress.report.next", String.valueOf(year + 1)), List.of(Messages.get(l, "progress.report.nextPlanned", String.valueOf(year + 1))));
    boolean any = false;
    for (ProgressNarrativeService.NarrativeRow a : actions) {
      Figure n = nextYear.get(a.actionId());
      String plan = told.stream().filter(x -> a.actionId().equals(x.actionId()) && x.year() == year).map(ProgressNarrativeService.NarrativeRow::nextPlan).filter(java.util.Objects::nonNull).findFirst().orElse(null);
      if (n == null && plan == null) continue;
      any = true;
      t.row(a.actionCode() + " — " + a.actionTitle(), List.of(n == null ? "" : Money.format(n.planned(), l)));
      if (plan != null) t.text("", plan);
    }
    if (!any) t.row(Messages.get(l, "progress.report.next.none"), List.of());
    out.addAll(t.rows());
    return new Summary(total, all.size(), reached, late, actions.size());
  }

  /** Over the whole grant: every action met in one of its years (not only those of the last year), in code order. */
  private static List<ProgressNarrativeService.NarrativeRow> everyAction(List<ProgressNarrativeService.NarrativeRow> told) {
    Map<Long, ProgressNarrativeService.NarrativeRow> first = new java.util.LinkedHashMap<>();
    told.forEach(n -> first.putIfAbsent(n.actionId(), n));
    return first.values().stream().sorted(java.util.Comparator.comparing(ProgressNarrativeService.NarrativeRow::actionCode)).toList();
  }

  private static List<String> figureValues(Figure year, Figure cumulated, Locale l) {
    return List.of(year == null ? "" : Money.format(year.planned(), l), year == null ? "" : Money.format(year.paid(), l), year == null ? "" : Money.percent(year.consumptionRate(), l),
        cumulated == null ? "" : Money.format(cumulated.planned(), l), cumulated == null ? "" : Money.format(cumulated.paid(), l),
        cumulated == null ? "" : Money.percent(cumulated.consumptionRate(), l));
  }

  private static Double share(Figure f) {
    return f.planned().signum() == 0 ? null : f.paid().doubleValue() / f.planned().doubleValue();
  }

  private static String quantity(BigDecimal b, Locale l) {
    return b == null ? "" : Money.quantity(b, l);
  }

  private static boolean within(LocalDate d, LocalDate from, LocalDate to) {
    return d != null && !d.isBefore(from) && !d.isAfter(to);
  }
}
