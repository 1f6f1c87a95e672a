package fr.jalon.expense;

import fr.jalon.grant.Cofunding;
import fr.jalon.grant.FunderKind;
import fr.jalon.grant.FundingNature;
import fr.jalon.grant.Grant;
import fr.jalon.grant.LegalForm;
import fr.jalon.grant.Organisation;
import fr.jalon.plan.Action;
import fr.jalon.plan.CostCategory;
import fr.jalon.platform.StoredFile;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Plausible expenses for a grant (the demo, the persistence tests): every stage of the chain, most
 * with a receipt, some imported from accounting, a few credit notes. Each line goes through the
 * entity's rules. Deterministic for a given seed. Paid eligible cost stays under {@code paidCap}.
 */
public final class ExpenseGenerator {
  private static final String[] SUPPLIERS = {"Usinage de Précision du Lot", "DMG Mori France", "Stratasys Europe", "Hexagon Metrology", "Bureau Vallée Figeac",
      "Dell Technologies France", "SNCF Voyageurs", "Hôtel du Quercy", "Imprimerie Fabrègue", "Ouest Cobotique", "Formapro Occitanie", "Manutan Collectivités",
      "Orange Business", "Universal Robots France", "Traiteur des Causses"};
  private static final String[][] OBJECTS = {
      {"INV", "Centre d’usinage 5 axes — acompte", "Imprimante 3D métal", "Bras de mesure tridimensionnelle", "Cobot UR10e et préhenseur", "Postes de travail CAO"},
      {"FONC", "Fournitures d’atelier", "Consommables de fabrication additive", "Petit outillage", "Abonnement logiciel FAO", "Location de salle"},
      {"PREST", "Prestation d’ingénierie pédagogique", "Maintenance des machines", "Formation certifiante des formateurs", "Audit de sécurité machines"},
      {"DEPL", "Déplacement salon Global Industrie", "Visite d’entreprise — transport des élèves", "Mission enseignants à Toulouse", "Hébergement stage en entreprise"},
      {"COMM", "Plaquettes « Les filles et l’industrie »", "Stand forum des métiers", "Vidéo de présentation du campus", "Goodies journée portes ouvertes"}};

  private ExpenseGenerator() {}

  /** What was generated, for the log and the tests. */
  public record Result(int expenses, int withReceipt, BigDecimal paidEligible) {}

