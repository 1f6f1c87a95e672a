package fr.jalon.milestone;

import static fr.jalon.milestone.MilestoneFixtures.action;
import static fr.jalon.milestone.MilestoneFixtures.at;
import static fr.jalon.milestone.MilestoneFixtures.decision;
import static fr.jalon.milestone.MilestoneFixtures.on;
import static fr.jalon.milestone.MilestoneFixtures.setId;
import static fr.jalon.milestone.MilestoneFixtures.tranche;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.jalon.grant.Amendment;
import fr.jalon.grant.CopilDecision;
import fr.jalon.grant.DecisionOutcome;
import fr.jalon.grant.DecisionSubject;
import fr.jalon.grant.Grant;
import fr.jalon.grant.GrantFixtures;
import fr.jalon.grant.CopilMeeting;
import fr.jalon.platform.RuleViolation;
import fr.jalon.platform.StoredFiles;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** Rule 11 on one milestone: every allowed and refused step, late and slipping, the baseline moved only by amendment. */
class MilestoneRulesTest {
  static final LocalDate BASELINE = LocalDate.of(2026, 3, 31);
  static final Clock TODAY = on(LocalDate.of(2026, 11, 29));

  final Grant grant = grant();

  static Grant grant() {
    return setId(MilestoneFixtures.grant(), 1L);
  }

  Milestone milestone(boolean goNoGo) {
    Milestone m = new Milestone(grant, "j3", "Plateau technique livré", action(grant), BASELINE, "PV de réception signé", goNoGo, goNoGo ? tranche(grant, 2) : null);
    return setId(m, 30L);
  }

  Milestone reached(boolean goNoGo) {
    Milestone m = milestone(goNoGo);
    m.start();
    m.addEvidence(StoredFiles.pdf("pv-reception.pdf"));
    m.declareReached(LocalDate.of(2026, 3, 20), TODAY);
    return m;
  }

