package fr.jalon.grant;

import java.time.LocalDate;

/** A COPIL decision as pickers, lists and the API show it; {@code citation} is how others cite it. */
public record DecisionSummary(
    Long id,
    String reference,
    LocalDate heldOn,
    DecisionSubject subject,
    Long subjectId,
    String summary,
    DecisionOutcome outcome,
    Long meetingId,
    String citation) {

  /** For the JPQL constructor expression: the citation follows from the reference and the date. */
  public DecisionSummary(Long id, String reference, LocalDate heldOn, DecisionSubject subject, Long subjectId, String summary, DecisionOutcome outcome, Long meetingId) {
    this(id, reference, heldOn, subject, subjectId, summary, outcome, meetingId, reference + " — " + fr.jalon.platform.Dates.format(heldOn));
  }

  static DecisionSummary of(CopilDecision d) {
    return new DecisionSummary(d.id(), d.reference(), d.meeting().heldOn(), d.subject(), d.subjectId(), d.summary(), d.outcome(), d.meeting().id());
  }
}
