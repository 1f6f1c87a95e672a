package fr.jalon.milestone;

import fr.jalon.milestone.MilestoneRecords.DeliverableForm;
import fr.jalon.milestone.MilestoneRecords.DeliverableReview;
import fr.jalon.milestone.MilestoneRecords.DeliverableRow;
import fr.jalon.milestone.MilestoneRecords.MilestoneRow;
import fr.jalon.milestone.MilestoneRecords.Review;
import fr.jalon.plan.ActionService;
import fr.jalon.plan.PlanRecords.ActionRow;
import fr.jalon.platform.Dates;
import fr.jalon.platform.Faces;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import org.primefaces.event.FileUploadEvent;

/** The deliverables, late ones flagged; the project manager creates, submits (uploads the file), accepts or rejects them. */
@Named
@ViewScoped
public class DeliverablesView implements Serializable {
  @Inject DeliverableService deliverables;
  @Inject MilestoneService milestones;
  @Inject ActionService actions;

  private List<DeliverableRow> rows;
  private List<ActionRow> actionRows;
  private List<MilestoneRow> milestoneRows;
  private Long submitId;
  private String code, title;
  private Long actionId, milestoneId;
  private LocalDate dueDate;

  public List<DeliverableRow> getRows() {
    if (rows == null) {
      rows = deliverables.list();
    }
    return rows;
  }

  public void create() {
    try {
      DeliverableRow created = deliverables.create(new DeliverableForm(code, title, actionId, milestoneId, dueDate, null));
      Faces.info("deliverable.created", created.code());
      code = title = null;
      actionId = milestoneId = null;
      dueDate = null;
      rows = null;
    } catch (RuntimeException e) {
      Faces.show(e, "createForm");
    }
  }

  public void review(DeliverableRow row, Review review) {
    try {
      deliverables.review(row.id(), new DeliverableReview(review, row.version()));
      rows = null;
    } catch (RuntimeException e) {
      Faces.show(e, "tableForm");
    }
  }

  public void upload(FileUploadEvent event) {
    try (InputStream in = event.getFile().getInputStream()) {
      deliverables.submit(submitId, in, event.getFile().getFileName());
      rows = null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      Faces.show(e, "submitForm");
    }
  }

  public List<ActionRow> getActions() {
    if (actionRows == null) {
      actionRows = actions.list();
    }
    return actionRows;
  }

  public List<MilestoneRow> getMilestones() {
    if (milestoneRows == null) {
      milestoneRows = milestones.all();
    }
    return milestoneRows;
  }

  public Review[] getReviews() {
    return Review.values();
  }

  public String date(LocalDate d) {
    return d == null ? "" : Dates.format(d, Faces.locale());
  }

  public Long getSubmitId() { return submitId; }
  public void setSubmitId(Long v) { submitId = v; }
  public String getCode() { return code; }
  public void setCode(String v) { code = v; }
  public String getTitle() { return title; }
  public void setTitle(String v) { title = v; }
  public Long getActionId() { return actionId; }
  public void setActionId(Long v) { actionId = v; }
  public Long getMilestoneId() { return milestoneId; }
  public void setMilestoneId(Long v) { milestoneId = v; }
  public LocalDate getDueDate() { return dueDate; }
  public void setDueDate(LocalDate v) { dueDate = v; }
}
