package fr.jalon.demo;

import fr.jalon.grant.AmendmentService;
import fr.jalon.grant.CopilService;
import fr.jalon.grant.DecisionSummary;
import fr.jalon.grant.MeetingSummary;
import fr.jalon.grant.NewAmendment;
import fr.jalon.grant.DecisionSubject;
import fr.jalon.grant.GrantService;
import fr.jalon.grant.Organisation;
import fr.jalon.plan.ActionService;
import fr.jalon.plan.BudgetService;
import fr.jalon.plan.CategoryService;
import fr.jalon.plan.PlanRecords.ActionForm;
import fr.jalon.plan.PlanRecords.Approval;
import fr.jalon.plan.PlanRecords.ActionRow;
import fr.jalon.plan.PlanRecords.CategoryRow;
import fr.jalon.plan.PlanRecords.CellChange;
import fr.jalon.plan.PlanRecords.Source;
import fr.jalon.plan.PlanRecords.VersionRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo's action plan (six axes, 2020–2029), the default cost categories, the initial budget
 * (v1, approved, eligible total exactly 5 000 000,00 €), the 2026 revision (v2) that moves money
 * between actions, approved with COPIL n° 12's decision and made the budget annex by amendment
 * n° 1, and a draft 2027 revision (v3) still being worked on. Amounts are fictitious.
 */
@ApplicationScoped
public class DemoPlan {
  @Inject GrantService grants;
  @Inject ActionService actions;
  @Inject CategoryService categories;
  @Inject BudgetService budget;
  @Inject CopilService copil;
  @Inject AmendmentService amendments;

  /** code, parent code, title, lead organisation prefix (or null), start year, end year, total in euros (0 for an axis). */
  private record Node(String code, String parent, String title, String lead, int from, int to, long total, String profile, String partner) {}

  /** How an action's money splits across categories: code → percent. */
  private static final Map<String, Map<String, Integer>> PROFILES = Map.of(
      "equipment", Map.of("INV", 70, "PERS", 20, "PREST", 10),
      "training", Map.of("PERS", 50, "PREST", 30, "FONC", 10, "DEPL", 10),
      "outreach", Map.of("COMM", 40, "PERS", 30, "DEPL", 20, "FONC", 10),
      "digital", Map.of("INV", 50, "PREST", 30, "FONC", 20),
      "housing", Map.of("INV", 80, "FONC", 20));

  private static final List<Node> PLAN = List.of(
      new Node("A1", null, "Plateforme technologique mécatronique", "Lycée Jean-François Champollion", 2020, 2029, 0, null, null),
      new Node("A1.1", "A1", "Équipement de la plateforme : usinage 5 axes, fabrication additive, métrologie", "Lycée Jean-François Champollion", 2020, 2027, 1_100_000, "equipment", "Région"),
      new Node("A1.1.1", "A1.1", "Cellule robotisée collaborative", "Figeac Aéro", 2021, 2025, 400_000, "equipment", "Région"),
      new Node("A1.2", "A1", "Animation de la plateforme et ouverture aux entreprises", "Association Mecanic Vallée", 2021, 2029, 350_000, "training", "Ratier"),
      new Node("A2", null, "Modules de formation Industrie 4.0", "IUT de Figeac", 2020, 2029, 0, null, null),
      new Node("A2.1", "A2", "Conception des modules : jumeau numérique, maintenance prédictive, cobotique", "IUT de Figeac", 2020, 2024, 450_000, "training", "Région"),
      new Node("A2.2", "A2", "Déploiement en bac pro, BTS et apprentissage", "Lycée Jean-François Champollion", 2022, 2029, 500_000, "training", "Région"),
      new Node("A3", null, "Montée en compétences des enseignants", "Lycée Jean-François Champollion", 2020, 2029, 0, null, null),
      new Node("A3.1", "A3", "Stages des enseignants en entreprise", "Ratier-Figeac", 2021, 2029, 250_000, "training", "Ratier"),
      new Node("A3.2", "A3", "Formations certifiantes des formateurs", "IUT de Figeac", 2020, 2028, 300_000, "training", "Lycée"),
      new Node("A4", null, "Attractivité des métiers industriels", "Association Mecanic Vallée", 2020, 2029, 0, null, null),
      new Node("A4.1", "A4", "Les filles et l’industrie : marraines, ambassadrices, stages d’observation", "Association Mecanic Vallée", 2020, 2029, 200_000, "outreach", "Région"),
      new Node("A4.2", "A4", "Collégiens : découverte des métiers, mini-entreprises, visites d’usines", "Association Mecanic Vallée", 2020, 2029, 250_000, "outreach", "Lycée"),
      new Node("A5", null, "Campus connecté", "Lycée Jean-François Champollion", 2020, 2029, 0, null, null),
      new Node("A5.1", "A5", "Réseau et plateforme numérique de ressources partagées", "Lycée Jean-François Champollion", 2020, 2026, 450_000, "digital", "Région"),
      new Node("A5.2", "A5", "Salles immersives et formation à distance", "IUT de Figeac", 2022, 2029, 350_000, "digital", "Lycée"),
      new Node("A6", null, "Hébergement et vie de campus", "Lycée Jean-François Champollion", 2020, 2029, 0, null, null),
      new Node("A6.1", "A6", "Logement des apprentis et alternants (internat rénové)", "Lycée Jean-François Champollion", 2022, 2028, 400_000, "housing", "Lycée"));

