package fr.jalon.grant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.jalon.audit.AuditContext;
import fr.jalon.platform.RuleViolation;
import fr.jalon.platform.TestDatabase;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The funding plan and the tranches against the real schema: sums by the database, to the cent. */
class FundingPersistenceTest {
  static TestDatabase db;
  static long grantId;

  @BeforeAll
  static void start() {
    db = new TestDatabase();
    AuditContext.actorResolver(() -> "testeur");
    grantId = db.inTransaction(em -> {
      Organisation beneficiary = new Organisation("Lycée Champollion", "19460036500010", LegalForm.EPLE, false);
      em.persist(beneficiary);
      Grant grant = new Grant(GrantRulesTest.golden(), beneficiary);
      em.persist(grant);
      em.flush();
      return grant.id();
    });
  }

  @AfterAll
  static void stop() {
    AuditContext.actorResolver(() -> AuditContext.SYSTEM);
    db.close();
  }

  private static long line(FunderKind kind, FundingNature nature, String name, String committed) {
    return db.inTransaction(em -> {
      Organisation funder = new Organisation(name, null, LegalForm.COMPANY, true);
      em.persist(funder);
      Cofunding line = new Cofunding(em.find(Grant.class, grantId), funder, kind, nature, new BigDecimal(committed));
      em.persist(line);
      em.flush();
      return line.id();
    });
  }

