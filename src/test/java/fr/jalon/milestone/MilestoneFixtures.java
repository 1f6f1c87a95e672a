package fr.jalon.milestone;

import fr.jalon.grant.CopilDecision;
import fr.jalon.grant.CopilMeeting;
import fr.jalon.grant.DecisionOutcome;
import fr.jalon.grant.DecisionSubject;
import fr.jalon.grant.Grant;
import fr.jalon.grant.GrantChange;
import fr.jalon.grant.LegalForm;
import fr.jalon.grant.Organisation;
import fr.jalon.grant.ParameterValues;
import fr.jalon.grant.Tranche;
import fr.jalon.grant.TrancheKind;
import fr.jalon.plan.Action;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** Builders for the milestone tests: a grant, an action, tranches, COPIL decisions, a clock on a given day. */
public final class MilestoneFixtures {
  static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  private MilestoneFixtures() {}

  static Grant grant() {
    return new Grant(new GrantChange("PIA3-JAL", "Campus", "PIA 3", "CDC", "MENJ", LocalDate.of(2020, 9, 28), LocalDate.of(2020, 9, 1),
        LocalDate.of(2029, 12, 31), new BigDecimal("2000000.00"), new BigDecimal("5000000.00"), ParameterValues.defaults(), null),
        new Organisation("Lycée", null, LegalForm.EPLE, false));
  }

  static Action action(Grant grant) {
    return new Action(grant, null, "A1", "Plateau technique", null, null, LocalDate.of(2020, 9, 1), LocalDate.of(2029, 12, 31));
  }

  static Tranche tranche(Grant grant, int number) {
    return new Tranche(grant, number, number == 1 ? TrancheKind.ADVANCE : TrancheKind.INTERIM, new BigDecimal("100000.00"), LocalDate.of(2020 + 2 * number, 6, 30), null);
  }

  /** A clock showing this local time in Paris. */
  static Clock at(LocalDateTime time) {
    return Clock.fixed(time.atZone(PARIS).toInstant(), PARIS);
  }

  static Clock on(LocalDate day) {
    return at(day.atTime(12, 0));
  }

  static CopilDecision decision(Grant grant, String reference, Long milestoneId, DecisionOutcome outcome) {
    CopilDecision d = new CopilMeeting(grant, LocalDate.of(2022, 6, 9), "COPIL n° 3", "Tous").decide(reference, DecisionSubject.MILESTONE, milestoneId, "Avis sur le jalon", outcome);
    setId(d, Math.abs((long) reference.hashCode()));
    return d;
  }

  /** Gives an entity the id the database would (the rules compare ids). */
  static <T> T setId(T entity, long id) {
    return fr.jalon.platform.Fields.set(entity, "id", id);
  }

  /** The milestone service outside the container, for other capabilities' tests. */
  public static MilestoneService milestoneService(jakarta.persistence.EntityManager em, Clock clock, fr.jalon.grant.TrancheService tranches) {
    MilestoneService s = new MilestoneService();
    s.em = em;
    s.clock = clock;
    s.grants = fr.jalon.grant.GrantFixtures.grantService(em);
    s.tranches = tranches;
    return s;
  }
}
