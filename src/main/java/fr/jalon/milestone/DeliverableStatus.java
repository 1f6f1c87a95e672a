package fr.jalon.milestone;

/** TODO → SUBMITTED → ACCEPTED | REJECTED; a rejected deliverable may be submitted again. */
public enum DeliverableStatus {
  TODO,
  SUBMITTED,
  ACCEPTED,
  REJECTED
}
