package fr.jalon.milestone;

import fr.jalon.grant.CopilService;
import fr.jalon.grant.DecisionSubject;
import fr.jalon.grant.DecisionSummary;
import fr.jalon.milestone.MilestoneRecords.MilestoneDetail;
import fr.jalon.milestone.MilestoneRecords.Step;
import fr.jalon.milestone.MilestoneRecords.Transition;
import fr.jalon.platform.Dates;
import fr.jalon.platform.Faces;
import fr.jalon.platform.NotFoundException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.primefaces.event.FileUploadEvent;

/** One milestone: its dates and badges, the steps its status allows, evidence upload and download, its history. */
@Named
@ViewScoped
public class MilestoneView implements Serializable {
  @Inject MilestoneService milestones;
  @Inject CopilService copil;

  private Long id;
  private MilestoneDetail detail;
  private Long decisionId;
  private LocalDate date;
  /** Read once per view: Faces evaluates a getter several times per render. */
  private List<DecisionSummary> decisions;

  public void load() {
    if (id == null) {
      throw new NotFoundException(Faces.text("milestone.notFound"));
    }
    detail = milestones.detail(id);
  }

  /** The steps the current status allows (the service checks them again). */
  public List<Step> getSteps() {
    List<Step> steps = new ArrayList<>();
    switch (detail.status()) {
      case PLANNED -> steps.addAll(List.of(Step.START, Step.REPLAN, Step.ABANDON));
      case IN_PROGRESS -> steps.addAll(List.of(Step.REACH, Step.REPLAN, Step.ABANDON));
      case REACHED -> steps.addAll(List.of(Step.VALIDATE, Step.REJECT, Step.ABANDON));
      default -> { }
    }
    return steps;
  }

  public boolean needsDecision(Step step) {
    return step == Step.VALIDATE || step == Step.REJECT;
  }

  public boolean needsDate(Step step) {
    return step == Step.REJECT || step == Step.REPLAN;
  }

  /** The COPIL decisions on this milestone, to pick for a validation or a rejection. */
  public List<DecisionSummary> getDecisions() {
    if (decisions == null) {
      decisions = copil.decisions(DecisionSubject.MILESTONE, id);
    }
    return decisions;
  }

  public void step(Step step) {
    try {
      detail = milestones.transition(id, new Transition(step, detail.version(), decisionId, date));
      Faces.info("milestone.step.done", detail.code(), Faces.text("milestone.status." + detail.status().name()));
      decisionId = null;
      date = null;
    } catch (RuntimeException e) {
      Faces.show(e, "stepsForm");
    }
  }

  public void upload(FileUploadEvent event) {
    try (InputStream in = event.getFile().getInputStream()) {
      detail = milestones.addEvidence(id, in, event.getFile().getFileName());
      Faces.info("milestone.saved", detail.code());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      Faces.show(e, "evidenceForm");
    }
  }

  public String date(LocalDate d) {
    return d == null ? "" : Dates.format(d, Faces.locale());
  }

  public String time(LocalDateTime t) {
    return t == null ? "" : Dates.format(t, Faces.locale());
  }

  public Long getId() { return id; }
  public void setId(Long v) { id = v; }
  public MilestoneDetail getDetail() { return detail; }
  public Long getDecisionId() { return decisionId; }
  public void setDecisionId(Long v) { decisionId = v; }
  public LocalDate getDate() { return date; }
  public void setDate(LocalDate v) { date = v; }
}