  public void load() {
    List<CategoryRow> cats = categories.list();
    Map<String, Long> category = new HashMap<>();
    cats.forEach(c -> category.put(c.code(), c.id()));
    List<Organisation> organisations = grants.organisations();
    Map<String, Long> actionId = new HashMap<>();
    for (Node n : PLAN) {
      Long lead = organisations.stream().filter(o -> o.name().startsWith(n.lead())).map(Organisation::id).findFirst().orElse(null);
      ActionRow row = actions.create(new ActionForm(n.parent() == null ? null : actionId.get(n.parent()), n.code(), n.title(), null, lead,
          LocalDate.of(n.from(), n.from() == 2020 ? 9 : 1, 1), LocalDate.of(n.to(), 12, 31), null, null));
      actionId.put(n.code(), row.id());
    }
    List<Source> sources = budget.sources();
    Long pia = sources.stream().filter(s -> "PIA".equals(s.kind())).map(Source::id).findFirst().orElseThrow();

    VersionRow v1 = budget.createRevision("Budget initial — annexe financière de la convention");
    List<CellChange> cells = new ArrayList<>();
    for (Node n : PLAN) {
      if (n.total() == 0) {
        continue;
      }
      Long partner = sources.stream().filter(s -> !"PIA".equals(s.kind()) && s.label().startsWith(n.partner())).map(Source::id).findFirst().orElseThrow();
      for (Map.Entry<String, Integer> share : PROFILES.get(n.profile()).entrySet()) {
        long categoryCents = n.total() * 100 * share.getValue() / 100;
        long piaCents = categoryCents * 40 / 100;
        spread(cells, actionId.get(n.code()), category.get(share.getKey()), pia, piaCents, n.from(), n.to());
        spread(cells, actionId.get(n.code()), category.get(share.getKey()), partner, categoryCents - piaCents, n.from(), n.to());
      }
    }
    budget.putCells(v1.id(), cells);
    budget.approve(v1.id(), null);

    VersionRow v2 = budget.createRevision("Révision 2026 — renfort de l’attractivité auprès des filles");
    budget.putCells(v2.id(), List.of(
        move(actionId.get("A1.1"), category.get("INV"), pia, 2026, cells, -30_000),
        move(actionId.get("A1.1"), category.get("INV"), pia, 2027, cells, -30_000),
        move(actionId.get("A4.1"), category.get("COMM"), pia, 2026, cells, 40_000),
        move(actionId.get("A3.1"), category.get("PERS"), pia, 2026, cells, 20_000)));

    // COPIL n° 12 approves the revision (money moves between actions: rule 12 needs its decision)
    // and the amendment that makes it the budget annex.
    MeetingSummary meeting = copil.addMeeting(new CopilService.NewMeeting(LocalDate.of(2026, 3, 17), "COPIL n° 12 — revue annuelle du plan d’actions",
        "Proviseur du lycée Champollion (président), Région Occitanie, Rectorat de Toulouse, Caisse des Dépôts, Ratier-Figeac, Figeac Aéro, IUT de Figeac, Mecanic Vallée"));
    DecisionSummary onBudget = copil.decide(meeting.id(), new CopilService.NewDecision("COPIL-2026-03-B2", DecisionSubject.BUDGET_VERSION, v2.id(),
        "Transfert de 60 000 € de l’équipement de la plateforme (A1.1) vers l’action « Les filles et l’industrie » (A4.1) et les stages enseignants (A3.1).", null));
    DecisionSummary onAmendment = copil.decide(meeting.id(), new CopilService.NewDecision("COPIL-2026-03-AV1", DecisionSubject.AMENDMENT, null,
        "Avenant n° 1 à la convention : l’annexe financière devient la révision 2026 du budget (v2).", null));
    budget.approve(v2.id(), new Approval(onBudget.id(), null));
    amendments.record(new NewAmendment(LocalDate.of(2026, 4, 2), LocalDate.of(2026, 4, 2),
        "Avenant n° 1 : approbation de la révision 2026 de l’annexe financière (transfert de 60 000 € vers l’attractivité des métiers auprès des filles et les stages enseignants).",
        onAmendment.id(), null, v2.id()));

    // A draft for 2027 that the project manager is still working on.
    VersionRow v3 = budget.createRevision("Révision 2027 — projet de la plateforme (brouillon)");
    budget.putCells(v3.id(), List.of(
        // 10 000 € of the 2026 communication money goes to teacher placements (relative to v1: +30 000 each).
        move(actionId.get("A4.1"), category.get("COMM"), pia, 2026, cells, 30_000),
        move(actionId.get("A3.1"), category.get("PERS"), pia, 2026, cells, 30_000)));
  }

  /** Spreads {@code cents} evenly over the years, the remainder on the last year: the row adds up exactly. */
  private static void spread(List<CellChange> cells, Long action, Long category, Long source, long cents, int from, int to) {
    int years = to - from + 1;
    long each = cents / years;
    for (int y = from; y <= to; y++) {
      long amount = y == to ? cents - each * (years - 1) : each;
      cells.add(new CellChange(action, category, source, y, BigDecimal.valueOf(amount, 2)));
    }
  }

  private static CellChange move(Long action, Long category, Long source, int year, List<CellChange> v1, long euros) {
    BigDecimal before = v1.stream().filter(c -> c.actionId().equals(action) && c.categoryId().equals(category) && c.sourceId().equals(source) && c.year() == year)
        .map(CellChange::amount).findFirst().orElseThrow();
    return new CellChange(action, category, source, year, before.add(BigDecimal.valueOf(euros)));
  }
}
