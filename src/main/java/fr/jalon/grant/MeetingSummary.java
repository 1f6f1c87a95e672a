package fr.jalon.grant;

import java.time.LocalDate;
import java.util.List;

/** A COPIL meeting with its decisions. */
public record MeetingSummary(Long id, LocalDate heldOn, String title, String attendees, List<DecisionSummary> decisions, int version) {
  static MeetingSummary of(CopilMeeting m) {
    return new MeetingSummary(m.id(), m.heldOn(), m.title(), m.attendees(), m.decisions().stream().map(DecisionSummary::of).toList(), m.version());
  }
}
