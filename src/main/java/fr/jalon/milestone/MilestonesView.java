package fr.jalon.milestone;

import fr.jalon.grant.GrantService;
import fr.jalon.grant.TrancheRow;
import fr.jalon.grant.TrancheService;
import fr.jalon.milestone.MilestoneRecords.Filter;
import fr.jalon.milestone.MilestoneRecords.MilestoneDetail;
import fr.jalon.milestone.MilestoneRecords.MilestoneForm;
import fr.jalon.milestone.MilestoneRecords.MilestoneRow;
import fr.jalon.milestone.MilestoneRecords.Page;
import fr.jalon.plan.ActionService;
import fr.jalon.plan.PlanRecords.ActionRow;
import fr.jalon.platform.Dates;
import fr.jalon.platform.Faces;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** The milestone list, filtered by action, status, year and lateness and paged in the database; the project manager's form for a new one. */
@Named
@ViewScoped
public class MilestonesView implements Serializable {
  @Inject MilestoneService milestones;
  @Inject ActionService actions;
  @Inject TrancheService tranches;
  @Inject GrantService grants;

  private Long actionId;
  private MilestoneStatus status;
  private Integer year;
  private boolean lateOnly;
  private List<ActionRow> actionRows;
  private List<TrancheRow> trancheRows;
  private List<Integer> years;
  private final Form form = new Form();

  /** The new-milestone form. */
  public static class Form implements Serializable {
    private String code, title, acceptanceCriteria;
    private Long actionId, trancheId;
    private LocalDate baselineDate;
    private boolean goNoGo;

    public String getCode() { return code; }
    public void setCode(String v) { code = v; }
    public String getTitle() { return title; }
    public void setTitle(String v) { title = v; }
    public String getAcceptanceCriteria() { return acceptanceCriteria; }
    public void setAcceptanceCriteria(String v) { acceptanceCriteria = v; }
    public Long getActionId() { return actionId; }
    public void setActionId(Long v) { actionId = v; }
    public Long getTrancheId() { return trancheId; }
    public void setTrancheId(Long v) { trancheId = v; }
    public LocalDate getBaselineDate() { return baselineDate; }
    public void setBaselineDate(LocalDate v) { baselineDate = v; }
    public boolean isGoNoGo() { return goNoGo; }
    public void setGoNoGo(boolean v) { goNoGo = v; }
  }

  private final LazyDataModel<MilestoneRow> rows = new LazyDataModel<>() {
    @Override
    public int count(Map<String, FilterMeta> filterBy) {
      return (int) milestones.list(filter(), 0, 1).total();
    }

    @Override
    public List<MilestoneRow> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
      Page<MilestoneRow> page = milestones.list(filter(), first, pageSize);
      setRowCount((int) page.total());
      return page.rows();
    }

    @Override
    public String getRowKey(MilestoneRow row) {
      return String.valueOf(row.id());
    }

    @Override
    public MilestoneRow getRowData(String rowKey) {
      return null;
    }
  };

  Filter filter() {
    return new Filter(actionId, status, year, lateOnly ? Boolean.TRUE : null);
  }

  public void create() {
    try {
      MilestoneDetail created = milestones.create(new MilestoneForm(form.code, form.title, form.actionId, form.baselineDate, null, form.acceptanceCriteria,
          form.goNoGo, form.trancheId, null));
      Faces.info("milestone.created", created.code());
      Faces.redirect("/milestone/milestone.xhtml?id=" + created.id());
    } catch (RuntimeException e) {
      Faces.show(e, "createForm");
    }
  }

  public LazyDataModel<MilestoneRow> getRows() {
    return rows;
  }

  public List<ActionRow> getActions() {
    if (actionRows == null) {
      actionRows = actions.list();
    }
    return actionRows;
  }

  public List<TrancheRow> getTranches() {
    if (trancheRows == null) {
      trancheRows = tranches.overview(Faces.locale()).tranches();
    }
    return trancheRows;
  }

  public List<Integer> getYears() {
    if (years == null) {
      years = grants.current().years();
    }
    return years;
  }

  public MilestoneStatus[] getStatuses() {
    return MilestoneStatus.values();
  }

  public String date(LocalDate d) {
    return d == null ? "" : Dates.format(d, Faces.locale());
  }

  public Form getForm() { return form; }
  public Long getActionId() { return actionId; }
  public void setActionId(Long v) { actionId = v; }
  public MilestoneStatus getStatus() { return status; }
  public void setStatus(MilestoneStatus v) { status = v; }
  public Integer getYear() { return year; }
  public void setYear(Integer v) { year = v; }
  public boolean isLateOnly() { return lateOnly; }
  public void setLateOnly(boolean v) { lateOnly = v; }
}
