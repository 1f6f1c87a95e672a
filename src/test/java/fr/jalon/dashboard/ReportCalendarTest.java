package fr.jalon.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import fr.jalon.dashboard.ReportCalendar.DueReport;
import fr.jalon.dashboard.ReportCalendar.ReportType;
import fr.jalon.dashboard.ReportCalendar.Warning;
import fr.jalon.grant.ParameterValues;
import fr.jalon.grant.ReportingPeriod;
import fr.jalon.platform.Clocks;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Due dates are the period end plus the grant's report delay; D-30, D-7 and late are measured on the one clock. */
class ReportCalendarTest {
  static final LocalDate START = LocalDate.of(2020, 9, 1);
  static final LocalDate END = LocalDate.of(2030, 8, 31);
  static final LocalDate DELAY_CHANGED = LocalDate.of(2023, 1, 1);

  /** 60 days, then 90 days from 2023 (an amendment, rule 13). */
  static final Function<LocalDate, ParameterValues> PARAMETERS = day -> with(day.isBefore(DELAY_CHANGED) ? 60 : 90, ReportingPeriod.YEAR);

  static ParameterValues with(int delay, ReportingPeriod period) {
    ParameterValues d = ParameterValues.defaults();
    return new ParameterValues(d.maxPiaRate(), d.maxPublicAidRate(), d.minCofundingRatio(), d.advanceCap(), d.interimCap(), d.interimCapLong(), d.longGrantMonths(),
        d.fungibilityThreshold(), d.flatRateOverheads(), d.statutoryStaffEligible(), d.procurementThreshold(), d.separatePaymentOrder(), d.finalPaymentGraceDays(),
        delay, period);
  }

  /** "Today" as the moved clock says it, at noon in Paris. */
  static LocalDate today(String day) {
    Clock clock = Clock.fixed(LocalDate.parse(day).atTime(12, 0).toInstant(ZoneOffset.ofHours(1)), Clocks.PARIS);
    return LocalDate.now(clock);
  }

  final ReportCalendar calendar = new ReportCalendar(START, END, PARAMETERS);

  @Test
  void theYearlyStatementIsDueSixtyDaysAfterTheYearEndsAndTheFirstYearStartsWithTheGrant() {
    DueReport first = calendar.periods(ReportType.ERD, today("2021-01-01")).get(0);
    assertThat(first.periodStart()).isEqualTo(START);
    assertThat(first.periodEnd()).isEqualTo(LocalDate.of(2020, 12, 31));
    assertThat(first.dueDate()).isEqualTo(LocalDate.of(2021, 3, 1));
    List<DueReport> all = calendar.periods(ReportType.ERD, today("2021-01-01"));
    assertThat(all).hasSize(11);
    assertThat(all.get(all.size() - 1).periodEnd()).isEqualTo(END);
  }

  @Test
  void aPeriodKeepsTheDelayInForceAtItsEnd() {
    List<DueReport> erd = calendar.periods(ReportType.ERD, today("2024-01-01"));
    assertThat(erd.get(2).periodEnd()).isEqualTo(LocalDate.of(2022, 12, 31));
    assertThat(erd.get(2).dueDate()).isEqualTo(LocalDate.of(2023, 3, 1));
    assertThat(erd.get(3).dueDate()).isEqualTo(LocalDate.of(2023, 12, 31).plusDays(90));
  }

  @Test
  void budgetExecutionIsQuarterlyAndIndicatorsFollowTheSchoolYear() {
    List<DueReport> quarters = calendar.periods(ReportType.BUDGET_EXECUTION, today("2021-01-01"));
    assertThat(quarters.get(0).periodEnd()).isEqualTo(LocalDate.of(2020, 9, 30));
    assertThat(quarters.get(1).periodStart()).isEqualTo(LocalDate.of(2020, 10, 1));
    assertThat(quarters.get(1).periodEnd()).isEqualTo(LocalDate.of(2020, 12, 31));
    assertThat(quarters.get(1).dueDate()).isEqualTo(LocalDate.of(2021, 3, 1));
    List<DueReport> schoolYears = calendar.periods(ReportType.INDICATORS, today("2021-01-01"));
    assertThat(schoolYears).hasSize(10);
    assertThat(schoolYears.get(0).periodEnd()).isEqualTo(LocalDate.of(2021, 8, 31));
    assertThat(schoolYears.get(0).dueDate()).isEqualTo(LocalDate.of(2021, 10, 30));
  }

  @Test
  void theStatementAndProgressReportFollowTheGrantsReportingPeriod() {
    ReportCalendar semesters = new ReportCalendar(START, END, day -> with(60, ReportingPeriod.SEMESTER));
    List<DueReport> progress = semesters.periods(ReportType.PROGRESS, today("2021-01-01"));
    assertThat(progress.get(1).periodStart()).isEqualTo(LocalDate.of(2021, 1, 1));
    assertThat(progress.get(1).periodEnd()).isEqualTo(LocalDate.of(2021, 6, 30));
  }

  @Test
  void warningsSwitchExactlyAtThirtyDaysSevenDaysAndTheDayAfterTheDueDate() {
    LocalDate due = LocalDate.of(2021, 3, 1);
    assertThat(ReportCalendar.warning(due, today("2021-01-29"))).isEqualTo(Warning.LATER);
    assertThat(ReportCalendar.warning(due, today("2021-01-30"))).isEqualTo(Warning.D30);
    assertThat(ReportCalendar.warning(due, today("2021-02-21"))).isEqualTo(Warning.D30);
    assertThat(ReportCalendar.warning(due, today("2021-02-22"))).isEqualTo(Warning.D7);
    assertThat(ReportCalendar.warning(due, today("2021-03-01"))).isEqualTo(Warning.D7);
    assertThat(ReportCalendar.warning(due, today("2021-03-02"))).isEqualTo(Warning.LATE);
  }

  @Test
  void theNextStatementMovesFromD30ToD7ToLateAsTheClockMoves() {
    assertThat(erdOf(calendar.next(today("2021-01-30"), (t, end) -> false, false))).extracting(DueReport::warning).containsExactly(Warning.D30);
    assertThat(erdOf(calendar.next(today("2021-02-22"), (t, end) -> false, false))).extracting(DueReport::warning).containsExactly(Warning.D7);
    List<DueReport> after = erdOf(calendar.next(today("2021-03-02"), (t, end) -> false, false));
    assertThat(after).extracting(DueReport::warning).containsExactly(Warning.LATE, Warning.LATER);
    assertThat(after.get(0).periodEnd()).isEqualTo(LocalDate.of(2020, 12, 31));
    assertThat(after.get(0).daysLeft()).isEqualTo(-1);
  }

  @Test
  void aSubmittedReportIsNoLongerLateAndUntrackedHistoryShowsOnlyTheLatestPastPeriod() {
    LocalDate today = today("2024-06-01");
    List<DueReport> untracked = erdOf(calendar.next(today, (t, end) -> false, false));
    assertThat(untracked).extracting(DueReport::periodEnd).containsExactly(LocalDate.of(2023, 12, 31), LocalDate.of(2024, 12, 31));
    List<DueReport> tracked = erdOf(calendar.next(today, (t, end) -> end.getYear() != 2022, true));
    assertThat(tracked).extracting(DueReport::periodEnd).containsExactly(LocalDate.of(2022, 12, 31), LocalDate.of(2024, 12, 31));
    assertThat(tracked.get(0).warning()).isEqualTo(Warning.LATE);
  }

  private static List<DueReport> erdOf(List<DueReport> due) {
    return due.stream().filter(d -> d.type() == ReportType.ERD).toList();
  }
}
