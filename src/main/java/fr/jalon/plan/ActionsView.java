package fr.jalon.plan;

import fr.jalon.grant.GrantService;
import fr.jalon.plan.PlanRecords.ActionForm;
import fr.jalon.plan.PlanRecords.ActionRow;
import fr.jalon.platform.Dates;
import fr.jalon.platform.Faces;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.primefaces.model.DefaultTreeNode;
import org.primefaces.model.TreeNode;

/** The action plan as a tree table, with the project manager's add / edit / close / delete dialogs. */
@Named
@ViewScoped
public class ActionsView implements Serializable {
  @Inject ActionService actions;
  @Inject GrantService grants;
  @Inject fr.jalon.execution.ExecutionFigures figures;

  private TreeNode<ActionRow> root;
  /** Planned, committed, paid of each action with its sub-actions (one aggregate query per view). */
  private Map<Long, java.math.BigDecimal[]> execution;
  private List<Organisation> organisations;

  /** The dialog's state: a new node under {@code parentId}, or the action {@code editingId}. */
  private Long editingId;
  private Long parentId;
  private String parentCode;
  private String code, title, description;
  private Long leadOrganisationId;
  private LocalDate startDate, endDate;
  private Integer version;

  public record Organisation(Long id, String name) implements Serializable {}

  public TreeNode<ActionRow> getRoot() {
    if (root == null) {
      root = new DefaultTreeNode<>(null, null);
      Map<Long, TreeNode<ActionRow>> nodes = new HashMap<>();
      List<ActionRow> all = actions.list();
      for (ActionRow a : all) {
        TreeNode<ActionRow> parent = a.parentId() == null ? root : nodes.getOrDefault(a.parentId(), root);
        TreeNode<ActionRow> node = new DefaultTreeNode<>(a, parent);
        node.setExpanded(true);
        nodes.put(a.id(), node);
      }
      Map<Long, Long> parents = new HashMap<>();
      all.forEach(a -> parents.put(a.id(), a.parentId()));
      execution = new HashMap<>();
      for (fr.jalon.execution.Figure f : figures.byAction()) {
        for (Long id = f.actionId(); id != null; id = parents.get(id)) {
          java.math.BigDecimal[] sums = execution.computeIfAbsent(id, k -> new java.math.BigDecimal[] {zero(), zero(), zero()});
          sums[0] = sums[0].add(f.planned());
          sums[1] = sums[1].add(f.committed());
          sums[2] = sums[2].add(f.paid());
        }
      }
    }
    return root;
  }

  private static java.math.BigDecimal zero() {
    return java.math.BigDecimal.ZERO.setScale(2);
  }

  /** Planned (0), committed (1) or paid (2) of an action with its sub-actions. */
  public java.math.BigDecimal figure(ActionRow a, int which) {
    getRoot();
    java.math.BigDecimal[] sums = execution.get(a.id());
    return sums == null ? zero() : sums[which];
  }

  public boolean overBudget(ActionRow a) {
    return figure(a, 1).compareTo(figure(a, 0)) > 0;
  }

  public String money(java.math.BigDecimal amount) {
    return fr.jalon.platform.Money.format(amount, Faces.locale());
  }

  public List<Organisation> getOrganisations() {
    if (organisations == null) {
      organisations = grants.organisations().stream().map(o -> new Organisation(o.id(), o.name())).toList();
    }
    return organisations;
  }

  public void newAxis() {
    prepare(null, null);
  }

  public void newChild(ActionRow parent) {
    prepare(parent.id(), parent.code());
    code = parent.code() + ".";
    startDate = parent.startDate();
    endDate = parent.endDate();
    leadOrganisationId = parent.leadOrganisationId();
  }

  private void prepare(Long parentId, String parentCode) {
    this.editingId = null;
    this.parentId = parentId;
    this.parentCode = parentCode;
    code = title = description = null;
    leadOrganisationId = null;
    var sheet = grants.current();
    startDate = sheet.eligibilityStart();
    endDate = sheet.endDate();
    version = null;
  }

  public void edit(ActionRow a) {
    editingId = a.id();
    parentId = a.parentId();
    parentCode = null;
    code = a.code();
    title = a.title();
    description = a.description();
    leadOrganisationId = a.leadOrganisationId();
    startDate = a.startDate();
    endDate = a.endDate();
    version = a.version();
  }

  public void save() {
    try {
      ActionForm form = new ActionForm(parentId, code, title, description, leadOrganisationId, startDate, endDate, version, null);
      if (editingId == null) {
        actions.create(form);
      } else {
        actions.update(editingId, form);
      }
      root = null;
      Faces.info("action.saved");
    } catch (RuntimeException e) {
      Faces.show(e, "actionForm");
    }
  }

  public void close(ActionRow a) {
    try {
      actions.close(a.id());
      root = null;
      Faces.info("action.closed.done");
    } catch (RuntimeException e) {
      Faces.show(e, "treeForm");
    }
  }

  public void delete(ActionRow a) {
    try {
      actions.delete(a.id());
      root = null;
      Faces.info("action.deleted");
    } catch (RuntimeException e) {
      Faces.show(e, "treeForm");
    }
  }

  public String date(LocalDate d) {
    return Dates.format(d, Faces.locale());
  }

  public boolean isCreating() {
    return editingId == null;
  }

  public String getParentCode() {
    return parentCode;
  }

  public String getCode() { return code; }
  public void setCode(String v) { code = v; }
  public String getTitle() { return title; }
  public void setTitle(String v) { title = v; }
  public String getDescription() { return description; }
  public void setDescription(String v) { description = v; }
  public Long getLeadOrganisationId() { return leadOrganisationId; }
  public void setLeadOrganisationId(Long v) { leadOrganisationId = v; }
  public LocalDate getStartDate() { return startDate; }
  public void setStartDate(LocalDate v) { startDate = v; }
  public LocalDate getEndDate() { return endDate; }
  public void setEndDate(LocalDate v) { endDate = v; }
}
