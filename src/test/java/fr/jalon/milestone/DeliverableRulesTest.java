package fr.jalon.milestone;

import static fr.jalon.milestone.MilestoneFixtures.action;
import static fr.jalon.milestone.MilestoneFixtures.at;
import static fr.jalon.milestone.MilestoneFixtures.on;
import static fr.jalon.milestone.MilestoneRulesTest.refused;
import static org.assertj.core.api.Assertions.assertThat;

import fr.jalon.grant.Grant;
import fr.jalon.platform.StoredFiles;
import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Deliverables: EXPECTED → SUBMITTED (with its file) → ACCEPTED | REJECTED, late like milestones. */
class DeliverableRulesTest {
  static final LocalDate DUE = LocalDate.of(2026, 6, 30);
  static final Clock TODAY = on(LocalDate.of(2026, 11, 29));
  final Grant grant = MilestoneFixtures.grant();

  Deliverable deliverable() {
    return new Deliverable(grant, "l1", "Cahier des charges", action(grant), null, DUE);
  }

  @Test
  void aDeliverableHangsOnAnActionOrAMilestoneAndHasADueDate() {
    refused(() -> new Deliverable(grant, "L1", "T", null, null, DUE), "deliverable.hangsOn.required");
    refused(() -> new Deliverable(grant, "L1", "T", action(grant), null, null), "deliverable.due.required");
    refused(() -> new Deliverable(grant, "", "T", action(grant), null, DUE), "deliverable.code.required");
    Milestone m = new Milestone(grant, "J1", "Jalon", action(grant), DUE, null, false, null);
    Deliverable onMilestone = new Deliverable(grant, "L2", "Rapport", null, m, DUE);
    assertThat(onMilestone.action()).isSameAs(m.action());
    assertThat(deliverable().code()).isEqualTo("L1");
  }

  @Test
  void submittedWithItsFileThenAcceptedOrRejectedAndSubmittedAgain() {
    Deliverable d = deliverable();
    refused(d::accept, "deliverable.review.notSubmitted");
    refused(() -> d.submit(null, null, TODAY), "deliverable.submit.fileRequired");
    refused(() -> d.submit(StoredFiles.pdf("cdc.pdf"), LocalDate.of(2026, 12, 1), TODAY), "deliverable.submit.future");
    d.submit(StoredFiles.pdf("cdc.pdf"), null, TODAY);
    assertThat(d.status()).isEqualTo(DeliverableStatus.SUBMITTED);
    assertThat(d.submittedOn()).isEqualTo(LocalDate.of(2026, 11, 29));
    refused(() -> d.submit(StoredFiles.pdf("cdc2.pdf"), null, TODAY), "deliverable.submit.notOpen");
    d.reject();
    assertThat(d.status()).isEqualTo(DeliverableStatus.REJECTED);
    d.submit(StoredFiles.pdf("cdc-v2.pdf"), null, TODAY);
    d.accept();
    assertThat(d.status()).isEqualTo(DeliverableStatus.ACCEPTED);
    refused(d::reject, "deliverable.review.notSubmitted");
  }

  @Test
  void lateFromTheDayAfterItsDueDateUntilSubmitted() {
    Deliverable d = deliverable();
    assertThat(d.late(at(DUE.atTime(23, 59, 59)))).isFalse();
    assertThat(d.late(at(DUE.plusDays(1).atStartOfDay()))).isTrue();
    d.submit(StoredFiles.pdf("cdc.pdf"), null, TODAY);
    assertThat(d.late(TODAY)).isFalse();
    d.reject();
    assertThat(d.late(TODAY)).isTrue();
  }
}
