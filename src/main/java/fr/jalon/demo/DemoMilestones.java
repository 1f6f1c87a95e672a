package fr.jalon.demo;

import fr.jalon.grant.ConditionKind;
import fr.jalon.grant.CopilService;
import fr.jalon.grant.DecisionOutcome;
import fr.jalon.grant.DecisionSubject;
import fr.jalon.grant.DecisionSummary;
import fr.jalon.grant.MeetingSummary;
import fr.jalon.grant.Tranche;
import fr.jalon.grant.TrancheRow;
import fr.jalon.grant.TrancheService;
import fr.jalon.milestone.DeliverableService;
import fr.jalon.milestone.MilestoneRecords.DeliverableForm;
import fr.jalon.milestone.MilestoneRecords.DeliverableReview;
import fr.jalon.milestone.MilestoneRecords.DeliverableRow;
import fr.jalon.milestone.MilestoneRecords.MilestoneDetail;
import fr.jalon.milestone.MilestoneRecords.MilestoneForm;
import fr.jalon.milestone.MilestoneRecords.Review;
import fr.jalon.milestone.MilestoneRecords.Step;
import fr.jalon.milestone.MilestoneRecords.Transition;
import fr.jalon.milestone.MilestoneService;
import fr.jalon.plan.ActionService;
import fr.jalon.plan.PlanRecords.ActionRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The demo's milestones over the whole grant, on the demo actions: the early ones validated with
 * evidence (a small real PDF), a go/no-go at year 2 validated GO by the COPIL and gating tranche 2,
 * one reached awaiting its COPIL, two late, one slipping, the later ones planned; tranche 3 waits
 * for J03; a few deliverables. Dates are fictitious; lateness follows the real clock.
 */
@ApplicationScoped
public class DemoMilestones {
  @Inject MilestoneService milestones;
  @Inject DeliverableService deliverables;
  @Inject ActionService actions;
  @Inject CopilService copil;
  @Inject TrancheService tranches;

