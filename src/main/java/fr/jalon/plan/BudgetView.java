package fr.jalon.plan;

import fr.jalon.plan.PlanRecords.CategoryRow;
import fr.jalon.plan.PlanRecords.CellChange;
import fr.jalon.plan.PlanRecords.Grid;
import fr.jalon.plan.PlanRecords.GridGroup;
import fr.jalon.plan.PlanRecords.GridRow;
import fr.jalon.plan.PlanRecords.RowKey;
import fr.jalon.plan.PlanRecords.Source;
import fr.jalon.plan.PlanRecords.VersionRow;
import fr.jalon.platform.Faces;
import fr.jalon.platform.Money;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;

/**
 * The budget grid: one version at a time, rows grouped by action, one input per year. Each cell
 * edit is saved at once (ajax) and the row, the action's subtotals and the totals are recomputed
 * in memory from the cells shown, so the page never reloads the whole grid for one cell.
 */
@Named
@ViewScoped
public class BudgetView implements Serializable {
  @Inject BudgetService budget;
  @Inject ActionService actions;
  @Inject fr.jalon.execution.ExecutionFigures figures;

  private Long versionId;
  private Grid grid;
  private List<VersionRow> versions;
  private Long newActionId, newCategoryId, newSourceId;
  /** The axis shown (root action id); null shows every action. */
  private Long axis;
  private boolean axisChosen;
  private java.util.Map<Long, Long> rootOf;
  private List<PlanRecords.ActionRow> axes;
  /** Whether the "Réalisé" columns (committed, paid, still to pay, available) are shown. */
  private boolean realised;
  private java.util.Map<String, fr.jalon.execution.Figure> rowFigures;
  private java.util.Map<Long, fr.jalon.execution.Figure> groupFigures;
  private fr.jalon.execution.Figure totalFigure;
  /** Above this many rows the grid opens on one axis at a time, so the page stays quick. */
  static final int ROWS_SHOWN_AT_ONCE = 400;

  @PostConstruct
  void init() {
    String v = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("v");
    try {
      versionId = v == null || v.isBlank() ? null : Long.valueOf(v);
    } catch (NumberFormatException e) {
      versionId = null;
    }
    if (versionId == null) {
      versionId = budget.defaultVersion().map(VersionRow::id).orElse(null);
    }
  }

  public Grid getGrid() {
    if (grid == null && versionId != null) {
      grid = budget.grid(versionId);
    }
    return grid;
  }

  /** The groups of the axis shown, in plan order; the footer keeps the whole version's totals. */
  public List<GridGroup> getVisibleGroups() {
    Grid g = getGrid();
    if (g == null) {
      return List.of();
    }
    if (!axisChosen) {
      axisChosen = true;
      axis = g.lineCount() > ROWS_SHOWN_AT_ONCE && !g.groups().isEmpty() ? roots().get(g.groups().get(0).actionId()) : null;
    }
    if (axis == null) {
      return g.groups();
    }
    return g.groups().stream().filter(x -> axis.equals(roots().get(x.actionId()))).toList();
  }

  private java.util.Map<Long, Long> roots() {
    if (rootOf == null) {
      List<PlanRecords.ActionRow> all = actions.list();
      java.util.Map<Long, Long> parent = new java.util.HashMap<>();
      all.forEach(a -> parent.put(a.id(), a.parentId()));
      rootOf = new java.util.HashMap<>();
      for (PlanRecords.ActionRow a : all) {
        Long r = a.id();
        while (parent.get(r) != null) {
          r = parent.get(r);
        }
        rootOf.put(a.id(), r);
      }
      axes = all.stream().filter(a -> a.parentId() == null).toList();
    }
    return rootOf;
  }

  public List<PlanRecords.ActionRow> getAxes() {
    roots();
    return axes;
  }

  public Long getAxis() {
    getVisibleGroups();
    return axis;
  }

  public void setAxis(Long axis) {
    this.axis = axis;
    this.axisChosen = true;
  }

  public List<VersionRow> getVersions() {
    if (versions == null) {
      versions = budget.versions();
    }
    return versions;
  }