  @Test
  void eachLinesReceivedMoneyIsTheSumOfItsReceiptsToTheCent() {
    long region = line(FunderKind.REGION, FundingNature.CASH, "Région test", "1500000.00");
    long company = line(FunderKind.COMPANY, FundingNature.IN_KIND, "Entreprise test", "250000.00");
    List<String> amounts = List.of("100000.10", "0.01", "249999.99", "33333.33");
    db.run(em -> {
      Cofunding r = em.find(Cofunding.class, region);
      amounts.forEach(a -> em.persist(r.receive(LocalDate.of(2021, 3, 1), new BigDecimal(a), "TITRE-" + a)));
      em.persist(em.find(Cofunding.class, company).receive(LocalDate.of(2022, 1, 10), new BigDecimal("12345.67"), null));
    });
    List<CofundingLine> lines = db.inTransaction(em -> new FundingRepository(em).lineFigures(em.find(Grant.class, grantId)));
    CofundingLine regionLine = lines.stream().filter(l -> l.id() == region).findFirst().orElseThrow();
    assertThat(regionLine.received()).isEqualTo(new BigDecimal("383333.43"));
    assertThat(regionLine.expected()).isEqualTo(new BigDecimal("1116666.57"));
    assertThat(lines.stream().filter(l -> l.id() == company).findFirst().orElseThrow().received()).isEqualTo(new BigDecimal("12345.67"));
    BigDecimal direct = db.inTransaction(em -> new FundingRepository(em).receivedOn(em.find(Cofunding.class, region)));
    assertThat(direct).isEqualTo(new BigDecimal("383333.43"));
    List<CofundingReceiptRow> rows = db.inTransaction(em -> new FundingRepository(em).receipts(em.find(Cofunding.class, region)));
    assertThat(rows.stream().map(CofundingReceiptRow::amount).reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(regionLine.received());
  }

  @Test
  void thePiaLineRefusesReceiptsAndShowsTheTranchesReceivedMoney() {
    long pia = line(FunderKind.PIA, FundingNature.CASH, "Opérateur test", "2000000.00");
    assertThatThrownBy(() -> db.run(em -> em.find(Cofunding.class, pia).receive(LocalDate.of(2021, 1, 1), new BigDecimal("10.00"), null)))
        .isInstanceOf(RuleViolation.class)
        .hasMessageContaining("proviennent des versements");
    db.run(em -> {
      Grant grant = em.find(Grant.class, grantId);
      Tranche advance = new Tranche(grant, 1, TrancheKind.ADVANCE, new BigDecimal("600000.00"), LocalDate.of(2020, 10, 1), null);
      advance.request(new BigDecimal("600000.00"), LocalDate.of(2020, 10, 1));
      advance.recordReceipt(new BigDecimal("599999.99"), LocalDate.of(2020, 11, 20), "VIR-1");
      Tranche second = new Tranche(grant, 2, TrancheKind.INTERIM, new BigDecimal("500000.00"), LocalDate.of(2023, 6, 30), new BigDecimal("30"));
      second.request(new BigDecimal("400000.01"), LocalDate.of(2023, 7, 1));
      second.recordReceipt(new BigDecimal("400000.01"), LocalDate.of(2023, 8, 1), "VIR-2");
      Tranche third = new Tranche(grant, 3, TrancheKind.INTERIM, new BigDecimal("300000.00"), LocalDate.of(2025, 6, 30), null);
      third.request(new BigDecimal("300000.00"), LocalDate.of(2025, 7, 1));
      em.persist(advance);
      em.persist(second);
      em.persist(third);
    });
    BigDecimal received = db.inTransaction(em -> new FundingRepository(em).piaReceived(em.find(Grant.class, grantId)));
    assertThat(received).isEqualTo(new BigDecimal("1000000.00"));
    CofundingLine piaLine = db.inTransaction(em -> new FundingRepository(em).lineFigures(em.find(Grant.class, grantId)))
        .stream().filter(CofundingLine::pia).findFirst().orElseThrow();
    assertThat(piaLine.received()).isEqualTo(received);
    assertThat(piaLine.expected()).isEqualTo(new BigDecimal("1000000.00"));
    java.util.Optional<LocalDate> first = db.inTransaction(em -> new FundingRepository(em).firstRequestedOn(em.find(Grant.class, grantId)));
    assertThat(first).contains(LocalDate.of(2020, 10, 1));
  }

  @Test
  void aTranchesConditionsAreStoredWithItAndItsRequestDateIsKept() {
    // A milestone condition names a real milestone (foreign key since V6).
    long milestone = db.inTransaction(em -> {
      Grant grant = em.find(Grant.class, grantId);
      fr.jalon.plan.Action action = new fr.jalon.plan.Action(grant, null, "A9", "Action", null, null, LocalDate.of(2020, 9, 1), LocalDate.of(2029, 12, 31));
      em.persist(action);
      fr.jalon.milestone.Milestone m = new fr.jalon.milestone.Milestone(grant, "J12", "Jalon", action, LocalDate.of(2029, 6, 30), null, false, null);
      em.persist(m);
      em.flush();
      return m.id();
    });
    long id = db.inTransaction(em -> {
      Tranche t = new Tranche(em.find(Grant.class, grantId), 9, TrancheKind.BALANCE, new BigDecimal("200000.00"), LocalDate.of(2030, 3, 31), null);
      t.replaceConditions(List.of(new Tranche.ConditionSpec(ConditionKind.REPORT_ACCEPTED, null, "FINAL_ERD"),
          new Tranche.ConditionSpec(ConditionKind.MILESTONE_VALIDATED, milestone, null)));
      em.persist(t);
      em.flush();
      return t.id();
    });
    List<String> kinds = db.inTransaction(em -> em.find(Tranche.class, id).conditions().stream().map(c -> c.kind() + ":" + (c.milestoneId() != null ? c.milestoneId() : c.reportType())).toList());
    assertThat(kinds).containsExactlyInAnyOrder("REPORT_ACCEPTED:FINAL_ERD", "MILESTONE_VALIDATED:" + milestone);
    db.run(em -> em.find(Tranche.class, id).replaceConditions(List.of(new Tranche.ConditionSpec(ConditionKind.REPORT_ACCEPTED, null, "FINAL_ERD"))));
    int left = db.inTransaction(em -> em.find(Tranche.class, id).conditions().size());
    assertThat(left).isEqualTo(1);
  }

  @Test
  void aTranchesRequestAndReceiptGoToTheAuditTrail() {
    long id = db.inTransaction(em -> {
      Tranche t = new Tranche(em.find(Grant.class, grantId), 11, TrancheKind.INTERIM, new BigDecimal("100000.00"), LocalDate.of(2026, 1, 31), null);
      em.persist(t);
      em.flush();
      return t.id();
    });
    db.run(em -> em.find(Tranche.class, id).request(new BigDecimal("100000.00"), LocalDate.of(2026, 2, 1)));
    db.run(em -> em.find(Tranche.class, id).recordReceipt(new BigDecimal("99000.00"), LocalDate.of(2026, 3, 2), "VIR-AUDIT"));
    List<fr.jalon.audit.AuditEntry> entries = db.inTransaction(em -> em.createQuery(
            "SELECT a FROM AuditEntry a WHERE a.entityType = 'Tranche' AND a.entityId = 'T11' ORDER BY a.id", fr.jalon.audit.AuditEntry.class).getResultList());
    assertThat(entries).extracting(fr.jalon.audit.AuditEntry::action).containsExactly("CREATE", "UPDATE", "UPDATE");
    assertThat(entries.get(1).changes()).contains("status: PLANNED → REQUESTED").contains("requestedOn");
    assertThat(entries.get(2).changes()).contains("status: REQUESTED → RECEIVED").contains("receivedAmount");
    assertThat(entries.get(2).actor()).isEqualTo("testeur");
  }

  @Test
  void copilDecisionsAreListedAsCitableRecords() {
    db.run(em -> {
      CopilMeeting meeting = new CopilMeeting(em.find(Grant.class, grantId), LocalDate.of(2021, 3, 18), "COPIL n° 1", "Proviseur, Région, entreprises");
      meeting.decide("COPIL-TEST-01", DecisionSubject.BUDGET_VERSION, null, "Maquette budgétaire adoptée", null);
      em.persist(meeting);
    });
    List<DecisionSummary> decisions = db.inTransaction(em -> em.createQuery(
            "SELECT NEW fr.jalon.grant.DecisionSummary(d.id, d.reference, m.heldOn, d.subject, d.subjectId, d.summary, d.outcome, m.id) FROM CopilDecision d JOIN d.meeting m ORDER BY m.heldOn, d.reference",
            DecisionSummary.class).getResultList());
    assertThat(decisions).extracting(DecisionSummary::citation).contains("COPIL-TEST-01 — 18/03/2021");
  }
}
