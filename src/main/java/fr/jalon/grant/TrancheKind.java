package fr.jalon.grant;

/** The kinds of PIA tranche (rule 9): one advance, interim payments, the balance at the end. */
public enum TrancheKind {
  ADVANCE,
  INTERIM,
  BALANCE
}
