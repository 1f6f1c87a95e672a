package fr.jalon.dashboard;

import static fr.jalon.platform.Roles.ADMIN;
import static fr.jalon.platform.Roles.BOARD;
import static fr.jalon.platform.Roles.FINANCE;
import static fr.jalon.platform.Roles.PROJECT_MANAGER;

import fr.jalon.dashboard.Dashboard.CofundingFigures;
import fr.jalon.dashboard.Dashboard.Condition;
import fr.jalon.dashboard.Dashboard.IndicatorFigures;
import fr.jalon.dashboard.Dashboard.IndicatorLine;
import fr.jalon.dashboard.Dashboard.MilestoneFigures;
import fr.jalon.dashboard.Dashboard.ReportDue;
import fr.jalon.dashboard.Dashboard.ReportFigures;
import fr.jalon.dashboard.Dashboard.TrancheFigures;
import fr.jalon.dashboard.Dashboard.TrancheLine;
import fr.jalon.dashboard.DashboardFigures.Label;
import fr.jalon.execution.ExecutionFigures;
import fr.jalon.execution.ExecutionFigures.Scope;
import fr.jalon.grant.CofundingService;
import fr.jalon.grant.CofundingSummary;
import fr.jalon.grant.Grant;
import fr.jalon.grant.GrantService;
import fr.jalon.grant.TrancheOverview;
import fr.jalon.grant.TrancheService;
import fr.jalon.indicator.IndicatorService;
import fr.jalon.indicator.SchoolYear;
import fr.jalon.plan.PlanRepository;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * Reads the board's dashboard: the budget execution figures in one query on the maintained totals,
 * the rest from small aggregates; never an expense loaded. Every role reads it.
 */
@ApplicationScoped
public class DashboardService {
  @Inject GrantService grants;
  @Inject PlanRepository plan;
  @Inject ExecutionFigures execution;
  @Inject DashboardRepository repository;
  @Inject CofundingService cofunding;
  @Inject TrancheService tranches;
  @Inject IndicatorService indicators;
  @Inject Clock clock;
  @Inject @Any Instance<ReportSubmissions> submissions;

  @RolesAllowed({ADMIN, PROJECT_MANAGER, FINANCE, BOARD})
  public Dashboard read(Locale locale) {
    Grant grant = grants.grant();
    long g = grant.id();
    LocalDate today = LocalDate.now(clock);
    List<DashboardFigures.Cell> cells = DashboardFigures.cells(execution.figures(Scope.all(), DashboardFigures.AXES));
    List<Label> categories = plan.categories(g).stream().map(c -> new Label(c.id(), c.code(), c.label())).toList();
    List<Label> actions = plan.actions(g, false).stream().map(a -> new Label(a.id(), a.code(), a.title())).toList();
    List<Dashboard.YearFigures> years = DashboardFigures.years(cells, grant.years(), repository.receivedByYear(g));
    return new Dashboard(
        grant.reference(),
        grant.title(),
        today,
        DashboardFigures.total(cells),
        years.stream().map(Dashboard.YearFigures::received).reduce(java.math.BigDecimal.ZERO.setScale(2), java.math.BigDecimal::add),
        years,
        DashboardFigures.lines(cells, categories, DashboardFigures.Cell::categoryId, false),
        DashboardFigures.lines(cells, actions, DashboardFigures.Cell::actionId, true),
        cofunding(),
        tranches(locale),
        new MilestoneFigures(repository.milestoneCount(g), repository.lateCount(g, today), repository.slippingCount(g), repository.validatedCount(g),
            repository.watched(g, today)),
        reports(grant, today),
        indicators());
  }

  private CofundingFigures cofunding() {
    CofundingSummary s = cofunding.summary();
    return new CofundingFigures(s.plannedEligibleCost(), s.totalCommitted(), s.totalReceived(), s.nonPiaCommitted(), s.inKindCommitted(),
        s.cofundingRatioCommitted(), s.cofundingRatioReceived(), s.minCofundingRatio(), s.cofundingRatioCommittedOk(), s.cofundingRatioReceivedOk());
  }

  private TrancheFigures tranches(Locale locale) {
    TrancheOverview o = tranches.overview(locale);
    return new TrancheFigures(o.maxPiaAmount(), o.piaReceived(), o.spendRatio(), o.tranches().stream()
        .map(t -> new TrancheLine(t.id(), t.number(), t.kind(), t.status(), t.plannedAmount(), t.plannedDate(), t.receivedAmount(), t.receivedOn(),
            t.checks().stream().map(c -> new Condition(c.text(), c.met())).toList()))
        .toList());
  }

  private ReportFigures reports(Grant grant, LocalDate today) {
    ReportCalendar calendar = new ReportCalendar(grant.eligibilityStart(), grant.endDate(), day -> grant.parametersOn(day).values());
    boolean tracked = submissions.isResolvable();
    List<ReportDue> due = calendar.next(today, (type, end) -> tracked && submissions.get().submitted(type, end), tracked).stream()
        .map(d -> new ReportDue(d.type(), d.periodStart(), d.periodEnd(), d.dueDate(), d.daysLeft(), d.warning()))
        .toList();
    return new ReportFigures(due, tracked);
  }

  private IndicatorFigures indicators() {
    SchoolYear year = indicators.latestRecordedSchoolYear();
    return new IndicatorFigures(year.startYear(), year.label(), indicators.table(year).stream()
        .map(r -> new IndicatorLine(r.id(), r.code(), r.label(), r.unit(), r.target(), r.value(), r.achievement(), r.reached()))
        .toList());
  }
}
