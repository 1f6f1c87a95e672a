package fr.jalon.milestone;

import static org.assertj.core.api.Assertions.assertThat;

import fr.jalon.audit.AuditContext;
import fr.jalon.grant.Amendment;
import fr.jalon.grant.ConditionKind;
import fr.jalon.grant.CopilDecision;
import fr.jalon.grant.CopilMeeting;
import fr.jalon.grant.DecisionOutcome;
import fr.jalon.grant.DecisionSubject;
import fr.jalon.grant.Grant;
import fr.jalon.grant.GrantFixtures;
import fr.jalon.grant.Tranche;
import fr.jalon.grant.TrancheStatus;
import fr.jalon.milestone.MilestoneRecords.Filter;
import fr.jalon.milestone.MilestoneRecords.NoGoLift;
import fr.jalon.milestone.MilestoneRecords.Step;
import fr.jalon.milestone.MilestoneRecords.Transition;
import fr.jalon.plan.Action;
import fr.jalon.platform.StoredFile;
import fr.jalon.platform.StoredFiles;
import fr.jalon.platform.TestDatabase;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Milestones against the real schema (V6), through the service on a test entity manager: evidence
 * stored, the list filtered and paged in the database, a NO_GO suspending the later tranches and
 * the amendment citing it resuming them, the tranche condition met live.
 */
class MilestonePersistenceTest {
  static final Clock TODAY = MilestoneFixtures.on(LocalDate.of(2026, 11, 29));
  TestDatabase db;
  long grantId;
  long actionId;

  @BeforeEach
  void start() {
    db = new TestDatabase();
    AuditContext.actorResolver(() -> "projet");
    db.run(em -> {
      Grant grant = MilestoneFixtures.grant();
      em.persist(grant.beneficiary());
      em.persist(grant);
      Action action = MilestoneFixtures.action(grant);
      em.persist(action);
      for (int n = 1; n <= 4; n++) {
        em.persist(MilestoneFixtures.tranche(grant, n));
      }
      em.flush();
      grantId = grant.id();
      actionId = action.id();
    });
  }

  @AfterEach
  void stop() {
    AuditContext.actorResolver(() -> AuditContext.SYSTEM);
    db.close();
  }

  MilestoneService service(EntityManager em) {
    MilestoneService s = new MilestoneService();
    s.em = em;
    s.clock = TODAY;
    s.grants = GrantFixtures.grantService(em);
    s.tranches = GrantFixtures.trancheService(em, TODAY);
    return s;
  }

  Tranche tranche(EntityManager em, int number) {
    return em.createQuery("SELECT t FROM Tranche t WHERE t.number = :n", Tranche.class).setParameter("n", number).getSingleResult();
  }

  /** A go/no-go milestone gating tranche 2, reached with one evidence file. */
  long reachedGoNoGo() {
    return db.inTransaction(em -> {
      Grant grant = em.find(Grant.class, grantId);
      Milestone m = new Milestone(grant, "J2", "Go / no go à mi-parcours", em.find(Action.class, actionId), LocalDate.of(2022, 6, 30), null, true, tranche(em, 2));
      StoredFile pv = StoredFiles.pdf("pv-copil.pdf");
      em.persist(pv);
      m.addEvidence(pv);
      m.start();
      m.declareReached(LocalDate.of(2022, 6, 20), TODAY);
      em.persist(m);
      em.flush();
      return m.id();
    });
  }

  long decide(long milestoneId, String reference, DecisionOutcome outcome) {
    return db.inTransaction(em -> {
      CopilMeeting meeting = new CopilMeeting(em.find(Grant.class, grantId), LocalDate.of(2022, 7, 1), "COPIL n° 4", "Tous");
      CopilDecision d = meeting.decide(reference, DecisionSubject.MILESTONE, milestoneId, "Avis go / no go", outcome);
      em.persist(meeting);
      em.flush();
      return d.id();
    });
  }

  List<TrancheStatus> statuses() {
    return db.inTransaction(em -> em.createQuery("SELECT t.status FROM Tranche t ORDER BY t.number", TrancheStatus.class).getResultList());
  }

  @Test
  void evidenceIsStoredWithTheMilestoneAndTheChangeIsAudited() {
    long id = reachedGoNoGo();
    db.run(em -> {
      Milestone m = em.find(Milestone.class, id);
      assertThat(m.evidence()).extracting(StoredFile::originalName).containsExactly("pv-copil.pdf");
      assertThat(m.status()).isEqualTo(MilestoneStatus.REACHED);
      assertThat(service(em).detail(id).history()).extracting(MilestoneRecords.HistoryEntry::action).containsExactly("CREATE");
    });
  }

