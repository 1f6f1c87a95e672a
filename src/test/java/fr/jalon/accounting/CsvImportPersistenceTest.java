package fr.jalon.accounting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.jalon.expense.ExpenseFilter;
import fr.jalon.expense.ExpenseRepository;
import fr.jalon.expense.ExpenseTotals;
import fr.jalon.expense.Provenance;
import fr.jalon.grant.Cofunding;
import fr.jalon.grant.FunderKind;
import fr.jalon.grant.FundingNature;
import fr.jalon.grant.Grant;
import fr.jalon.grant.GrantChange;
import fr.jalon.grant.LegalForm;
import fr.jalon.grant.Organisation;
import fr.jalon.grant.ParameterValues;
import fr.jalon.plan.Action;
import fr.jalon.plan.CostCategory;
import fr.jalon.platform.TestDatabase;
import jakarta.persistence.EntityManager;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A CSV import against the real schema: its expenses to the cent, charged to the action each line
 * names, a second import of the same file creating nothing; and the saved selection and mappings
 * read back the same, one per grant, format and name.
 */
class CsvImportPersistenceTest {
  static TestDatabase db;
  static long grantId;

  static final String CSV = CsvReaderTest.HEADER + "\n"
      + "F-101;15/03/2024;Bureau Vallée Figeac;Papeterie;1 234,50;246,90;1 481,40;6063;02/04/2024;\n"
      + "F-102;20/03/2024;Usinage de Précision du Lot;Tour CN;10 000,00;2 000,00;12 000,00;2154;;A2\n"
      + "F-103;21/03/2024;Hôtel du Quercy;Séminaire;500,00;;500,00;DEPL;;\n"
      + "F-104;22/03/2024;Hôtel du Quercy;Nuitée;80,00;16,00;96,00;7011;;\n"
      + "F-105;23/03/2024;Formapro;Formation;300,00;60,00;360,00;6226;;Z9\n"
      + "F-106;31/13/2024;Formapro;Formation;300,00;60,00;360,00;6226;;\n"
      + "F-101;15/03/2024;Bureau Vallée Figeac;Doublon dans le fichier;1 234,50;246,90;1 481,40;6063;;\n";

  @BeforeAll
  static void start() {
    db = new TestDatabase();
    grantId = newGrant("PIA3-CSV");
  }

  /** A grant of its own (so that each test counts only its expenses) with actions A1 and A2, the default categories and a PIA line. */
  static long newGrant(String reference) {
    return db.inTransaction(em -> {
      Grant g = new Grant(new GrantChange(reference, "Campus", "PIA 3", "CDC", "MENJ", LocalDate.of(2020, 9, 28), LocalDate.of(2020, 9, 1), LocalDate.of(2029, 12, 31),
          new BigDecimal("2000000.00"), new BigDecimal("5000000.00"), ParameterValues.defaults(), null), new Organisation("Lycée", null, LegalForm.EPLE, false));
      em.persist(g.beneficiary());
      em.persist(g);
      CostCategory.defaults(g).forEach(em::persist);
      em.persist(new Action(g, null, "A1", "Plateforme", null, null, LocalDate.of(2020, 9, 1), LocalDate.of(2029, 12, 31)));
      em.persist(new Action(g, null, "A2", "Équipements", null, null, LocalDate.of(2020, 9, 1), LocalDate.of(2029, 12, 31)));
      Organisation cdc = new Organisation("CDC", null, LegalForm.PUBLIC_BODY, false);
      em.persist(cdc);
      em.persist(new Cofunding(g, cdc, FunderKind.PIA, FundingNature.CASH, new BigDecimal("2000000.00")));
      em.flush();
      return g.id();
    });
  }

  @AfterAll
  static void stop() {
    db.close();
  }