  /**
   * Saves one cell sent by the grid's script (parameters {@code key} = action-category-source,
   * {@code col} = year index, {@code value} as typed) and answers the new totals around it as
   * callback parameters: the page stays plain HTML inputs, light enough for thousands of cells.
   */
  public void saveCell() {
    var params = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
    var callback = org.primefaces.PrimeFaces.current().ajax();
    String key = params.get("key");
    int column;
    try {
      column = Integer.parseInt(params.get("col"));
    } catch (NumberFormatException e) {
      return;
    }
    getGrid();
    GridGroup group = null;
    GridRow row = null;
    for (GridGroup g : grid.groups()) {
      for (GridRow r : g.rows()) {
        if (r.key().equals(key)) {
          group = g;
          row = r;
        }
      }
    }
    if (row == null || column < 0 || column >= grid.years().size()) {
      return;
    }
    AmountConverter converter = new AmountConverter();
    FacesContext context = FacesContext.getCurrentInstance();
    BigDecimal before = row.amounts()[column];
    try {
      BigDecimal amount = converter.getAsObject(context, null, params.get("value"));
      budget.putCells(versionId, List.of(new CellChange(row.actionId(), row.categoryId(), row.sourceId(), grid.years().get(column), amount)));
      row.amounts()[column] = amount.setScale(2);
      GridBuilder.recompute(group);
      GridBuilder.recomputeTotals(grid);
      callback.addCallbackParam("ok", true);
      if (grid.groups().stream().anyMatch(g -> g.rows().stream().anyMatch(GridRow::flatRate))) {
        // Flat-rate overheads (FG) follow the direct costs server-side: show them afresh.
        grid = null;
        callback.addCallbackParam("reload", true);
      }
    } catch (jakarta.faces.convert.ConverterException e) {
      Faces.error(null, e.getFacesMessage().getSummary());
      callback.addCallbackParam("ok", false);
    } catch (RuntimeException e) {
      Faces.show(e, "budgetForm");
      callback.addCallbackParam("ok", false);
    }
    callback.addCallbackParam("cell", converter.getAsString(context, null, row.amounts()[column]));
    callback.addCallbackParam("rowTotal", money(row.total()));
    callback.addCallbackParam("groupYear", money(group.yearTotals()[column]));
    callback.addCallbackParam("groupTotal", money(group.total()));
    callback.addCallbackParam("yearTotal", money(grid.yearTotals()[column]));
    callback.addCallbackParam("grandTotal", money(grid.total()));
    callback.addCallbackParam("group", String.valueOf(group.actionId()));
    callback.addCallbackParam("unchanged", before.compareTo(row.amounts()[column]) == 0);
  }

  /** A cell's value as the input shows it. */
  public String amount(BigDecimal value) {
    return new AmountConverter().getAsString(FacesContext.getCurrentInstance(), null, value);
  }

  public void addRow() {
    try {
      budget.addRow(versionId, new RowKey(newActionId, newCategoryId, newSourceId));
      grid = null;
      Faces.info("budget.saved");
    } catch (RuntimeException e) {
      Faces.show(e, "addRowForm");
    }
  }

  /** Removes the row named by the request parameter {@code key} (action-category-source). */
  public void removeRow() {
    String key = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("key");
    GridRow row = getGrid().groups().stream().flatMap(g -> g.rows().stream()).filter(r -> r.key().equals(key)).findFirst().orElse(null);
    if (row == null) {
      return;
    }
    try {
      budget.removeRow(versionId, new RowKey(row.actionId(), row.categoryId(), row.sourceId()));
      grid = null;
      Faces.info("budget.saved");
    } catch (RuntimeException e) {
      Faces.show(e, "budgetForm");
    }
  }

  public String newRevision() {
    try {
      VersionRow v = budget.createRevision(null);
      return "/plan/budget.xhtml?faces-redirect=true&v=" + v.id();
    } catch (RuntimeException e) {
      Faces.show(e, "budgetForm");
      return null;
    }
  }

  public boolean isMayRevise() {
    return budget.mayEdit() || FacesContext.getCurrentInstance().getExternalContext().isUserInRole("ADMIN");
  }

  public boolean isDraftExists() {
    return getVersions().stream().anyMatch(v -> v.status() == BudgetStatus.DRAFT);
  }

