package fr.jalon.milestone;

/** EXPECTED → SUBMITTED → ACCEPTED | REJECTED; a rejected deliverable may be submitted again. */
public enum DeliverableStatus {
  EXPECTED,
  SUBMITTED,
  ACCEPTED,
  REJECTED
}
