package fr.jalon.reporting;

import fr.jalon.grant.GrantService;
import fr.jalon.platform.Dates;
import fr.jalon.platform.Faces;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * "Rapport d'avancement — récit": the actions of a chosen year, each with the project manager's
 * narrative (achievements, gaps and explanations, next year's plan), saved one action at a time;
 * and what continues after the grant (pérennisation), which the final report carries.
 */
@Named
@ViewScoped
public class NarrativesView implements Serializable {
  @Inject ProgressNarrativeService narratives;
  @Inject GrantService grants;
  @Inject Clock clock;

  private List<Integer> years;
  private Integer year;
  private List<Editable> rows;
  private ProgressNarrativeService.ContinuationRow continuationRow;
  private String continuation;

  /** One action's narrative being edited. */
  public static final class Editable implements Serializable {
    private final ProgressNarrativeService.NarrativeRow row;
    private String progress;
    private String gaps;
    private String nextPlan;

    Editable(ProgressNarrativeService.NarrativeRow row) {
      this.row = row;
      this.progress = row.progress();
      this.gaps = row.gaps();
      this.nextPlan = row.nextPlan();
    }

    public ProgressNarrativeService.NarrativeRow getRow() { return row; }
    public String getProgress() { return progress; }
    public void setProgress(String progress) { this.progress = progress; }
    public String getGaps() { return gaps; }
    public void setGaps(String gaps) { this.gaps = gaps; }
    public String getNextPlan() { return nextPlan; }
    public void setNextPlan(String nextPlan) { this.nextPlan = nextPlan; }
  }

  public List<Integer> getYears() {
    if (years == null) {
      years = grants.grant().years();
    }
    return years;
  }

  /** The chosen year: by default the last finished one within the grant. */
  public Integer getYear() {
    if (year == null) {
      int last = LocalDate.now(clock).getYear() - 1;
      List<Integer> all = getYears();
      year = Math.min(Math.max(last, all.get(0)), all.get(all.size() - 1));
    }
    return year;
  }

  public void setYear(Integer year) {
    if (year != null && !year.equals(this.year)) {
      this.year = year;
      rows = null;
    }
  }

  public List<Editable> getRows() {
    if (rows == null) {
      rows = new ArrayList<>();
      narratives.ofYear(getYear()).forEach(r -> rows.add(new Editable(r)));
    }
    return rows;
  }

  public void save(Editable e) {
    try {
      ProgressNarrativeService.NarrativeRow saved = narratives.write(getYear(), e.row.actionId(),
          new ProgressNarrativeService.NarrativeForm(e.progress, e.gaps, e.nextPlan, e.row.version()));
      rows.set(rows.indexOf(e), new Editable(saved));
      Faces.info("narratives.saved", saved.actionCode());
    } catch (RuntimeException ex) {
      Faces.show(ex, "narrativesForm");
    }
  }

  /** What continues after the grant, for the final report: read once per view. */
  public ProgressNarrativeService.ContinuationRow getContinuationRow() {
    if (continuationRow == null) {
      continuationRow = narratives.continuation();
      continuation = continuationRow.continuation();
    }
    return continuationRow;
  }

  public String getContinuation() {
    getContinuationRow();
    return continuation;
  }

  public void setContinuation(String continuation) {
    this.continuation = continuation;
  }

  public void saveContinuation() {
    try {
      continuationRow = narratives.writeContinuation(new ProgressNarrativeService.ContinuationForm(continuation, getContinuationRow().version()));
      continuation = continuationRow.continuation();
      Faces.info("continuation.saved");
    } catch (RuntimeException ex) {
      Faces.show(ex, "continuationForm");
    }
  }

  public String continuationUpdated() {
    ProgressNarrativeService.ContinuationRow r = getContinuationRow();
    return r.updatedAt() == null ? "" : Faces.text("narratives.updated", Dates.format(r.updatedAt(), Faces.locale()), r.updatedBy());
  }

  public String updated(ProgressNarrativeService.NarrativeRow r) {
    return r.updatedAt() == null ? "" : Faces.text("narratives.updated", Dates.format(r.updatedAt(), Faces.locale()), r.updatedBy());
  }
}
