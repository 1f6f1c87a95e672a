package fr.jalon.reporting;

import java.util.Set;

/**
 * The lifecycle every report shares: {@code DRAFT → IN_REVIEW → SIGNED → SUBMITTED → ACCEPTED |
 * TO_CORRECT}; a report in review may go back to draft. TO_CORRECT opens a new version.
 */
public enum ReportStatus {
  DRAFT,
  IN_REVIEW,
  SIGNED,
  SUBMITTED,
  ACCEPTED,
  TO_CORRECT;

  /** The statuses reachable from this one by a transition. */
  public Set<ReportStatus> next() {
    return switch (this) {
      case DRAFT -> Set.of(IN_REVIEW);
      case IN_REVIEW -> Set.of(DRAFT, SIGNED);
      case SIGNED -> Set.of(SUBMITTED);
      case SUBMITTED -> Set.of(ACCEPTED, TO_CORRECT);
      case ACCEPTED, TO_CORRECT -> Set.of();
    };
  }

  /** From SIGNED on, the files and the data are frozen. */
  public boolean frozen() {
    return this == SIGNED || this == SUBMITTED || this == ACCEPTED || this == TO_CORRECT;
  }
}
