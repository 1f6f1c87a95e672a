package fr.jalon.dashboard;

import fr.jalon.dashboard.Dashboard.Figures;
import fr.jalon.dashboard.Dashboard.LineFigures;
import fr.jalon.dashboard.Dashboard.YearFigures;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * Adds the budget-vs-actual cells up by year, by category, by action and in total. Plain code on
 * the cells the database summed: the totals are the sums of their lines by construction.
 */
public final class DashboardFigures {
  private DashboardFigures() {}

  /** A category or an action as labelled on the dashboard. */
  public record Label(Long id, String code, String label) {}

  public static Figures total(List<ExpenseFigures.Cell> cells) {
    return sum(cells);
  }

  /** Every year of the grant, with the money received that year. */
  public static List<YearFigures> years(List<ExpenseFigures.Cell> cells, List<Integer> years, Map<Integer, BigDecimal> received) {
    List<YearFigures> result = new ArrayList<>();
    for (int y : years) {
      Figures f = sum(cells.stream().filter(c -> c.year() == y).toList());
      result.add(new YearFigures(y, f.planned(), f.committed(), f.paid(), received.getOrDefault(y, zero())));
    }
    return result;
  }

  /** One line per label in its order; with {@code skipEmpty}, lines with nothing planned nor committed are left out. */
  public static List<LineFigures> lines(List<ExpenseFigures.Cell> cells, List<Label> labels, ToLongFunction<ExpenseFigures.Cell> key, boolean skipEmpty) {
    List<LineFigures> result = new ArrayList<>();
    for (Label l : labels) {
      Figures f = sum(cells.stream().filter(c -> key.applyAsLong(c) == l.id()).toList());
      if (skipEmpty && f.planned().signum() == 0 && f.committed().signum() == 0) {
        continue;
      }
      result.add(new LineFigures(l.id(), l.code(), l.label(), f));
    }
    return result;
  }

  private static Figures sum(List<ExpenseFigures.Cell> cells) {
    BigDecimal planned = zero();
    BigDecimal committed = zero();
    BigDecimal paid = zero();
    for (ExpenseFigures.Cell c : cells) {
      planned = planned.add(c.planned());
      committed = committed.add(c.committed());
      paid = paid.add(c.paid());
    }
    return Figures.of(planned, committed, paid);
  }

  private static BigDecimal zero() {
    return BigDecimal.ZERO.setScale(2);
  }
}
