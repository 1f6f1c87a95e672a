package fr.jalon.grant;

/** What a COPIL decision decides on. Milestones come with the milestone capability. */
public enum DecisionSubject {
  BUDGET_VERSION,
  AMENDMENT,
  TRANCHE_REQUEST,
  MILESTONE,
  OTHER
}
