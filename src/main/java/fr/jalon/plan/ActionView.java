package fr.jalon.plan;

import fr.jalon.execution.ExecutionFigures;
import fr.jalon.execution.ExecutionFigures.Axis;
import fr.jalon.execution.ExecutionFigures.Scope;
import fr.jalon.execution.Figure;
import fr.jalon.plan.PlanRecords.ActionRow;
import fr.jalon.platform.Dates;
import fr.jalon.platform.Faces;
import fr.jalon.platform.Money;
import fr.jalon.platform.NotFoundException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One action's page: what it is, and its budget execution — planned (approved budget in force),
 * committed, paid, still to pay, available — for the action with its sub-actions, per category and
 * per year, over-budget lines marked. Three aggregate queries per view.
 */
@Named
@ViewScoped
public class ActionView implements Serializable {
  @Inject ActionService actions;
  @Inject ExecutionFigures figures;

  private Long id;
  private ActionRow action;
  private List<ActionRow> children;
  private Figure total;
  private List<Figure> byCategory;
  private List<Figure> byYear;

  public void load() {
    List<ActionRow> all = actions.list();
    action = id == null ? null : all.stream().filter(a -> a.id().equals(id)).findFirst().orElse(null);
    if (action == null) {
      throw new NotFoundException(Faces.text("execution.action.unknown"));
    }
    children = all.stream().filter(a -> id.equals(a.parentId())).toList();
    // The action with all its sub-actions: their ids, then one query per roll-up over them.
    Set<Long> subtree = new HashSet<>(Set.of(id));
    java.util.Map<Long, Long> parents = new java.util.HashMap<>();
    all.forEach(a -> parents.put(a.id(), a.parentId()));
    for (ActionRow a : all) {
      for (Long p = a.parentId(); p != null; p = parents.get(p)) {
        if (p.equals(id)) {
          subtree.add(a.id());
          break;
        }
      }
    }
    List<Figure> perCategory = figures.figures(Scope.all(), EnumSet.of(Axis.ACTION, Axis.CATEGORY)).stream().filter(f -> subtree.contains(f.actionId())).toList();
    List<Figure> perYear = figures.figures(Scope.all(), EnumSet.of(Axis.ACTION, Axis.YEAR)).stream().filter(f -> subtree.contains(f.actionId())).toList();
    byCategory = roll(perCategory, true);
    byYear = roll(perYear, false);
    total = sum(perCategory, null, null, null);
  }

  /** Sums the action × category (or action × year) figures of the subtree per category or per year. */
  private static List<Figure> roll(List<Figure> perAction, boolean byCategory) {
    java.util.Map<Object, List<Figure>> groups = new java.util.LinkedHashMap<>();
    for (Figure f : perAction) {
      groups.computeIfAbsent(byCategory ? (Object) f.categoryId() : (Object) f.year(), k -> new java.util.ArrayList<>()).add(f);
    }
    java.util.stream.Stream<java.util.Map.Entry<Object, List<Figure>>> entries = groups.entrySet().stream();
    if (!byCategory) {
      entries = entries.sorted(java.util.Comparator.comparing(e -> (Integer) e.getKey()));
    }
    return entries.map(e -> {
      Figure first = e.getValue().get(0);
      return byCategory ? sum(e.getValue(), first.categoryId(), first.categoryCode(), null) : sum(e.getValue(), null, null, first.year());
    }).toList();
  }

  private static Figure sum(List<Figure> figures, Long categoryId, String categoryCode, Integer year) {
    BigDecimal[] s = {zero(), zero(), zero(), zero(), zero()};
    for (Figure f : figures) {
      s[0] = s[0].add(f.planned());
      s[1] = s[1].add(f.committed());
      s[2] = s[2].add(f.paid());
      s[3] = s[3].add(f.declared());
      s[4] = s[4].add(f.accepted());
    }
    return new Figure(null, null, categoryId, categoryCode, null, null, year, s[0], s[1], s[2], s[3], s[4]);
  }

  private static BigDecimal zero() {
    return BigDecimal.ZERO.setScale(2);
  }

  public String money(BigDecimal amount) {
    return Money.format(amount, Faces.locale());
  }

  public String percent(BigDecimal rate) {
    return rate == null ? "—" : rate.toPlainString().replace('.', Faces.locale().getLanguage().equals("fr") ? ',' : '.') + " %";
  }

  public String date(LocalDate d) {
    return Dates.format(d, Faces.locale());
  }

  public Long getId() { return id; }
  public void setId(Long id) { this.id = id; }
  public ActionRow getAction() { return action; }
  public List<ActionRow> getChildren() { return children; }
  public Figure getTotal() { return total; }
  public List<Figure> getByCategory() { return byCategory; }
  public List<Figure> getByYear() { return byYear; }
}
