package fr.jalon.milestone;

/**
 * Where a milestone stands. A rejection sends it back IN_PROGRESS with a new forecast (the
 * rejecting decision stays cited), so REJECTED is a moment in its history, not a resting state.
 */
public enum MilestoneStatus {
  PLANNED,
  IN_PROGRESS,
  REACHED,
  VALIDATED,
  ABANDONED;

  /** Nothing more happens to a validated or abandoned milestone. */
  public boolean closed() {
    return this == VALIDATED || this == ABANDONED;
  }
}