  /** The approved version to compare this one with: the one in force, else the previous number. */
  public Long getCompareWith() {
    return getVersions().stream().filter(v -> v.status() == BudgetStatus.APPROVED && !v.id().equals(versionId)).map(VersionRow::id).findFirst()
        .orElse(getVersions().stream().filter(v -> !v.id().equals(versionId)).map(VersionRow::id).findFirst().orElse(null));
  }

  private List<PlanRecords.ActionRow> openActions;
  private List<CategoryRow> typedCategories;
  private List<Source> sources;

  /** The actions a new row may go to: the open ones. */
  public List<PlanRecords.ActionRow> getActions() {
    if (openActions == null) {
      openActions = actions.list().stream().filter(a -> !a.closed()).toList();
    }
    return openActions;
  }

  /** The categories a person types (FG, flat rate, is computed). */
  public List<CategoryRow> getCategories() {
    if (typedCategories == null) {
      typedCategories = budget.typedCategories();
    }
    return typedCategories;
  }

  public List<Source> getSources() {
    if (sources == null) {
      sources = budget.sources();
    }
    return sources;
  }

  public boolean isRealised() {
    return realised;
  }

  public void setRealised(boolean realised) {
    this.realised = realised;
  }

  /**
   * Committed and paid of each row, each action and the whole grant: three aggregate queries over
   * the maintained totals, read once per view and only when the columns are shown.
   */
  private void readFigures() {
    if (rowFigures != null) {
      return;
    }
    var none = fr.jalon.execution.ExecutionFigures.Scope.all();
    rowFigures = new java.util.HashMap<>();
    for (var f : figures.against(versionId, none, java.util.EnumSet.of(fr.jalon.execution.ExecutionFigures.Axis.ACTION,
        fr.jalon.execution.ExecutionFigures.Axis.CATEGORY, fr.jalon.execution.ExecutionFigures.Axis.SOURCE))) {
      rowFigures.put(f.actionId() + "-" + f.categoryId() + "-" + f.sourceId(), f);
    }
    groupFigures = new java.util.HashMap<>();
    for (var f : figures.against(versionId, none, java.util.EnumSet.of(fr.jalon.execution.ExecutionFigures.Axis.ACTION))) {
      groupFigures.put(f.actionId(), f);
    }
    totalFigure = figures.against(versionId, none, java.util.EnumSet.noneOf(fr.jalon.execution.ExecutionFigures.Axis.class)).get(0);
  }

  /** Committed of a row (action × category × source, every year). */
  public BigDecimal committed(GridRow r) {
    readFigures();
    var f = rowFigures.get(r.key());
    return f == null ? BigDecimal.ZERO.setScale(2) : f.committed();
  }

  public BigDecimal paid(GridRow r) {
    readFigures();
    var f = rowFigures.get(r.key());
    return f == null ? BigDecimal.ZERO.setScale(2) : f.paid();
  }

  public BigDecimal groupCommitted(GridGroup g) {
    readFigures();
    var f = groupFigures.get(g.actionId());
    return f == null ? BigDecimal.ZERO.setScale(2) : f.committed();
  }

  public BigDecimal groupPaid(GridGroup g) {
    readFigures();
    var f = groupFigures.get(g.actionId());
    return f == null ? BigDecimal.ZERO.setScale(2) : f.paid();
  }

  public BigDecimal getTotalCommitted() {
    readFigures();
    return totalFigure.committed();
  }

  public BigDecimal getTotalPaid() {
    readFigures();
    return totalFigure.paid();
  }

  /** Over budget: committed above what the grid plans. */
  public boolean over(BigDecimal planned, BigDecimal committed) {
    return committed.compareTo(planned) > 0;
  }

  public String money(BigDecimal amount) {
    return Money.format(amount, Faces.locale());
  }

  public String status(VersionRow v) {
    return Faces.text("budget.status." + v.status().name());
  }

  public Long getVersionId() { return versionId; }
  public Long getNewActionId() { return newActionId; }
  public void setNewActionId(Long v) { newActionId = v; }
  public Long getNewCategoryId() { return newCategoryId; }
  public void setNewCategoryId(Long v) { newCategoryId = v; }
  public Long getNewSourceId() { return newSourceId; }
  public void setNewSourceId(Long v) { newSourceId = v; }
}
