package fr.jalon.plan;

import fr.jalon.plan.PlanRecords.Comparison;
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
import java.util.Map;

/** Two budget versions side by side, per action × category, with the difference. */
@Named
@ViewScoped
public class CompareView implements Serializable {
  @Inject BudgetService budget;

  private Long left, right;
  private Comparison comparison;
  private List<VersionRow> versions;

  @PostConstruct
  void init() {
    Map<String, String> p = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
    left = parse(p.get("left"));
    right = parse(p.get("right"));
    List<VersionRow> all = getVersions();
    if (right == null && !all.isEmpty()) {
      right = all.get(0).id();
    }
    if (left == null && all.size() > 1) {
      left = all.get(1).id();
    }
  }

  private static Long parse(String s) {
    try {
      return s == null || s.isBlank() ? null : Long.valueOf(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  public List<VersionRow> getVersions() {
    if (versions == null) {
      versions = budget.versions();
    }
    return versions;
  }

  public Comparison getComparison() {
    if (comparison == null && left != null && right != null) {
      comparison = budget.compare(left, right);
    }
    return comparison;
  }

  public void refresh() {
    comparison = null;
  }

  public String money(BigDecimal amount) {
    return Money.format(amount, Faces.locale());
  }

  public Long getLeft() { return left; }
  public void setLeft(Long v) { left = v; }
  public Long getRight() { return right; }
  public void setRight(Long v) { right = v; }
}
