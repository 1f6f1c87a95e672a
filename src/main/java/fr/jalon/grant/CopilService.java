package fr.jalon.grant;

import static fr.jalon.platform.Roles.ADMIN;
import static fr.jalon.platform.Roles.BOARD;
import static fr.jalon.platform.Roles.FINANCE;
import static fr.jalon.platform.Roles.PROJECT_MANAGER;

import fr.jalon.platform.ConcurrentEditException;
import fr.jalon.platform.Messages;
import fr.jalon.platform.NotFoundException;
import fr.jalon.platform.RuleViolation;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * COPIL meetings and their decisions: the project manager records them, every role reads them,
 * and the other capabilities cite a decision (budget approval, amendment, tranche request,
 * milestone validation) by picking it from {@link #decisions()}.
 */
@ApplicationScoped
public class CopilService {
  @PersistenceContext EntityManager em;
  @Inject GrantService grants;

  public record NewMeeting(@NotNull LocalDate heldOn, @NotNull @Size(max = 200) String title, @NotNull @Size(max = 2000) String attendees) {}

  public record MeetingChange(@NotNull Integer version, @NotNull LocalDate heldOn, @NotNull @Size(max = 200) String title, @NotNull @Size(max = 2000) String attendees) {}

  public record NewDecision(
      @NotNull @Size(max = 40) String reference,
      @NotNull DecisionSubject subject,
      Long subjectId,
      @NotNull @Size(max = 2000) String summary,
      DecisionOutcome outcome) {}

  /** The meetings, latest first, each with its decisions. */
  @RolesAllowed({ADMIN, PROJECT_MANAGER, FINANCE, BOARD})
  public List<MeetingSummary> meetings() {
    return em.createQuery("SELECT DISTINCT m FROM CopilMeeting m LEFT JOIN FETCH m.decisions WHERE m.grant = :grant ORDER BY m.heldOn DESC, m.id DESC", CopilMeeting.class)
        .setParameter("grant", grants.grant())
        .getResultList()
        .stream()
        .map(MeetingSummary::of)
        .toList();
  }

  @RolesAllowed({ADMIN, PROJECT_MANAGER, FINANCE, BOARD})
  public MeetingSummary meeting(long id) {
    return MeetingSummary.of(find(id));
  }

  /** Every decision of every meeting, oldest first: for the pickers of budget approval, amendments, tranche requests. */
  @RolesAllowed({ADMIN, PROJECT_MANAGER, FINANCE, BOARD})
  public List<DecisionSummary> decisions() {
    return decisions(null, null);
  }

  /** The decisions on one kind of subject (e.g. BUDGET_VERSION for the budget's approval picker). */
  @RolesAllowed({ADMIN, PROJECT_MANAGER, FINANCE, BOARD})
  public List<DecisionSummary> decisions(@NotNull DecisionSubject subject) {
    return decisions(subject, null);
  }

  /** The decisions naming one record (e.g. a milestone), oldest first; filtered in the database. */
  @RolesAllowed({ADMIN, PROJECT_MANAGER, FINANCE, BOARD})
  public List<DecisionSummary> decisions(DecisionSubject subject, Long subjectId) {
    var query = em.createQuery(
            "SELECT NEW fr.jalon.grant.DecisionSummary(d.id, d.reference, m.heldOn, d.subject, d.subjectId, d.summary, d.outcome, m.id)"
                + " FROM CopilDecision d JOIN d.meeting m WHERE m.grant = :grant"
                + (subject == null ? "" : " AND d.subject = :subject")
                + (subjectId == null ? "" : " AND d.subjectId = :subjectId")
                + " ORDER BY m.heldOn, d.reference",
            DecisionSummary.class)
        .setParameter("grant", grants.grant());
    if (subject != null) {
      query.setParameter("subject", subject);
    }
    if (subjectId != null) {
      query.setParameter("subjectId", subjectId);
    }
    return query.getResultList();
  }

  /** One decision by id, for a capability that stored it (empty when it does not exist). */
  @RolesAllowed({ADMIN, PROJECT_MANAGER, FINANCE, BOARD})
  public Optional<DecisionSummary> decision(long id) {
    return Optional.ofNullable(em.find(CopilDecision.class, id)).map(DecisionSummary::of);
  }

  @RolesAllowed(PROJECT_MANAGER)
  @Transactional
  public MeetingSummary addMeeting(@NotNull @Valid NewMeeting request) {
    CopilMeeting meeting = new CopilMeeting(grants.grant(), request.heldOn(), request.title(), request.attendees());
    em.persist(meeting);
    em.flush();
    return MeetingSummary.of(meeting);
  }

  @RolesAllowed(PROJECT_MANAGER)
  @Transactional
  public MeetingSummary describe(long id, @NotNull @Valid MeetingChange change) {
    CopilMeeting meeting = find(id);
    if (change.version() != meeting.version()) {
      throw new ConcurrentEditException(meeting.title());
    }
    meeting.describe(change.heldOn(), change.title(), change.attendees());
    em.flush();
    return MeetingSummary.of(meeting);
  }

  /** Records a decision of a meeting; its reference is unique across all meetings. */
  @RolesAllowed(PROJECT_MANAGER)
  @Transactional
  public DecisionSummary decide(long meetingId, @NotNull @Valid NewDecision request) {
    CopilMeeting meeting = find(meetingId);
    String reference = request.reference() == null ? null : request.reference().trim();
    Long taken = em.createQuery("SELECT COUNT(d) FROM CopilDecision d WHERE d.reference = :r", Long.class).setParameter("r", reference).getSingleResult();
    if (taken > 0) {
      throw new RuleViolation("reference", "copil.decision.reference.taken", reference);
    }
    CopilDecision decision = meeting.decide(reference, request.subject(), request.subjectId(), request.summary(), request.outcome());
    em.flush();
    return DecisionSummary.of(decision);
  }

  private CopilMeeting find(long id) {
    CopilMeeting meeting = em.find(CopilMeeting.class, id);
    if (meeting == null) {
      throw new NotFoundException(Messages.get("copil.notFound", id));
    }
    return meeting;
  }
}