  public static Result generate(EntityManager em, Grant grant, StoredFile receipt, LocalDate today, int count, BigDecimal paidCap, long seed) {
    Random random = new Random(seed);
    List<Action> actions = em.createQuery("SELECT a FROM Action a WHERE a.grant = :g AND a.parent IS NOT NULL ORDER BY a.code", Action.class)
        .setParameter("g", grant).getResultList();
    List<CostCategory> categories = em.createQuery("SELECT c FROM CostCategory c WHERE c.grant = :g AND c.eligible = TRUE AND c.flatRate = FALSE ORDER BY c.sortOrder", CostCategory.class)
        .setParameter("g", grant).getResultList();
    List<Cofunding> cash = em.createQuery("SELECT c FROM Cofunding c WHERE c.grant = :g AND c.nature = :cash ORDER BY c.sortOrder", Cofunding.class)
        .setParameter("g", grant).setParameter("cash", FundingNature.CASH).getResultList();
    Cofunding pia = cash.stream().filter(c -> c.kind() == FunderKind.PIA).findFirst().orElseThrow();
    List<Organisation> suppliers = new ArrayList<>();
    for (String name : SUPPLIERS) {
      Organisation o = new Organisation(name, null, LegalForm.COMPANY, true);
      em.persist(o);
      suppliers.add(o);
    }
    LocalDate start = grant.eligibilityStart();
    LocalDate last = today.isAfter(grant.endDate()) ? grant.endDate() : today.minusDays(3);
    long span = ChronoUnit.DAYS.between(start.plusDays(20), last);
    BigDecimal paid = BigDecimal.ZERO;
    int withReceipt = 0;
    List<Expense> made = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      CostCategory category = categories.get(random.nextInt(categories.size()));
      Action action = actions.get(random.nextInt(actions.size()));
      LocalDate invoiceDate = start.plusDays(20 + (long) (span * Math.sqrt(random.nextDouble())));
      boolean personnel = Expense.PERSONNEL.equals(category.code());
      BigDecimal excl = amount(random, personnel);
      BigDecimal vat = personnel ? BigDecimal.ZERO.setScale(2) : excl.multiply(new BigDecimal("0.20")).setScale(2, RoundingMode.HALF_UP);
      Cofunding source = random.nextInt(10) < 7 ? pia : cash.get(random.nextInt(cash.size()));
      String description = personnel ? "Rémunération — chargé de mission (contractuel), " + invoiceDate.getMonthValue() + "/" + invoiceDate.getYear() : object(random, category.code());
      Organisation supplier = personnel ? null : suppliers.get(random.nextInt(suppliers.size()));
      String procurement = excl.compareTo(new BigDecimal("40000")) > 0 ? "MAPA-" + invoiceDate.getYear() + "-" + (i % 40) : null;
      ExpenseTerms terms = new ExpenseTerms(action, category, source, supplier, personnel ? "Personnel" : null, description,
          (personnel ? "PAIE-" : "F") + invoiceDate.getYear() + "-" + String.format("%05d", i), invoiceDate, procurement, excl, vat, null,
          random.nextInt(10) == 0 ? new BigDecimal("50") : null, personnel ? Boolean.FALSE : null, null);
      boolean imported = random.nextInt(5) == 0;
      Expense e = new Expense(grant, terms, imported ? Provenance.FEC : Provenance.MANUAL, imported ? "AC|" + (10000 + i) + "|6" : null, invoiceDate);
      long age = ChronoUnit.DAYS.between(invoiceDate, today);
      int stages = age > 150 ? 6 : age > 60 ? 3 + random.nextInt(4) : random.nextInt(6);
      boolean cancel = random.nextInt(60) == 0;
      if (imported) {
        LocalDate paidOn = invoiceDate.plusDays(30);
        e.land(invoiceDate.plusDays(5), stages >= 5 && !paidOn.isAfter(today) ? paidOn : null, random.nextBoolean());
      } else {
        LocalDate d = invoiceDate.minusDays(10 + random.nextInt(20));
        d = d.isBefore(start) ? start : d;
        boolean separate = grant.parametersOn(invoiceDate).values().separatePaymentOrder();
        for (int s = 1; s <= Math.min(stages, cancel ? 1 : 6) && e.status().next(separate) != null; s++) {
          ExpenseStatus next = e.status().next(separate);
          if (next == ExpenseStatus.PAID && paid.add(e.eligibleAmount()).compareTo(paidCap) > 0) {
            break;
          }
          d = next == ExpenseStatus.SERVICE_DONE ? (invoiceDate.isAfter(d) ? invoiceDate : d) : d.plusDays(random.nextInt(12));
          if (d.isAfter(today)) {
            break;
          }
          e.advance(next, d, next == ExpenseStatus.ORDERED ? "M" + d.getYear() + "-" + String.format("%05d", i) : null);
        }
        if (cancel) {
          e.cancel(e.committedOn() == null ? invoiceDate : e.committedOn());
        }
      }
      if (e.status() == ExpenseStatus.PAID) {
        if (paid.add(e.eligibleAmount()).compareTo(paidCap) > 0) {
          continue;
        }
        paid = paid.add(e.eligibleAmount());
      }
      em.persist(e);
      made.add(e);
      // Paid lines always carry their receipt (so the demo's statements can take them); the others mostly.
      if (receipt != null && (random.nextInt(10) < 8 || e.status() == ExpenseStatus.PAID)) {
        em.persist(new ExpenseReceipt(e, receipt, personnel ? ReceiptKind.PAYSLIP : ReceiptKind.INVOICE));
        withReceipt++;
      }
    }
    // A few credit notes, each pointing to the line it corrects.
    for (int i = 0; i < Math.min(12, made.size() / 100); i++) {
      Expense original = made.get(random.nextInt(made.size()));
      if (original.corrects() != null || original.supplier() == null || original.status() == ExpenseStatus.CANCELLED) {
        continue;
      }
      BigDecimal excl = original.amountExcl().divide(new BigDecimal("10"), 2, RoundingMode.HALF_UP).negate();
      BigDecimal vat = original.amountVat().divide(new BigDecimal("10"), 2, RoundingMode.HALF_UP).negate();
      LocalDate on = original.invoiceDate().plusDays(15);
      if (on.isAfter(last)) {
        continue;
      }
      ExpenseTerms t = new ExpenseTerms(original.action(), original.category(), original.source(), original.supplier(), null, "Avoir — remise commerciale",
          "AV-" + original.invoiceNumber(), on, null, excl, vat, null, original.sharePercent(), null, original);
      Expense credit = new Expense(grant, t, Provenance.MANUAL, null, on);
      credit.land(on, null, false);
      em.persist(credit);
    }
    em.flush();
    // Written around the services: the maintained totals are recomputed once, from the lines.
    new fr.jalon.execution.ExecutionTotals(em).rebuild(grant.id());
    return new Result(made.size(), withReceipt, paid);
  }

  private static BigDecimal amount(Random random, boolean personnel) {
    int roll = random.nextInt(100);
    double euros = personnel ? 1800 + random.nextInt(1400)
        : roll < 85 ? 30 + random.nextInt(470) : roll < 99 ? 500 + random.nextInt(3500) : 5000 + random.nextInt(25000);
    return BigDecimal.valueOf(euros).add(BigDecimal.valueOf(random.nextInt(100), 2)).setScale(2, RoundingMode.UNNECESSARY);
  }

  private static String object(Random random, String category) {
    for (String[] row : OBJECTS) {
      if (row[0].equals(category)) {
        return row[1 + random.nextInt(row.length - 1)];
      }
    }
    return "Achat divers";
  }
}