  @Test
  void aNoGoSuspendsTheLaterTranchesAndTheAmendmentCitingItResumesThem() {
    long id = reachedGoNoGo();
    long noGo = decide(id, "COPIL-2022-07", DecisionOutcome.NO_GO);
    int version = db.inTransaction(em -> em.find(Milestone.class, id).version());
    db.run(em -> service(em).transition(id, new Transition(Step.VALIDATE, version, noGo, null)));
    assertThat(statuses()).containsExactly(TrancheStatus.PLANNED, TrancheStatus.PLANNED, TrancheStatus.SUSPENDED, TrancheStatus.SUSPENDED);
    String reason = db.inTransaction(em -> tranche(em, 3).statusReason());
    assertThat(reason).startsWith("NO GO COPIL-2022-07 sur le jalon J2");
    // The tranche condition on this milestone is not met while it is NO_GO.
    db.run(em -> {
      MilestoneConditions conditions = new MilestoneConditions();
      conditions.em = em;
      assertThat(conditions.evaluate(ConditionKind.MILESTONE_VALIDATED, id, null)).hasValueSatisfying(v -> assertThat(v.met()).isFalse());
    });

    long amendment = db.inTransaction(em -> {
      Amendment a = GrantFixtures.amendment(em.find(Grant.class, grantId), 1, em.find(CopilDecision.class, noGo));
      em.persist(a);
      em.flush();
      return a.id();
    });
    // Recording the amendment fires AmendmentRecorded; the milestone capability lifts the NO_GO it cites.
    db.run(em -> {
      NoGoLifting lifting = new NoGoLifting();
      lifting.em = em;
      lifting.milestones = service(em);
      lifting.onAmendment(new fr.jalon.grant.AmendmentRecorded(amendment, noGo));
    });
    assertThat(statuses()).containsOnly(TrancheStatus.PLANNED);
    int liftedBy = db.inTransaction(em -> em.find(Milestone.class, id).noGoLiftedBy().number());
    assertThat(liftedBy).isEqualTo(1);
  }

  @Test
  void theTrancheConditionTurnsMetWhenTheMilestoneIsValidatedGo() {
    long id = reachedGoNoGo();
    db.run(em -> {
      Tranche third = tranche(em, 3);
      third.replaceConditions(List.of(new Tranche.ConditionSpec(ConditionKind.MILESTONE_VALIDATED, id, null)));
    });
    MilestoneConditions conditions = new MilestoneConditions();
    db.run(em -> {
      conditions.em = em;
      assertThat(conditions.evaluate(ConditionKind.MILESTONE_VALIDATED, id, null)).hasValueSatisfying(v -> assertThat(v.met()).isFalse());
      assertThat(conditions.evaluate(ConditionKind.REPORT_ACCEPTED, null, "FINAL_ERD")).isEmpty();
    });
    long go = decide(id, "COPIL-2022-08", DecisionOutcome.GO);
    int version = db.inTransaction(em -> em.find(Milestone.class, id).version());
    db.run(em -> service(em).transition(id, new Transition(Step.VALIDATE, version, go, null)));
    db.run(em -> {
      conditions.em = em;
      assertThat(conditions.evaluate(ConditionKind.MILESTONE_VALIDATED, id, null))
          .hasValueSatisfying(v -> assertThat(v.detail()).isEqualTo("J2 — validé en COPIL (COPIL-2022-08, le 01/07/2022)").satisfies(x -> assertThat(v.met()).isTrue()));
    });
    assertThat(statuses()).containsOnly(TrancheStatus.PLANNED);
  }

  @Test
  void theListIsFilteredAndPagedInTheDatabaseWithLateAndSlippingDerived() {
    db.run(em -> {
      Grant grant = em.find(Grant.class, grantId);
      Action action = em.find(Action.class, actionId);
      for (int i = 1; i <= 5; i++) {
        Milestone m = new Milestone(grant, "J" + i, "Jalon " + i, action, LocalDate.of(2024 + i, 3, 31), null, false, null);
        if (i == 3) {
          m.replan(LocalDate.of(2027, 9, 30));
        }
        em.persist(m);
      }
    });
    db.run(em -> {
      MilestoneService s = service(em);
      MilestoneRecords.Page<MilestoneRecords.MilestoneRow> late = s.list(new Filter(null, null, null, true), 0, 10);
      assertThat(late.rows()).extracting(MilestoneRecords.MilestoneRow::code).containsExactly("J1", "J2");
      assertThat(late.rows()).allMatch(MilestoneRecords.MilestoneRow::late);
      MilestoneRecords.Page<MilestoneRecords.MilestoneRow> page = s.list(new Filter(actionId, MilestoneStatus.PLANNED, null, null), 2, 2);
      assertThat(page.total()).isEqualTo(5);
      assertThat(page.rows()).extracting(MilestoneRecords.MilestoneRow::code).containsExactly("J3", "J4");
      assertThat(page.rows().get(0).slipping()).isTrue();
      assertThat(s.list(new Filter(null, null, 2027, null), 0, 10).rows()).extracting(MilestoneRecords.MilestoneRow::code).containsExactly("J3");
    });
  }
}
