package fr.jalon.dashboard;

import fr.jalon.grant.ParameterValues;
import fr.jalon.grant.ReportingPeriod;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * When the reports are due: for each report type and each of its periods inside the grant, the due
 * date is the period's end plus the grant's report delay in force on that day (rule 13). A report
 * due within 30 days is flagged D-30, within 7 days D-7, past its due date and not submitted LATE.
 *
 * <p>Whether a period's report has been submitted is asked of {@code submitted} (type, period end):
 * the report archive answers it once it tracks submissions; until then nothing counts as submitted,
 * so only the latest past period of each type is listed (as late), never the whole history.
 */
public final class ReportCalendar {
  /** The reports with a rhythm (DESIGN.md §2); the ERD and progress report follow the grant's reporting period. */
  public enum ReportType {
    ERD,
    PROGRESS,
    BUDGET_EXECUTION,
    INDICATORS
  }

  public enum Warning {
    LATE,
    D7,
    D30,
    LATER
  }

  /** One report to deliver: its type, its period, its due date and how close it is. */
  public record DueReport(ReportType type, LocalDate periodStart, LocalDate periodEnd, LocalDate dueDate, long daysLeft, Warning warning) {}

  private final LocalDate grantStart;
  private final LocalDate grantEnd;
  private final Function<LocalDate, ParameterValues> parametersOn;

  /** {@code parametersOn}: the grant's parameters in force on a day (its reporting period and report delay). */
  public ReportCalendar(LocalDate grantStart, LocalDate grantEnd, Function<LocalDate, ParameterValues> parametersOn) {
    this.grantStart = grantStart;
    this.grantEnd = grantEnd;
    this.parametersOn = parametersOn;
  }

  /** How close a due date is, on {@code today}: D-7 includes the due day itself; the day after, late. */
  public static Warning warning(LocalDate dueDate, LocalDate today) {
    long days = ChronoUnit.DAYS.between(today, dueDate);
    if (days < 0) {
      return Warning.LATE;
    }
    return days <= 7 ? Warning.D7 : days <= 30 ? Warning.D30 : Warning.LATER;
  }

  /** Every period of {@code type} inside the grant, with its due date, in order. */
  public List<DueReport> periods(ReportType type, LocalDate today) {
    List<DueReport> result = new ArrayList<>();
    LocalDate start = grantStart;
    while (!start.isAfter(grantEnd)) {
      LocalDate end = periodEnd(type, start);
      if (end.isAfter(grantEnd)) {
        end = grantEnd;
      }
      Integer delay = parametersOn.apply(end).reportDueDays();
      LocalDate due = end.plusDays(delay == null ? 60 : delay);
      result.add(new DueReport(type, start, end, due, ChronoUnit.DAYS.between(today, due), warning(due, today)));
      start = end.plusDays(1);
    }
    return result;
  }

  /**
   * What the board watches on {@code today}: per type, the periods past due and not submitted (the
   * three most recent; only the latest one while nothing tracks submissions) and the next one due; late first, then by due date.
   */
  static final int LATE_SHOWN = 3;

  public List<DueReport> next(LocalDate today, BiPredicate<ReportType, LocalDate> submitted, boolean submissionsTracked) {
    List<DueReport> result = new ArrayList<>();
    for (ReportType type : ReportType.values()) {
      List<DueReport> all = periods(type, today);
      List<DueReport> late = all.stream().filter(d -> d.warning() == Warning.LATE && !submitted.test(type, d.periodEnd())).toList();
      if (submissionsTracked) {
        // The three most recent: a grant adopted mid-way has years of periods never sent through Jalon.
        result.addAll(late.subList(Math.max(0, late.size() - LATE_SHOWN), late.size()));
      } else if (!late.isEmpty()) {
        result.add(late.get(late.size() - 1));
      }
      all.stream().filter(d -> d.warning() != Warning.LATE).findFirst().ifPresent(result::add);
    }
    result.sort(Comparator.comparing(DueReport::dueDate).thenComparing(DueReport::type));
    return result;
  }

  private LocalDate periodEnd(ReportType type, LocalDate start) {
    return switch (type) {
      case BUDGET_EXECUTION -> quarterEnd(start);
      case INDICATORS -> start.getMonthValue() >= 9 ? LocalDate.of(start.getYear() + 1, 8, 31) : LocalDate.of(start.getYear(), 8, 31);
      case ERD, PROGRESS -> switch (reportingPeriod(start)) {
        case YEAR -> LocalDate.of(start.getYear(), 12, 31);
        case SEMESTER -> start.getMonthValue() <= 6 ? LocalDate.of(start.getYear(), 6, 30) : LocalDate.of(start.getYear(), 12, 31);
        case QUARTER -> quarterEnd(start);
      };
    };
  }

  private ReportingPeriod reportingPeriod(LocalDate day) {
    ReportingPeriod p = parametersOn.apply(day).reportingPeriod();
    return p == null ? ReportingPeriod.YEAR : p;
  }

  private static LocalDate quarterEnd(LocalDate day) {
    int lastMonth = ((day.getMonthValue() - 1) / 3 + 1) * 3;
    return LocalDate.of(day.getYear(), lastMonth, 1).plusMonths(1).minusDays(1);
  }
}