  public void load() {
    List<ActionRow> plan = actions.list();
    Locale fr = Locale.FRENCH;
    List<TrancheRow> schedule = tranches.overview(fr).tranches();

    MilestoneDetail j01 = define(plan, "J01", "A1.1", "Centre d’usinage 5 axes installé et réceptionné", LocalDate.of(2021, 9, 30), "Procès-verbal de réception sans réserve", null);
    MilestoneDetail j02 = define(plan, "J02", "A2.1", "Go / no go : modules Industrie 4.0 prêts à être déployés", LocalDate.of(2022, 6, 30),
        "Trois modules conçus, testés sur une promotion pilote, validés par le rectorat", trancheId(schedule, 2));
    MilestoneDetail j03 = define(plan, "J03", "A1.1.1", "Cellule robotisée collaborative en service", LocalDate.of(2023, 3, 31), "Cellule utilisée par deux sections", null);
    MilestoneDetail j04 = define(plan, "J04", "A3.1", "Trente enseignants passés en stage en entreprise", LocalDate.of(2024, 6, 30), "Attestations de stage", null);
    MilestoneDetail j05 = define(plan, "J05", "A5.1", "Plateforme numérique de ressources ouverte à tous les établissements", LocalDate.of(2025, 12, 31), "Accès ouvert aux sept établissements", null);
    MilestoneDetail j06 = define(plan, "J06", "A6.1", "Internat rénové livré", LocalDate.of(2026, 9, 30), "Réception des travaux, commission de sécurité favorable", null);
    MilestoneDetail j07 = define(plan, "J07", "A2.2", "Premiers BTS en apprentissage diplômés", LocalDate.of(2027, 6, 30), "Résultats d’examen", null);
    MilestoneDetail j08 = define(plan, "J08", "A2.2", "Module jumeau numérique déployé en bac pro", LocalDate.of(2026, 9, 30), "Module inscrit à l’emploi du temps de deux classes", null);
    define(plan, "J09", "A4.1", "Réseau de cinquante marraines actives", LocalDate.of(2027, 9, 30), "Liste des marraines et des interventions", null);
    define(plan, "J10", "A5.2", "Salles immersives ouvertes", LocalDate.of(2028, 6, 30), null, null);
    define(plan, "J11", "A1.2", "Go / no go : pérennisation de la plateforme après le PIA", LocalDate.of(2028, 12, 31), "Modèle économique adopté par le conseil d’administration", trancheId(schedule, 4));
    define(plan, "J12", "A3.2", "Bilan des certifications des formateurs", LocalDate.of(2029, 6, 30), null, null);
    define(plan, "J13", "A4.2", "Bilan final des actions d’attractivité", LocalDate.of(2029, 10, 31), null, null);

    MeetingSummary copil2 = copil.addMeeting(new CopilService.NewMeeting(LocalDate.of(2022, 1, 20), "COPIL n° 2 — premier bilan des équipements",
        "Proviseur du lycée Champollion, Région Occitanie, Rectorat de Toulouse, Figeac Aéro, Caisse des Dépôts"));
    MeetingSummary copil3 = copil.addMeeting(new CopilService.NewMeeting(LocalDate.of(2022, 7, 7), "COPIL n° 3 — go / no go des modules de formation",
        "Proviseur du lycée Champollion, Région Occitanie, Rectorat de Toulouse, IUT de Figeac, Ratier-Figeac, Caisse des Dépôts"));
    MeetingSummary copil4 = copil.addMeeting(new CopilService.NewMeeting(LocalDate.of(2023, 4, 13), "COPIL n° 4 — plateforme robotisée",
        "Proviseur du lycée Champollion, Région Occitanie, Figeac Aéro, Caisse des Dépôts"));
    MeetingSummary copil6 = copil.addMeeting(new CopilService.NewMeeting(LocalDate.of(2024, 7, 4), "COPIL n° 6 — enseignants en entreprise",
        "Proviseur du lycée Champollion, Rectorat de Toulouse, Ratier-Figeac, Caisse des Dépôts"));

    validate(j01, LocalDate.of(2021, 10, 8), copil2, "COPIL-2022-J01", "Réception du centre d’usinage constatée : jalon J01 validé.", null);
    validate(j02, LocalDate.of(2022, 6, 24), copil3, "COPIL-2022-J02", "Modules validés par le rectorat : GO pour le déploiement (versement 2).", DecisionOutcome.GO);
    validate(j03, LocalDate.of(2023, 3, 28), copil4, "COPIL-2023-J03", "Cellule robotisée en service : jalon J03 validé.", null);
    validate(j04, LocalDate.of(2024, 6, 21), copil6, "COPIL-2024-J04", "Trente-deux enseignants en stage : jalon J04 validé.", null);

    // Two late (started, baseline passed, not reached) and one slipping (re-planned past its baseline).
    step(j05.id(), Step.START, null);
    step(j06.id(), Step.START, null);
    MilestoneDetail slipping = step(j07.id(), Step.START, null);
    step(slipping.id(), Step.REPLAN, LocalDate.of(2027, 12, 31));
    // Reached, awaiting the next COPIL.
    step(j08.id(), Step.START, null);
    evidence(j08.id(), "J08 — emploi du temps des classes de bac pro MELEC et MSPC");
    step(j08.id(), Step.REACH, LocalDate.of(2026, 10, 15));

    // Tranche 3 waits for J03, validated: its milestone condition shows met.
    TrancheRow third = schedule.stream().filter(t -> t.number() == 3).findFirst().orElseThrow();
    List<Tranche.ConditionSpec> conditions = new ArrayList<>(third.conditions());
    conditions.add(new Tranche.ConditionSpec(ConditionKind.MILESTONE_VALIDATED, j03.id(), null));
    tranches.reschedule(third.id(), new TrancheService.TrancheChange(third.version(), third.kind(), third.plannedAmount(), third.plannedDate(), third.minSpendRatio(), conditions), fr);

    DeliverableRow l01 = deliverables.create(new DeliverableForm("L01", "Cahier des charges du centre d’usinage", id(plan, "A1.1"), j01.id(), LocalDate.of(2021, 3, 31), null));
    deliverables.submit(l01.id(), pdf("L01 — cahier des charges du centre d’usinage 5 axes"), "L01-cahier-des-charges.pdf");
    deliverables.review(l01.id(), new DeliverableReview(Review.ACCEPT, deliverables.get(l01.id()).version()));
    DeliverableRow l02 = deliverables.create(new DeliverableForm("L02", "Référentiels des modules Industrie 4.0", id(plan, "A2.1"), j02.id(), LocalDate.of(2022, 5, 31), null));
    deliverables.submit(l02.id(), pdf("L02 — référentiels des modules Industrie 4.0"), "L02-referentiels.pdf");
    deliverables.review(l02.id(), new DeliverableReview(Review.ACCEPT, deliverables.get(l02.id()).version()));
    deliverables.create(new DeliverableForm("L03", "Guide d’utilisation de la plateforme numérique", id(plan, "A5.1"), j05.id(), LocalDate.of(2025, 11, 30), null));
    DeliverableRow l04 = deliverables.create(new DeliverableForm("L04", "Dossier de consultation des entreprises de l’internat", id(plan, "A6.1"), null, LocalDate.of(2026, 6, 30), null));
    deliverables.submit(l04.id(), pdf("L04 — dossier de consultation des entreprises"), "L04-dce-internat.pdf");
    deliverables.create(new DeliverableForm("L05", "Rapport d’évaluation des salles immersives", id(plan, "A5.2"), null, LocalDate.of(2028, 9, 30), null));
  }