  static void refused(Runnable step, String key) {
    assertThatThrownBy(step::run).isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.messageKey()).isEqualTo(key));
  }

  @Test
  void aNewMilestoneIsPlannedWithItsForecastOnItsBaselineAndItsCodeInCapitals() {
    Milestone m = milestone(false);
    assertThat(m.status()).isEqualTo(MilestoneStatus.PLANNED);
    assertThat(m.code()).isEqualTo("J3");
    assertThat(m.forecastDate()).isEqualTo(BASELINE);
  }

  @Test
  void aMilestoneNeedsACodeATitleAnActionAndABaseline() {
    refused(() -> new Milestone(grant, " ", "T", action(grant), BASELINE, null, false, null), "milestone.code.required");
    refused(() -> new Milestone(grant, "J1", null, action(grant), BASELINE, null, false, null), "milestone.title.required");
    refused(() -> new Milestone(grant, "J1", "T", null, BASELINE, null, false, null), "milestone.action.required");
    refused(() -> new Milestone(grant, "J1", "T", action(grant), null, null, false, null), "milestone.baseline.required");
  }

  @Test
  void aGoNoGoMilestoneNamesTheTrancheItGates() {
    refused(() -> new Milestone(grant, "J1", "T", action(grant), BASELINE, null, true, null), "milestone.goNoGo.trancheRequired");
  }

  @Test
  void plannedStartsAndNothingElseDoes() {
    Milestone m = milestone(false);
    refused(() -> m.declareReached(null, TODAY), "milestone.reach.notInProgress");
    refused(() -> m.validate(decision(grant, "C1", 30L, null)), "milestone.validate.notReached");
    refused(() -> m.reject(decision(grant, "C2", 30L, null), BASELINE), "milestone.reject.notReached");
    m.start();
    assertThat(m.status()).isEqualTo(MilestoneStatus.IN_PROGRESS);
    refused(m::start, "milestone.start.notPlanned");
  }

  @Test
  void reachingNeedsEvidenceAndADayNotInTheFuture() {
    Milestone m = milestone(false);
    m.start();
    refused(() -> m.declareReached(null, TODAY), "milestone.reach.noEvidence");
    m.addEvidence(StoredFiles.pdf("pv.pdf"));
    refused(() -> m.declareReached(LocalDate.of(2026, 11, 30), TODAY), "milestone.reach.future");
    m.declareReached(null, TODAY);
    assertThat(m.status()).isEqualTo(MilestoneStatus.REACHED);
    assertThat(m.reachedOn()).isEqualTo(LocalDate.of(2026, 11, 29));
  }

  @Test
  void validationNeedsACopilDecisionOnThisMilestone() {
    Milestone m = reached(false);
    refused(() -> m.validate(null), "milestone.decision.required");
    refused(() -> m.validate(decision(grant, "C-OTHER", 31L, null)), "milestone.decision.notThisMilestone");
    CopilDecision onBudget = new CopilMeeting(grant, LocalDate.of(2022, 6, 9), "COPIL", "Tous").decide("C-B", DecisionSubject.BUDGET_VERSION, 30L, "Budget", null);
    refused(() -> m.validate(onBudget), "milestone.decision.notThisMilestone");
    m.validate(decision(grant, "C-OK", 30L, null));
    assertThat(m.status()).isEqualTo(MilestoneStatus.VALIDATED);
    assertThat(m.releasesTranche()).isTrue();
  }

  @Test
  void aGoNoGoMilestoneNeedsAnOutcomeAndAPlainOneRefusesNoGo() {
    Milestone goNoGo = reached(true);
    refused(() -> goNoGo.validate(decision(grant, "C-NONE", 30L, null)), "milestone.validate.outcomeRequired");
    goNoGo.validate(decision(grant, "C-GO", 30L, DecisionOutcome.GO));
    assertThat(goNoGo.releasesTranche()).isTrue();
    assertThat(goNoGo.noGo()).isFalse();

    Milestone plain = reached(false);
    refused(() -> plain.validate(decision(grant, "C-NOGO", 30L, DecisionOutcome.NO_GO)), "milestone.validate.noGoOnPlain");
  }

  @Test
  void aNoGoValidatesTheMilestoneButReleasesNothing() {
    Milestone m = reached(true);
    m.validate(decision(grant, "C-NOGO", 30L, DecisionOutcome.NO_GO));
    assertThat(m.status()).isEqualTo(MilestoneStatus.VALIDATED);
    assertThat(m.noGo()).isTrue();
    assertThat(m.releasesTranche()).isFalse();
  }

  @Test
  void aRejectedMilestoneGoesBackInProgressWithANewForecastAndItsBaselineKept() {
    Milestone m = reached(false);
    refused(() -> m.reject(decision(grant, "C-R", 30L, null), null), "milestone.reject.forecastRequired");
    m.reject(decision(grant, "C-R2", 30L, null), LocalDate.of(2027, 1, 31));
    assertThat(m.status()).isEqualTo(MilestoneStatus.IN_PROGRESS);
    assertThat(m.forecastDate()).isEqualTo(LocalDate.of(2027, 1, 31));
    assertThat(m.baselineDate()).isEqualTo(BASELINE);
    assertThat(m.reachedOn()).isNull();
    assertThat(m.decision().reference()).isEqualTo("C-R2");
    assertThat(m.late(TODAY)).isTrue();
    assertThat(m.slipping()).isTrue();
  }

  @Test
  void openMilestonesMayBeAbandonedClosedOnesNot() {
    Milestone planned = milestone(false);
    planned.abandon();
    assertThat(planned.status()).isEqualTo(MilestoneStatus.ABANDONED);
    refused(planned::abandon, "milestone.abandon.closed");
    refused(planned::start, "milestone.start.notPlanned");
    refused(() -> planned.addEvidence(StoredFiles.pdf("x.pdf")), "milestone.evidence.closed");
    Milestone reached = reached(false);
    reached.abandon();
    assertThat(reached.status()).isEqualTo(MilestoneStatus.ABANDONED);
    Milestone validated = reached(false);
    validated.validate(decision(grant, "C-V", 30L, null));
    refused(validated::abandon, "milestone.abandon.closed");
  }

  @Test
  void replanningMovesTheForecastNeverTheBaseline() {
    Milestone m = milestone(false);
    m.replan(LocalDate.of(2026, 6, 30));
    assertThat(m.forecastDate()).isEqualTo(LocalDate.of(2026, 6, 30));
    assertThat(m.baselineDate()).isEqualTo(BASELINE);
    refused(() -> m.replan(null), "milestone.forecast.required");
    Milestone reached = reached(false);
    refused(() -> reached.replan(LocalDate.of(2026, 6, 30)), "milestone.replan.notOpen");
  }

  @Test
  void onlyAnAmendmentMovesTheBaseline() {
    Milestone m = milestone(false);
    refused(() -> m.rebaseline(null, LocalDate.of(2026, 9, 30)), "milestone.baseline.amendmentRequired");
    Amendment amendment = GrantFixtures.amendment(grant, 2, decision(grant, "C-AV2", null, null));
    m.rebaseline(amendment, LocalDate.of(2026, 9, 30));
    assertThat(m.baselineDate()).isEqualTo(LocalDate.of(2026, 9, 30));
    assertThat(m.baselineAmendment()).isSameAs(amendment);
  }

  @Test
  void lateFromTheDayAfterTheBaselineAtMidnightInParis() {
    Milestone m = milestone(false);
    assertThat(m.late(at(BASELINE.atTime(23, 59, 59)))).isFalse();
    assertThat(m.late(at(BASELINE.plusDays(1).atStartOfDay()))).isTrue();
    m.start();
    assertThat(m.late(at(BASELINE.plusDays(1).atStartOfDay()))).isTrue();
  }

  @Test
  void aReachedValidatedOrAbandonedMilestoneIsNotLate() {
    Clock after = on(BASELINE.plusDays(10));
    Milestone reached = reached(false);
    assertThat(reached.late(after)).isFalse();
    reached.validate(decision(grant, "C-V", 30L, null));
    assertThat(reached.late(after)).isFalse();
    Milestone abandoned = milestone(false);
    abandoned.abandon();
    assertThat(abandoned.late(after)).isFalse();
  }

  @Test
  void slippingWhenTheForecastPassesTheBaselineByADay() {
    Milestone m = milestone(false);
    m.replan(BASELINE);
    assertThat(m.slipping()).isFalse();
    m.replan(BASELINE.plusDays(1));
    assertThat(m.slipping()).isTrue();
    m.replan(BASELINE.minusDays(5));
    assertThat(m.slipping()).isFalse();
  }

  @Test
  void theNoGoIsLiftedOnlyByAnAmendmentCitingItsDecision() {
    Milestone m = reached(true);
    CopilDecision noGo = decision(grant, "C-NOGO", 30L, DecisionOutcome.NO_GO);
    m.validate(noGo);
    refused(() -> m.liftNoGo(GrantFixtures.amendment(grant, 3, decision(grant, "C-AUTRE", null, null))), "milestone.noGo.amendmentMustCite");
    Amendment citing = GrantFixtures.amendment(grant, 4, noGo);
    m.liftNoGo(citing);
    assertThat(m.noGoLiftedBy()).isSameAs(citing);
    refused(() -> m.liftNoGo(citing), "milestone.noGo.alreadyLifted");
    Milestone go = reached(true);
    go.validate(decision(grant, "C-GO", 30L, DecisionOutcome.GO));
    refused(() -> go.liftNoGo(citing), "milestone.noGo.none");
  }

  @Test
  void theTrancheConditionIsMetOnlyWhenValidatedWithGo() {
    Milestone m = reached(true);
    assertThat(MilestoneConditions.verdict(m).met()).isFalse();
    assertThat(MilestoneConditions.verdict(m).detail()).isEqualTo("J3 — Atteint");
    m.validate(decision(grant, "COPIL-2022-04", 30L, DecisionOutcome.GO));
    assertThat(MilestoneConditions.verdict(m).met()).isTrue();
    assertThat(MilestoneConditions.verdict(m).detail()).isEqualTo("J3 — validé en COPIL (COPIL-2022-04, le 09/06/2022)");
    Milestone noGo = reached(true);
    noGo.validate(decision(grant, "COPIL-2022-05", 30L, DecisionOutcome.NO_GO));
    assertThat(MilestoneConditions.verdict(noGo).met()).isFalse();
    assertThat(MilestoneConditions.verdict(null).met()).isFalse();
  }
}
