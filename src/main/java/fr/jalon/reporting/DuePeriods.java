package fr.jalon.reporting;

import fr.jalon.grant.ParameterValues;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Which periods of a report type Jalon generates by itself on a day. The periods of a rhythm run
 * from the grant's eligibility start to its end (the first and the last cut at those days); a
 * period's due date is its end plus the report delay in force on that end (rule 13, 60 days when
 * unset).
 *
 * <p><b>The rule.</b> On {@code today}, a period is generated once it has ended (its end is before
 * today) and either its due date is today or later, or it is the latest period that has ended. So a
 * first start, or the demo, generates at most the latest ended period of each type (and an earlier
 * one only while it can still be delivered in time), never the whole history.
 */
public final class DuePeriods {
  /** One period of a type, with its due date. */
  public record Period(ReportType type, LocalDate from, LocalDate to, LocalDate due) {}

  private static final int DEFAULT_DELAY = 60;

  private DuePeriods() {}

  /** Every period of {@code rhythm} inside the grant, in order. */
  public static List<Period> all(ReportType type, Rhythm rhythm, LocalDate grantStart, LocalDate grantEnd, Function<LocalDate, ParameterValues> parametersOn) {
    List<Period> result = new ArrayList<>();
    if (rhythm == Rhythm.OFF || grantStart == null || grantEnd == null) {
      return result;
    }
    LocalDate start = grantStart;
    while (!start.isAfter(grantEnd)) {
      LocalDate end = rhythm.periodEnd(start, day -> parametersOn.apply(day).reportingPeriod());
      if (end.isAfter(grantEnd)) {
        end = grantEnd;
      }
      Integer delay = parametersOn.apply(end).reportDueDays();
      result.add(new Period(type, start, end, end.plusDays(delay == null ? DEFAULT_DELAY : delay)));
      start = end.plusDays(1);
    }
    return result;
  }

  /** The periods to generate on {@code today} (see the rule above), oldest first. */
  public static List<Period> toGenerate(ReportType type, Rhythm rhythm, LocalDate grantStart, LocalDate grantEnd, Function<LocalDate, ParameterValues> parametersOn, LocalDate today) {
    List<Period> ended = all(type, rhythm, grantStart, grantEnd, parametersOn).stream().filter(p -> p.to().isBefore(today)).toList();
    List<Period> result = new ArrayList<>();
    for (int i = 0; i < ended.size(); i++) {
      Period p = ended.get(i);
      if (!p.due().isBefore(today) || i == ended.size() - 1) {
        result.add(p);
      }
    }
    return result;
  }
}
