package fr.jalon.milestone;

import java.time.LocalDate;

/** Late and slipping, derived from the dates (rule 11): the same rule for lists, pages and queries. */
public final class MilestoneDates {
  private MilestoneDates() {}

  /** Today is past the baseline (the day after it, not on it) and the milestone is not reached yet. */
  public static boolean late(LocalDate baseline, MilestoneStatus status, LocalDate today) {
    return today.isAfter(baseline) && (status == MilestoneStatus.PLANNED || status == MilestoneStatus.IN_PROGRESS);
  }

  /** The forecast lies past the baseline while the milestone is still open. */
  public static boolean slipping(LocalDate baseline, LocalDate forecast, MilestoneStatus status) {
    return forecast.isAfter(baseline) && !status.closed();
  }

  /** A deliverable is late when its due date has passed and nothing accepted or pending was submitted. */
  public static boolean late(LocalDate due, DeliverableStatus status, LocalDate today) {
    return today.isAfter(due) && (status == DeliverableStatus.EXPECTED || status == DeliverableStatus.REJECTED);
  }
}
