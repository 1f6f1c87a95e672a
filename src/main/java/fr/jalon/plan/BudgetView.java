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

  private Long versionId;
  private Grid grid;
  private List<VersionRow> versions;
  private Long newActionId, newCategoryId, newSourceId;

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

  public List<VersionRow> getVersions() {
    if (versions == null) {
      versions = budget.versions();
    }
    return versions;
  }

  /** Saves one cell (its new value is already in the row) and updates the totals around it. */
  public void cellChanged(GridGroup group, GridRow row, int column) {
    int year = grid.years().get(column);
    try {
      budget.putCells(versionId, List.of(new CellChange(row.actionId(), row.categoryId(), row.sourceId(), year, row.amounts()[column])));
      row.amounts()[column] = row.amounts()[column].setScale(2);
      GridBuilder.recompute(group);
      GridBuilder.recomputeTotals(grid);
    } catch (RuntimeException e) {
      grid = null; // back to what is saved
      Faces.show(e, "budgetForm");
    }
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

  public void removeRow(GridRow row) {
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

  public List<PlanRecords.ActionRow> getActions() {
    return actions.list().stream().filter(a -> !a.closed()).toList();
  }

  public List<CategoryRow> getCategories() {
    return budget.typedCategories();
  }

  public List<Source> getSources() {
    return budget.sources();
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
