package fr.jalon.accounting;

/**
 * An import's life: its lines are written while {@code STAGED} (invisible), all become visible in
 * one short transaction that flips it to {@code CONFIRMED}, and {@code UNDONE} hides them again.
 */
public enum ImportStatus {
  STAGED,
  CONFIRMED,
  UNDONE,
  FAILED
}
