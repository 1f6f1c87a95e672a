package fr.jalon.grant;

/** The outcome of a decision on a go/no-go milestone (rule 11). */
public enum DecisionOutcome {
  GO,
  NO_GO
}
