package fr.jalon.expense;

/** Where an expense line came from. */
public enum Provenance {
  MANUAL,
  FEC,
  CSV
}
