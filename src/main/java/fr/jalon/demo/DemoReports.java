package fr.jalon.demo;

import fr.jalon.expense.ExpenseService;
import fr.jalon.expense.ExpenseStatus;
import fr.jalon.expense.ReceiptKind;
import fr.jalon.grant.TrancheRow;
import fr.jalon.grant.TrancheService;
import fr.jalon.grant.TrancheStatus;
import fr.jalon.reporting.ReportRow;
import fr.jalon.reporting.ReportService;
import fr.jalon.reporting.ReportStatus;
import fr.jalon.reporting.ReportType;
import fr.jalon.reporting.SignatoryRole;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * The demo's reports: the expense statement of two years ago, submitted, accepted and answered
 * line by line (one line partly accepted), a draft statement for the current year, and the
 * request pack of the requested tranche that carries it; for the board, the budget execution report
 * of the last finished quarter and the co-funding statement, in draft.
 */
@ApplicationScoped
public class DemoReports {
  private static final Logger LOG = Logger.getLogger(DemoReports.class.getName());

  @Inject ReportService reports;
  @Inject ExpenseService expenses;
  @Inject TrancheService tranches;
  @Inject fr.jalon.reporting.ProgressNarrativeService narratives;
  @Inject Clock clock;
  @PersistenceContext EntityManager em;

  public void load() {
    long started = System.nanoTime();
    Locale fr = Locale.FRENCH;
    int earlier = LocalDate.now(clock).getYear() - 2;
    LocalDate from = LocalDate.of(earlier, 1, 1);
    LocalDate to = LocalDate.of(earlier, 12, 31);
    withReceipts(from, to);
    ReportRow erd = reports.generate(new ReportService.GenerateRequest(ReportType.ERD, from, to, null), fr);
    erd = reports.transition(erd.id(), new ReportService.Transition(ReportStatus.IN_REVIEW, null, null, erd.version()), fr);
    erd = reports.sign(erd.id(), new ReportService.SignRequest(SignatoryRole.LEGAL_REPRESENTATIVE, "Marie Delmas", "Proviseure, ordonnatrice", LocalDate.of(earlier + 1, 3, 2), erd.version()));
    erd = reports.sign(erd.id(), new ReportService.SignRequest(SignatoryRole.PUBLIC_ACCOUNTANT, "Jacques Fabre", "Agent comptable", LocalDate.of(earlier + 1, 3, 5), erd.version()));
    erd = reports.transition(erd.id(), new ReportService.Transition(ReportStatus.SIGNED, null, null, erd.version()), fr);
    erd = reports.transition(erd.id(), new ReportService.Transition(ReportStatus.SUBMITTED, LocalDate.of(earlier + 1, 3, 10), null, erd.version()), fr);
    erd = reports.transition(erd.id(), new ReportService.Transition(ReportStatus.ACCEPTED, LocalDate.of(earlier + 1, 5, 20), null, erd.version()), fr);
    List<Object[]> lines = em.createQuery("SELECT e.id, e.eligibleAmount FROM Expense e WHERE e.statementId = :s ORDER BY e.eligibleAmount DESC, e.id", Object[].class)
        .setParameter("s", erd.id()).getResultList();
    if (!lines.isEmpty()) {
      Object[] partly = lines.get(0);
      BigDecimal retained = ((BigDecimal) partly[1]).multiply(new BigDecimal("0.80")).setScale(2, RoundingMode.HALF_UP);
      List<Long> accepted = lines.subList(1, lines.size()).stream().map(r -> (Long) r[0]).toList();
      reports.recordVerdicts(erd.id(), new ReportService.Verdicts(accepted.isEmpty()
          ? List.of(new ExpenseService.Verdict(List.of((Long) partly[0]), ExpenseStatus.PARTLY_ACCEPTED, retained, "Quote-part projet ramenée à 80 % (usage partagé de l’équipement)"))
          : List.of(new ExpenseService.Verdict(accepted, ExpenseStatus.ACCEPTED, null, null),
              new ExpenseService.Verdict(List.of((Long) partly[0]), ExpenseStatus.PARTLY_ACCEPTED, retained, "Quote-part projet ramenée à 80 % (usage partagé de l’équipement)"))));
    }
    int current = LocalDate.now(clock).getYear();
    LocalDate start = LocalDate.of(current, 1, 1);
    LocalDate end = LocalDate.of(current, 12, 31);
    withReceipts(start, end);
    ReportRow draft = reports.generate(new ReportService.GenerateRequest(ReportType.ERD, start, end, null), fr);
    tranches.overview(fr).tranches().stream().filter(t -> t.storedStatus() == TrancheStatus.REQUESTED).map(TrancheRow::id).findFirst()
        .ifPresent(t -> reports.generate(new ReportService.GenerateRequest(ReportType.TRANCHE_REQUEST, null, null, t), fr));
    // The board's reports: the budget execution of the last finished quarter and the co-funding statement, in draft.
    LocalDate today = LocalDate.now(clock);
    LocalDate quarterEnd = today.withDayOfMonth(1).withMonth(((today.getMonthValue() - 1) / 3) * 3 + 1).minusDays(1);
    LocalDate quarterStart = quarterEnd.minusMonths(2).withDayOfMonth(1);
    long boardStarted = System.nanoTime();
    int told = narratives(today.getYear() - 1);
    narratives.writeContinuation(new fr.jalon.reporting.ProgressNarrativeService.ContinuationForm(CONTINUATION, null));
    reports.generate(new ReportService.GenerateRequest(ReportType.BUDGET_EXECUTION, quarterStart, quarterEnd, null), fr);
    reports.generate(new ReportService.GenerateRequest(ReportType.COFUNDING, LocalDate.of(quarterEnd.getYear(), 1, 1), quarterEnd, null), fr);
    long boardMs = (System.nanoTime() - boardStarted) / 1_000_000;
    int declared = erd.lineCount();
    LOG.info(() -> String.format("Rapports de démonstration : ERD %d accepté (%d lignes), ERD %d en brouillon (%d lignes), demande de versement,"
        + " %d récits d’avancement, exécution budgétaire et cofinancements (%d ms), en %d ms.", earlier, declared, current, draft.lineCount(), told, boardMs, (System.nanoTime() - started) / 1_000_000));
  }