  static ImportRun run(EntityManager em, CsvMapping mapping, long grantId) {
    Grant g = em.find(Grant.class, grantId);
    Map<String, Action> byCode = new HashMap<>();
    em.createQuery("SELECT a FROM Action a WHERE a.grant = :g", Action.class).setParameter("g", g).getResultList().forEach(a -> byCode.put(a.code(), a));
    Cofunding pia = em.createQuery("SELECT c FROM Cofunding c WHERE c.grant = :g", Cofunding.class).setParameter("g", g).getSingleResult();
    List<CostCategory> categories = em.createQuery("SELECT c FROM CostCategory c WHERE c.grant = :g", CostCategory.class).setParameter("g", g).getResultList();
    ExpenseRepository repo = new ExpenseRepository(em);
    return new ImportRun(g, byCode.get("A1"), pia, categories, FecSelection.everything(), new ImportRun.Taken() {
      @Override
      public boolean sourceKey(String key) {
        return repo.sourceKeyTaken(grantId, key);
      }

      @Override
      public boolean invoice(String supplier, String number, LocalDate date) {
        return repo.invoiceTaken(grantId, supplier, number, date);
      }

      @Override
      public Organisation supplier(String siret) {
        return em.createQuery("SELECT o FROM Organisation o WHERE o.siret = :s", Organisation.class).setParameter("s", siret).getResultStream().findFirst().orElse(null);
      }
    }, Provenance.CSV, byCode, field -> ImportService.csvColumn(mapping, field));
  }

  /** Reads, classifies, stages and confirms the CSV; the lines of the preview. */
  static List<ImportLine> importCsv() {
    return importCsv(CSV, new CsvMapping(';', null, true, null, CsvReaderTest.columns()), grantId);
  }

