package fr.jalon.grant;

/** A release condition of a tranche besides the spend ratio (rule 10). */
public enum ConditionKind {
  /** A milestone (its id) must be VALIDATED. */
  MILESTONE_VALIDATED,
  /** A report of a type (e.g. FINAL_PROGRESS, FINAL_ERD) must be ACCEPTED. */
  REPORT_ACCEPTED
}
