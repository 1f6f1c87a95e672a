package fr.jalon.plan;

import fr.jalon.plan.PlanRecords.CategoryForm;
import fr.jalon.plan.PlanRecords.CategoryRow;
import fr.jalon.platform.Faces;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** Cost categories: everyone reads them, the administrator edits code, label, eligibility and account prefixes. */
@Named
@ViewScoped
public class CategoriesView implements Serializable {
  @Inject CategoryService categories;

  private List<CategoryRow> list;
  private Long editingId;
  private String code, label, accountPrefixes;
  private boolean eligible = true;
  private Integer version;

  public List<CategoryRow> getList() {
    if (list == null) {
      list = categories.list();
    }
    return list;
  }

  public void add() {
    editingId = null;
    code = label = accountPrefixes = null;
    eligible = true;
    version = null;
  }

  public void edit(CategoryRow c) {
    editingId = c.id();
    code = c.code();
    label = c.label();
    accountPrefixes = c.accountPrefixes();
    eligible = c.eligible();
    version = c.version();
  }

  public void save() {
    try {
      CategoryForm form = new CategoryForm(code, label, eligible, accountPrefixes, version);
      if (editingId == null) {
        categories.create(form);
      } else {
        categories.update(editingId, form);
      }
      list = null;
      Faces.info("category.saved");
    } catch (RuntimeException e) {
      Faces.show(e, "categoryForm");
    }
  }

  public String getCode() { return code; }
  public void setCode(String v) { code = v; }
  public String getLabel() { return label; }
  public void setLabel(String v) { label = v; }
  public String getAccountPrefixes() { return accountPrefixes; }
  public void setAccountPrefixes(String v) { accountPrefixes = v; }
  public boolean isEligible() { return eligible; }
  public void setEligible(boolean v) { eligible = v; }
}