  private MilestoneDetail define(List<ActionRow> plan, String code, String action, String title, LocalDate baseline, String criteria, Long trancheId) {
    return milestones.create(new MilestoneForm(code, title, id(plan, action), baseline, null, criteria, trancheId != null, trancheId, null));
  }

  /** Started, evidence attached, reached on {@code reachedOn}, then validated by a decision of {@code meeting}. */
  private void validate(MilestoneDetail m, LocalDate reachedOn, MeetingSummary meeting, String reference, String summary, DecisionOutcome outcome) {
    step(m.id(), Step.START, null);
    evidence(m.id(), m.code() + " — " + m.title());
    step(m.id(), Step.REACH, reachedOn);
    DecisionSummary decision = copil.decide(meeting.id(), new CopilService.NewDecision(reference, DecisionSubject.MILESTONE, m.id(), summary, outcome));
    MilestoneDetail now = milestones.detail(m.id());
    milestones.transition(m.id(), new Transition(Step.VALIDATE, now.version(), decision.id(), null));
  }

  private MilestoneDetail step(long id, Step step, LocalDate date) {
    return milestones.transition(id, new Transition(step, milestones.detail(id).version(), null, date));
  }

  private void evidence(long id, String text) {
    String code = milestones.detail(id).code();
    milestones.addEvidence(id, pdf("Preuve du jalon " + text), "preuve-" + code + ".pdf");
  }

  private static Long trancheId(List<TrancheRow> schedule, int number) {
    return schedule.stream().filter(t -> t.number() == number).findFirst().map(TrancheRow::id).orElseThrow();
  }

  private static Long id(List<ActionRow> plan, String code) {
    return plan.stream().filter(a -> a.code().equals(code)).findFirst().map(ActionRow::id).orElseThrow(() -> new IllegalStateException("action " + code));
  }

  /** A minimal valid one-page PDF showing {@code text} (ASCII only: accents are dropped). */
  static ByteArrayInputStream pdf(String text) {
    String ascii = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD).replaceAll("[^\\x20-\\x7E]", "").replace("\\", "").replace("(", "").replace(")", "");
    String stream = "BT /F1 14 Tf 60 760 Td (" + ascii + ") Tj 0 -24 Td (Jalon - piece justificative de demonstration, fictive) Tj ET";
    List<String> objects = List.of(
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        "<< /Length " + stream.length() + " >>\nstream\n" + stream + "\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List<Integer> offsets = new ArrayList<>();
    write(out, "%PDF-1.4\n");
    for (int i = 0; i < objects.size(); i++) {
      offsets.add(out.size());
      write(out, (i + 1) + " 0 obj\n" + objects.get(i) + "\nendobj\n");
    }
    int xref = out.size();
    StringBuilder table = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
    offsets.forEach(o -> table.append(String.format("%010d 00000 n \n", o)));
    table.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref).append("\n%%EOF\n");
    write(out, table.toString());
    return new ByteArrayInputStream(out.toByteArray());
  }

  private static void write(ByteArrayOutputStream out, String s) {
    out.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
  }
}
