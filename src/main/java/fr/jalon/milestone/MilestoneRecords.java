package fr.jalon.milestone;

import fr.jalon.grant.DecisionOutcome;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/** What the milestone and deliverable use cases take and give: REST bodies and view rows. */
public final class MilestoneRecords {
  private MilestoneRecords() {}

  /** One line of the milestone list and of the timeline, late and slipping derived from today. */
  public record MilestoneRow(Long id, String code, String title, Long actionId, String actionCode, String actionTitle, LocalDate baselineDate,
      LocalDate forecastDate, MilestoneStatus status, boolean goNoGo, Integer trancheNumber, boolean late, boolean slipping) implements Serializable {}

  /** An evidence file as shown and downloaded. */
  public record EvidenceFile(Long id, String name, String contentType, long sizeBytes, LocalDateTime storedAt, String storedBy) implements Serializable {}

  /** One entry of a milestone's history (from the audit trail). */
  public record HistoryEntry(LocalDateTime at, String actor, String action, String changes) implements Serializable {}

  public record MilestoneDetail(Long id, String code, String title, Long actionId, String actionCode, String actionTitle, LocalDate baselineDate,
      LocalDate forecastDate, String acceptanceCriteria, boolean goNoGo, Long trancheId, Integer trancheNumber, MilestoneStatus status,
      LocalDate reachedOn, Long decisionId, String decisionCitation, DecisionOutcome outcome, Integer baselineAmendmentNumber,
      Integer noGoLiftedByAmendment, boolean late, boolean slipping, List<EvidenceFile> evidence, List<HistoryEntry> history, int version)
      implements Serializable {}

  /** Creates (baselineDate required) or changes a milestone (version required; the baseline then only by amendment). */
  public record MilestoneForm(String code, String title, Long actionId, LocalDate baselineDate, LocalDate forecastDate, String acceptanceCriteria,
      Boolean goNoGo, Long trancheId, Integer version) implements Serializable {}

  public enum Step {
    START,
    REACH,
    VALIDATE,
    REJECT,
    ABANDON,
    REPLAN
  }

  /**
   * One step of a milestone's life: {@code decisionId} for VALIDATE and REJECT, {@code date} the new
   * forecast for REJECT and REPLAN, the day reached for REACH (today when empty).
   */
  public record Transition(Step step, Integer version, Long decisionId, LocalDate date) implements Serializable {}

  /** Moves the baseline, citing the amendment that does so (administrator). */
  public record Rebaseline(Long amendmentId, LocalDate baselineDate, Integer version) implements Serializable {}

  /** Lifts a NO_GO's suspension by the amendment that cites its decision (administrator). */
  public record NoGoLift(Long amendmentId) implements Serializable {}

  /** The list's filters; each may be empty. */
  public record Filter(Long actionId, MilestoneStatus status, Integer year, Boolean late) implements Serializable {
    public static Filter none() {
      return new Filter(null, null, null, null);
    }
  }

  public record Page<T>(List<T> rows, long total) implements Serializable {}

  public record DeliverableRow(Long id, String code, String title, Long actionId, String actionCode, Long milestoneId, String milestoneCode,
      LocalDate dueDate, LocalDate submittedOn, Long fileId, String fileName, DeliverableStatus status, boolean late, int version) implements Serializable {}

  public record DeliverableForm(String code, String title, Long actionId, Long milestoneId, LocalDate dueDate, Integer version) implements Serializable {}

  public enum Review {
    ACCEPT,
    REJECT
  }

  public record DeliverableReview(Review review, Integer version) implements Serializable {}
}
