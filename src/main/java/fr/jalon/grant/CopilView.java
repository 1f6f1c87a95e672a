package fr.jalon.grant;

import fr.jalon.platform.Faces;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** The COPIL page: every role reads the meetings and decisions; the project manager records them. */
@Named
@ViewScoped
public class CopilView extends FundingPage {
  @Inject CopilService copil;
  @Inject Clock clock;

  private List<MeetingSummary> meetings;

  private MeetingSummary editing;
  private LocalDate heldOn;
  private String title;
  private String attendees;

  private MeetingSummary deciding;
  private String reference;
  private DecisionSubject subject = DecisionSubject.OTHER;
  private Long subjectId;
  private String summary;
  private DecisionOutcome outcome;

  public List<MeetingSummary> getMeetings() {
    if (meetings == null) {
      meetings = copil.meetings();
    }
    return meetings;
  }

  public void startMeeting(MeetingSummary meeting) {
    editing = meeting;
    heldOn = meeting == null ? LocalDate.now(clock) : meeting.heldOn();
    title = meeting == null ? null : meeting.title();
    attendees = meeting == null ? null : meeting.attendees();
  }

  public void saveMeeting() {
    try {
      if (editing == null) {
        copil.addMeeting(new CopilService.NewMeeting(heldOn, title, attendees));
      } else {
        copil.describe(editing.id(), new CopilService.MeetingChange(editing.version(), heldOn, title, attendees));
      }
      Faces.info("copil.meeting.saved");
      meetings = null;
    } catch (RuntimeException e) {
      Faces.show(e, "meetingForm");
    }
  }

  public void startDecision(MeetingSummary meeting) {
    deciding = meeting;
    reference = null;
    subject = DecisionSubject.OTHER;
    subjectId = null;
    summary = null;
    outcome = null;
  }

  public void saveDecision() {
    try {
      DecisionSummary saved = copil.decide(deciding.id(), new CopilService.NewDecision(reference, subject, subjectId, summary, outcome));
      Faces.info("copil.decision.saved", saved.reference());
      meetings = null;
    } catch (RuntimeException e) {
      Faces.show(e, "decisionForm");
    }
  }

  public DecisionSubject[] getSubjects() {
    return DecisionSubject.values();
  }

  public DecisionOutcome[] getOutcomes() {
    return DecisionOutcome.values();
  }

  public MeetingSummary getEditing() { return editing; }
  public MeetingSummary getDeciding() { return deciding; }
  public LocalDate getHeldOn() { return heldOn; }
  public void setHeldOn(LocalDate v) { heldOn = v; }
  public String getTitle() { return title; }
  public void setTitle(String v) { title = v; }
  public String getAttendees() { return attendees; }
  public void setAttendees(String v) { attendees = v; }
  public String getReference() { return reference; }
  public void setReference(String v) { reference = v; }
  public DecisionSubject getSubject() { return subject; }
  public void setSubject(DecisionSubject v) { subject = v; }
  public Long getSubjectId() { return subjectId; }
  public void setSubjectId(Long v) { subjectId = v; }
  public String getSummary() { return summary; }
  public void setSummary(String v) { summary = v; }
  public DecisionOutcome getOutcome() { return outcome; }
  public void setOutcome(DecisionOutcome v) { outcome = v; }
}
