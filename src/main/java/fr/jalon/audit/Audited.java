package fr.jalon.audit;

/**
 * An entity whose changes go to the audit trail. The listener records every mapped attribute
 * except those named by {@link #auditExcluded()} (e.g. password hashes).
 */
public interface Audited {
  /** The record's identifier in the trail: its business key where it has one. */
  Object auditKey();

  default java.util.Set<String> auditExcluded() {
    return java.util.Set.of();
  }
}
