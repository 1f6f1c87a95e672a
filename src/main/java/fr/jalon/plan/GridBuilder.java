package fr.jalon.plan;

import fr.jalon.plan.PlanRecords.ActionRow;
import fr.jalon.plan.PlanRecords.CategoryRow;
import fr.jalon.plan.PlanRecords.Cell;
import fr.jalon.plan.PlanRecords.Grid;
import fr.jalon.plan.PlanRecords.GridGroup;
import fr.jalon.plan.PlanRecords.GridRow;
import fr.jalon.plan.PlanRecords.Source;
import fr.jalon.plan.PlanRecords.VersionRow;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lays a version's cells out as the grid: one row per action × category × source, one column per
 * year, grouped by action in plan order, with subtotals and totals. Plain Java over the projection,
 * so its cost grows with the cells, and every total is the sum of the cells shown.
 */
public final class GridBuilder {
  private GridBuilder() {}

  public static Grid build(VersionRow version, List<Integer> years, List<ActionRow> actions, List<CategoryRow> categories, List<Source> sources, List<Cell> cells,
      boolean editable) {
    Map<Integer, Integer> column = new HashMap<>();
    for (int i = 0; i < years.size(); i++) {
      column.put(years.get(i), i);
    }
    Map<Long, ActionRow> actionById = new HashMap<>();
    Map<Long, Integer> actionOrder = new HashMap<>();
    for (int i = 0; i < actions.size(); i++) {
      actionById.put(actions.get(i).id(), actions.get(i));
      actionOrder.put(actions.get(i).id(), i);
    }
    Map<Long, CategoryRow> categoryById = new HashMap<>();
    Map<Long, Integer> categoryOrder = new HashMap<>();
    for (int i = 0; i < categories.size(); i++) {
      categoryById.put(categories.get(i).id(), categories.get(i));
      categoryOrder.put(categories.get(i).id(), i);
    }
    Map<Long, Source> sourceById = new HashMap<>();
    Map<Long, Integer> sourceOrder = new HashMap<>();
    for (int i = 0; i < sources.size(); i++) {
      sourceById.put(sources.get(i).id(), sources.get(i));
      sourceOrder.put(sources.get(i).id(), i);
    }
    Map<String, GridRow> rows = new HashMap<>();
    for (Cell c : cells) {
      Integer col = column.get(c.year());
      if (col == null) {
        continue; // a year outside the grant's dates (the dates changed): not shown, still stored
      }
      String key = c.actionId() + "-" + c.categoryId() + "-" + c.sourceId();
      GridRow row = rows.computeIfAbsent(key, k -> {
        ActionRow a = actionById.get(c.actionId());
        CategoryRow cat = categoryById.get(c.categoryId());
        Source s = sourceById.get(c.sourceId());
        return new GridRow(c.actionId(), a.code(), c.categoryId(), cat.code(), cat.label(), cat.flatRate(), c.sourceId(), s == null ? "?" : s.label(),
            zeros(years.size()), zeros(1));
      });
      row.amounts()[col] = row.amounts()[col].add(c.amount());
    }
    List<GridRow> ordered = new ArrayList<>(rows.values());
    ordered.sort(Comparator.<GridRow>comparingInt(r -> actionOrder.getOrDefault(r.actionId(), Integer.MAX_VALUE))
        .thenComparingInt(r -> categoryOrder.getOrDefault(r.categoryId(), Integer.MAX_VALUE))
        .thenComparingInt(r -> sourceOrder.getOrDefault(r.sourceId(), Integer.MAX_VALUE)));
    Map<Long, List<GridRow>> byAction = new LinkedHashMap<>();
    ordered.forEach(r -> byAction.computeIfAbsent(r.actionId(), k -> new ArrayList<>()).add(r));
    List<GridGroup> groups = new ArrayList<>();
    BigDecimal[] yearTotals = zeros(years.size());
    BigDecimal[] grand = zeros(1);
    for (Map.Entry<Long, List<GridRow>> e : byAction.entrySet()) {
      ActionRow a = actionById.get(e.getKey());
      GridGroup g = new GridGroup(a.id(), a.code(), a.title(), e.getValue(), zeros(years.size()), zeros(1));
      recompute(g);
      groups.add(g);
    }
    Grid grid = new Grid(version, years, groups, yearTotals, grand, editable);
    recomputeTotals(grid);
    return grid;
  }

  /** Row totals and the group's subtotals from its rows' cells. */
  public static void recompute(GridGroup g) {
    java.util.Arrays.fill(g.yearTotals(), BigDecimal.ZERO.setScale(2));
    g.sum()[0] = BigDecimal.ZERO.setScale(2);
    for (GridRow r : g.rows()) {
      r.sum()[0] = BigDecimal.ZERO.setScale(2);
      for (int i = 0; i < r.amounts().length; i++) {
        r.sum()[0] = r.sum()[0].add(r.amounts()[i]);
        g.yearTotals()[i] = g.yearTotals()[i].add(r.amounts()[i]);
      }
      g.sum()[0] = g.sum()[0].add(r.sum()[0]);
    }
  }

  /** The grid's year totals and grand total from its groups' subtotals. */
  public static void recomputeTotals(Grid grid) {
    java.util.Arrays.fill(grid.yearTotals(), BigDecimal.ZERO.setScale(2));
    grid.sum()[0] = BigDecimal.ZERO.setScale(2);
    for (GridGroup g : grid.groups()) {
      for (int i = 0; i < g.yearTotals().length; i++) {
        grid.yearTotals()[i] = grid.yearTotals()[i].add(g.yearTotals()[i]);
      }
      grid.sum()[0] = grid.sum()[0].add(g.sum()[0]);
    }
  }

  static BigDecimal[] zeros(int n) {
    BigDecimal[] a = new BigDecimal[n];
    java.util.Arrays.fill(a, BigDecimal.ZERO.setScale(2));
    return a;
  }
}