  static List<ImportLine> importCsv(String csv, CsvMapping mapping, long grantId) {
    long importId = db.inTransaction(em -> {
      AccountingImport i = new AccountingImport(em.find(Grant.class, grantId), "CSV", "achats.csv", "b".repeat(64), LocalDateTime.of(2024, 12, 1, 9, 0), "finance");
      em.persist(i);
      em.flush();
      return i.id();
    });
    List<ImportLine> lines = new ArrayList<>();
    List<ImportRun.Staged> staged = new ArrayList<>();
    db.run(em -> {
      ImportRun run = run(em, mapping, grantId);
      CsvReader.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), mapping, "CSV|" + grantId + "|", l -> lines.add(run.classify(l.expense(), l.actionCode(), l.supplierSiret(), staged::add)),
          p -> lines.add(new ImportLine(p.lineNumber(), ImportLine.Outcome.REFUSED, p.column(), p.reason(), null, null, null, null, null, null, null, null, false)));
    });
    db.run(em -> ImportStaging.insert(em, importId, staged));
    db.run(em -> {
      em.find(AccountingImport.class, importId).confirm();
      em.flush();
      new fr.jalon.execution.ExecutionTotals(em).importShown(importId);
    });
    lines.sort(java.util.Comparator.comparingInt(ImportLine::lineNumber));
    return lines;
  }

  @Test
  void aCsvSupplierIsFoundByItsSiretOrCreatedWithItOnceAndAnInvalidSiretIsRefusedWithItsColumn() {
    long grant = newGrant("PIA3-CSV-SIRET");
    long known = db.inTransaction(em -> {
      Organisation o = new Organisation("Usinage de Précision du Lot", "32660012300011", LegalForm.COMPANY, true);
      em.persist(o);
      em.flush();
      return o.id();
    });
    String csv = "N° facture;Date facture;Fournisseur;SIRET;Libellé;Montant HT;TVA;Montant TTC;Compte\n"
        + "S-201;15/03/2024;UPL (abrégé);326 600 123 00011;Tour;1 000,00;200,00;1 200,00;2154\n"
        + "S-202;16/03/2024;Nouvelle Mécanique;81234567800013;Fraises;100,00;20,00;120,00;6063\n"
        + "S-203;17/03/2024;Nouvelle Mécanique SAS;81234567800013;Forets;50,00;10,00;60,00;6063\n"
        + "S-204;18/03/2024;Atelier Dupont;1234567890123;Étau;80,00;16,00;96,00;6063\n"
        + "S-205;19/03/2024;Atelier Dupont;12345678901235;Étau;80,00;16,00;96,00;6063\n"
        + "S-206;20/03/2024;Sans SIRET;;Câbles;30,00;6,00;36,00;6063\n";
    Map<CsvField, String> columns = new java.util.EnumMap<>(CsvField.class);
    columns.put(CsvField.INVOICE_NUMBER, "N° facture");
    columns.put(CsvField.INVOICE_DATE, "Date facture");
    columns.put(CsvField.SUPPLIER, "Fournisseur");
    columns.put(CsvField.SUPPLIER_SIRET, "SIRET");
    columns.put(CsvField.DESCRIPTION, "Libellé");
    columns.put(CsvField.AMOUNT_EXCL, "Montant HT");
    columns.put(CsvField.AMOUNT_VAT, "TVA");
    columns.put(CsvField.AMOUNT_INCL, "Montant TTC");
    columns.put(CsvField.ACCOUNT, "Compte");
    List<ImportLine> lines = importCsv(csv, new CsvMapping(';', null, true, null, columns), grant);

    assertThat(lines).extracting(ImportLine::lineNumber, ImportLine::outcome).containsExactly(
        org.assertj.core.groups.Tuple.tuple(2, ImportLine.Outcome.CREATE),
        org.assertj.core.groups.Tuple.tuple(3, ImportLine.Outcome.CREATE),
        org.assertj.core.groups.Tuple.tuple(4, ImportLine.Outcome.CREATE),
        org.assertj.core.groups.Tuple.tuple(5, ImportLine.Outcome.REFUSED),
        org.assertj.core.groups.Tuple.tuple(6, ImportLine.Outcome.REFUSED),
        org.assertj.core.groups.Tuple.tuple(7, ImportLine.Outcome.CREATE));
    // The preview names the organisation the SIRET designates, and says which supplier is new.
    assertThat(lines.get(0).supplier()).isEqualTo("Usinage de Précision du Lot");
    assertThat(lines.get(0).reason()).isNull();
    assertThat(lines.get(1).reason()).isEqualTo("Nouveau fournisseur « Nouvelle Mécanique » (SIRET 81234567800013), enregistré à la confirmation.");
    assertThat(lines.get(3).column()).isEqualTo("SIRET");
    assertThat(lines.get(3).reason()).isEqualTo("SIRET « 1234567890123 » invalide : 14 chiffres attendus.");
    assertThat(lines.get(4).column()).isEqualTo("SIRET");
    assertThat(lines.get(4).reason()).isEqualTo("SIRET « 12345678901235 » invalide : sa clé de contrôle ne correspond pas (numéro mal recopié ?).");

    Map<String, Object[]> saved = new HashMap<>();
    db.run(em -> em.createQuery("SELECT e.invoiceNumber, s.id, e.supplierName FROM Expense e LEFT JOIN e.supplier s WHERE e.grant.id = :g", Object[].class)
        .setParameter("g", grant).getResultList().forEach(r -> saved.put((String) r[0], r)));
    assertThat(saved).containsOnlyKeys("S-201", "S-202", "S-203", "S-206");
    assertThat(saved.get("S-201")[1]).isEqualTo(known);
    assertThat(saved.get("S-201")[2]).isEqualTo("Usinage de Précision du Lot");
    List<Organisation> created = db.inTransaction(em -> em.createQuery("SELECT o FROM Organisation o WHERE o.siret = '81234567800013'", Organisation.class).getResultList());
    assertThat(created).singleElement().satisfies(o -> {
      assertThat(o.name()).isEqualTo("Nouvelle Mécanique");
      assertThat(o.legalForm()).isEqualTo(LegalForm.COMPANY);
    });
    assertThat(saved.get("S-202")[1]).isEqualTo(created.get(0).id());
    assertThat(saved.get("S-203")[1]).isEqualTo(created.get(0).id());
    assertThat(saved.get("S-203")[2]).isEqualTo("Nouvelle Mécanique");
    assertThat(saved.get("S-206")[1]).isNull();
    assertThat(saved.get("S-206")[2]).isEqualTo("Sans SIRET");
  }

  static ExpenseTotals totals() {
    return db.inTransaction(em -> new ExpenseRepository(em).totals(grantId, new ExpenseFilter(null, null, null, null, null, null, null, null, null)));
  }

  @Test
  void aCsvImportsToTheCentOnItsLinesActionsAndOnlyOnce() {
    List<ImportLine> lines = importCsv();
    assertThat(lines).extracting(ImportLine::lineNumber, ImportLine::outcome).containsExactly(
        org.assertj.core.groups.Tuple.tuple(2, ImportLine.Outcome.CREATE),
        org.assertj.core.groups.Tuple.tuple(3, ImportLine.Outcome.CREATE),
        org.assertj.core.groups.Tuple.tuple(4, ImportLine.Outcome.CREATE),
        org.assertj.core.groups.Tuple.tuple(5, ImportLine.Outcome.REFUSED),
        org.assertj.core.groups.Tuple.tuple(6, ImportLine.Outcome.REFUSED),
        org.assertj.core.groups.Tuple.tuple(7, ImportLine.Outcome.REFUSED),
        org.assertj.core.groups.Tuple.tuple(8, ImportLine.Outcome.ALREADY_THERE));
    assertThat(lines.get(3).column()).isEqualTo("Compte");
    assertThat(lines.get(3).reason()).isEqualTo("Compte ou catégorie « 7011 » rattaché à aucune catégorie de dépense.");
    assertThat(lines.get(4).column()).isEqualTo("Action");
    assertThat(lines.get(4).reason()).isEqualTo("Action « Z9 » inconnue dans le plan d’actions.");
    assertThat(lines.get(5).column()).isEqualTo("Date facture");

    ExpenseTotals all = totals();
    assertThat(all.count()).isEqualTo(3);
    assertThat(all.amountExcl()).isEqualByComparingTo("11734.50");
    assertThat(all.amountIncl()).isEqualByComparingTo("13981.40");
    String action = db.inTransaction(em -> em.createQuery("SELECT e.action.code FROM Expense e WHERE e.invoiceNumber = 'F-102'", String.class).getSingleResult());
    assertThat(action).isEqualTo("A2");
    String category = db.inTransaction(em -> em.createQuery("SELECT e.category.code FROM Expense e WHERE e.invoiceNumber = 'F-103'", String.class).getSingleResult());
    assertThat(category).isEqualTo("DEPL");
    long fromCsv = db.inTransaction(em -> em.createQuery("SELECT COUNT(e) FROM Expense e WHERE e.provenance = fr.jalon.expense.Provenance.CSV AND e.sourceKey LIKE 'CSV|" + grantId + "|%'",
        Long.class).getSingleResult());
    assertThat(fromCsv).isEqualTo(3);

    List<ImportLine> again = importCsv();
    assertThat(again).filteredOn(l -> l.outcome() == ImportLine.Outcome.CREATE).isEmpty();
    assertThat(again).filteredOn(l -> l.outcome() == ImportLine.Outcome.ALREADY_THERE).hasSize(4);
    assertThat(totals().count()).isEqualTo(3);
    assertThat(totals().amountIncl()).isEqualByComparingTo("13981.40");
  }

  @Test
  void savedSettingsAreReadBackAndReplacedOnePerGrantFormatAndName() {
    ImportService.ImportRequest fec = ImportService.ImportRequest.fec(1L, null, new FecSelection(List.of("2", "6"), List.of("AC"), "CMQ", Map.of("6063", "FONC", "2154", "INV")));
    ImportService.ImportRequest csv = new ImportService.ImportRequest(1L, null, FecSelection.everything(), new CsvMapping(';', "UTF-8", true, null, CsvReaderTest.columns()), "achats");
    db.run(em -> {
      Grant g = em.find(Grant.class, grantId);
      em.persist(new ImportProfile(g, ImportProfile.FEC, ImportProfile.FEC, fec, LocalDateTime.of(2024, 1, 1, 9, 0), "finance"));
      em.persist(new ImportProfile(g, ImportProfile.CSV, "achats", csv, LocalDateTime.of(2024, 1, 1, 9, 0), "finance"));
    });
    ImportService.ImportRequest back = db.inTransaction(em -> em.createQuery("SELECT p FROM ImportProfile p WHERE p.format = 'FEC'", ImportProfile.class).getSingleResult().request());
    assertThat(back.selection()).isEqualTo(fec.selection());
    assertThat(back.actionId()).isEqualTo(1L);
    ImportService.ImportRequest csvBack = db.inTransaction(em -> em.createQuery("SELECT p FROM ImportProfile p WHERE p.name = 'achats'", ImportProfile.class).getSingleResult().request());
    assertThat(csvBack.csv()).isEqualTo(csv.csv());

    // The next import's changes replace what was saved.
    ImportService.ImportRequest changed = ImportService.ImportRequest.fec(1L, null, new FecSelection(List.of("6"), List.of(), null, Map.of("6063", "PREST")));
    db.run(em -> em.createQuery("SELECT p FROM ImportProfile p WHERE p.format = 'FEC'", ImportProfile.class).getSingleResult().save(changed, LocalDateTime.of(2024, 2, 1, 9, 0), "finance"));
    FecSelection saved = db.inTransaction(em -> em.createQuery("SELECT p FROM ImportProfile p WHERE p.format = 'FEC'", ImportProfile.class).getSingleResult().request().selection());
    assertThat(saved).isEqualTo(changed.selection());

    assertThatThrownBy(() -> db.run(em -> em.persist(new ImportProfile(em.find(Grant.class, grantId), ImportProfile.FEC, ImportProfile.FEC, fec, LocalDateTime.now(), "finance"))))
        .hasStackTraceContaining("IMPORT_PROFILE_NAME");
  }
}