  /** What continues after the grant, for the final report. */
  private static final String CONTINUATION = "Après la convention, le plateau technique reste ouvert : la Région Occitanie finance sa maintenance dans le cadre"
      + " du contrat de plan, les entreprises partenaires y forment leurs salariés (formation continue facturée) et le lycée porteur garde l’équipe"
      + " d’animation du campus sur ses fonds propres. Les parcours créés sont inscrits à la carte des formations et les conventions avec les"
      + " entreprises sont reconduites pour trois ans.";

  private static final String[][] NARRATIVES = {
    {"Les travaux prévus pour « %s » ont été menés : équipements installés et réceptionnés, premières promotions accueillies sur le plateau.",
        "Livraison d’une partie des équipements décalée d’un trimestre par le fournisseur ; sans effet sur les jalons de l’année suivante.",
        "Monter en charge : ouvrir les sessions de formation continue et accueillir les entreprises partenaires pour des démonstrations."},
    {"Pour « %s », les partenaires industriels ont accueilli les apprenants et co-animé les modules prévus ; le comité de pilotage a suivi chaque étape.",
        "Un module a été reporté faute de formateur disponible ; un recrutement est en cours.",
        "Étendre le dispositif à deux nouveaux lycées du réseau et formaliser les conventions avec les entreprises."},
    {"« %s » : l’ingénierie pédagogique est terminée et les contenus sont en ligne ; les enseignants ont été formés.",
        "La fréquentation reste en deçà de la cible sur le public adulte ; une campagne d’information est prévue.",
        "Évaluer les parcours avec les entreprises et ajuster les contenus avant la rentrée."}};

  /** The project manager's narratives of {@code year} for every action of that year (the year must be within the grant). */
  private int narratives(int year) {
    int written = 0;
    for (fr.jalon.reporting.ProgressNarrativeService.NarrativeRow a : narratives.ofYear(year)) {
      String[] text = NARRATIVES[written % NARRATIVES.length];
      narratives.write(year, a.actionId(), new fr.jalon.reporting.ProgressNarrativeService.NarrativeForm(String.format(text[0], a.actionTitle()), text[1], text[2], null));
      written++;
    }
    return written;
  }

  /** The demo's paid lines of the period get the sample receipt they lack, so that they can be declared. */
  private void withReceipts(LocalDate from, LocalDate to) {
    List<Long> missing = em.createQuery("SELECT e.id FROM Expense e WHERE e.status = :paid AND e.paidOn BETWEEN :from AND :to AND e.receiptCount = 0", Long.class)
        .setParameter("paid", ExpenseStatus.PAID).setParameter("from", from).setParameter("to", to).getResultList();
    for (Long id : missing) {
      expenses.attachReceipt(id, ReceiptKind.INVOICE, new ByteArrayInputStream(DemoExpenses.samplePdf()), "facture-exemple.pdf");
    }
  }
}
