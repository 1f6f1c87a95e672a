package fr.jalon.dashboard;

import fr.jalon.dashboard.Dashboard.Figures;
import fr.jalon.dashboard.Dashboard.LineFigures;
import fr.jalon.dashboard.Dashboard.YearFigures;
import fr.jalon.execution.ExecutionFigures;
import fr.jalon.execution.ExecutionFigures.Axis;
import fr.jalon.execution.Figure;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Set;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * Adds the budget execution cells (year × category × action, from {@link ExecutionFigures}) up by
 * year, by category, by action and in total. Plain code on the cells the database summed: the
 * totals are the sums of their lines by construction, and one query serves the whole dashboard.
 */
public final class DashboardFigures {
  private DashboardFigures() {}

  /** The axes of the one query: every cell is one action × category × year. */
  public static final Set<Axis> AXES = EnumSet.of(Axis.ACTION, Axis.CATEGORY, Axis.YEAR);

  /** One cell: the year, the category and the action, with its figures. */
  public record Cell(int year, long categoryId, long actionId, BigDecimal planned, BigDecimal committed, BigDecimal paid, BigDecimal declared,
      BigDecimal accepted) {}

  /** The cells of {@code figures} grouped on {@link #AXES}. */
  public static List<Cell> cells(List<Figure> figures) {
    return figures.stream()
        .map(f -> new Cell(f.year(), f.categoryId(), f.actionId(), f.planned(), f.committed(), f.paid(), f.declared(), f.accepted()))
        .toList();
  }

  /** A category or an action as labelled on the dashboard. */
  public record Label(Long id, String code, String label) {}

  public static Figures total(List<Cell> cells) {
    return sum(cells);
  }

  /** Every year of the grant, with the money received that year. */
  public static List<YearFigures> years(List<Cell> cells, List<Integer> years, Map<Integer, BigDecimal> received) {
    List<YearFigures> result = new ArrayList<>();
    for (int y : years) {
      Figures f = sum(cells.stream().filter(c -> c.year() == y).toList());
      result.add(new YearFigures(y, f.planned(), f.committed(), f.paid(), received.getOrDefault(y, zero())));
    }
    return result;
  }

  /** One line per label in its order; with {@code skipEmpty}, lines with nothing planned nor committed are left out. */
  public static List<LineFigures> lines(List<Cell> cells, List<Label> labels, ToLongFunction<Cell> key, boolean skipEmpty) {
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

  private static Figures sum(List<Cell> cells) {
    BigDecimal planned = zero();
    BigDecimal committed = zero();
    BigDecimal paid = zero();
    BigDecimal declared = zero();
    BigDecimal accepted = zero();
    for (Cell c : cells) {
      planned = planned.add(c.planned());
      committed = committed.add(c.committed());
      paid = paid.add(c.paid());
      declared = declared.add(c.declared());
      accepted = accepted.add(c.accepted());
    }
    return Figures.of(planned, committed, paid, declared, accepted);
  }

  private static BigDecimal zero() {
    return BigDecimal.ZERO.setScale(2);
  }
}
