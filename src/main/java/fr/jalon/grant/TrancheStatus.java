package fr.jalon.grant;

/**
 * Where a tranche stands. Only PLANNED, REQUESTED, RECEIVED, SUSPENDED and CANCELLED are ever
 * stored: CONDITIONS_MET is what a PLANNED tranche shows while its conditions hold, evaluated
 * live each time it is read (milestones, reports and expenses change under it), never a flag
 * that could go stale.
 */
public enum TrancheStatus {
  PLANNED,
  CONDITIONS_MET,
  REQUESTED,
  RECEIVED,
  SUSPENDED,
  CANCELLED
}
