package fr.jalon.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.jalon.audit.AuditContext;
import fr.jalon.expense.Expense;
import fr.jalon.expense.ExpenseFixtures;
import fr.jalon.expense.ExpenseService;
import fr.jalon.expense.ExpenseStatus;
import fr.jalon.expense.StepRequest;
import fr.jalon.grant.Cofunding;
import fr.jalon.grant.Grant;
import fr.jalon.plan.Action;
import fr.jalon.plan.BudgetLine;
import fr.jalon.plan.BudgetVersion;
import fr.jalon.plan.CostCategory;
import fr.jalon.platform.FileStore;
import fr.jalon.platform.PlatformFixtures;
import fr.jalon.platform.RuleViolation;
import fr.jalon.platform.TestDatabase;
import jakarta.persistence.EntityManager;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Function;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ERD and the report lifecycle against the real schema and the real designs: totals equal the
 * lines and the ledger to the cent (read back from the PDF and the XLSX), the lock at review, the
 * freeze and DECLARED at submission, re-verification and a tampered file, a refusal that lists the
 * lines, TO_CORRECT's new version, a correction line in the next statement, verdicts.
 */
class ReportPersistenceTest {
  static final Clock TODAY = Clock.fixed(LocalDate.of(2026, 3, 10).atStartOfDay(ZoneId.systemDefault()).toInstant(), ZoneId.systemDefault());
  static final LocalDate FROM = LocalDate.of(2024, 1, 1);
  static final LocalDate TO = LocalDate.of(2024, 12, 31);

  TestDatabase db;
  @TempDir Path data;

  @BeforeEach
  void start() {
    db = new TestDatabase();
    AuditContext.actorResolver(() -> "finance");
    db.run(em -> {
      Grant g = ExpenseFixtures.grant();
      em.persist(g.beneficiary());
      em.persist(g);
      Action a1 = new Action(g, null, "A1", "Plateau technique", null, null, g.eligibilityStart(), g.endDate());
      Action a2 = new Action(g, null, "A2", "Formation", null, null, g.eligibilityStart(), g.endDate());
      CostCategory inv = new CostCategory(g, "INV", "Investissement", true, false, "2", 1);
      CostCategory fon = new CostCategory(g, "FON", "Fonctionnement", true, false, "6", 2);
      Cofunding pia = ExpenseFixtures.pia(g);
      List.of(a1, a2, inv, fon, pia.funder(), pia).forEach(em::persist);
      BudgetVersion budget = new BudgetVersion(g, 1, "Budget initial", null, LocalDateTime.of(2021, 1, 1, 9, 0), "admin");
      em.persist(budget);
      em.persist(new BudgetLine(budget, a1, inv, pia, 2024, new BigDecimal("300000.00")));
      em.persist(new BudgetLine(budget, a2, fon, pia, 2024, new BigDecimal("100000.00")));
      em.flush();
      budget.approve(LocalDate.of(2021, 1, 15), "admin", null);
      Random random = new Random(7);
      for (int i = 0; i < 240; i++) {
        LocalDate day = FROM.plusDays(random.nextInt(360));
        BigDecimal excl = BigDecimal.valueOf(1000 + random.nextInt(900000), 2);
        BigDecimal vat = excl.multiply(new BigDecimal("0.20")).setScale(2, java.math.RoundingMode.HALF_UP);
        em.persist(ExpenseFixtures.paid(g, i % 3 == 0 ? a2 : a1, i % 2 == 0 ? inv : fon, pia, "Fournisseur " + (i % 7), "F-" + i, day, excl, vat, day.plusDays(5), true, null));
      }
      // Paid in 2025, one without its receipt.
      em.persist(ExpenseFixtures.paid(g, a1, inv, pia, "Usinage Sud", "S-1", LocalDate.of(2025, 2, 1), new BigDecimal("500.00"), new BigDecimal("100.00"), LocalDate.of(2025, 2, 10), true, null));
      em.persist(ExpenseFixtures.paid(g, a1, inv, pia, "Usinage Sud", "S-2", LocalDate.of(2025, 3, 1), new BigDecimal("800.00"), new BigDecimal("160.00"), LocalDate.of(2025, 3, 10), false, null));
      // Written around the services: the maintained totals are recomputed once.
      em.flush();
      new fr.jalon.execution.ExecutionTotals(em).rebuild(g.id());
    });
  }

  @AfterEach
  void stop() {
    AuditContext.actorResolver(() -> AuditContext.SYSTEM);
    db.close();
  }

  <T> T tx(Function<Ctx, T> work) {
    return db.inTransaction(em -> {
      FileStore files = PlatformFixtures.fileStore(em, data, TODAY);
      ExpenseService expenses = ExpenseFixtures.expenseService(em, files, TODAY);
      return work.apply(new Ctx(em, files, expenses, ReportFixtures.reportService(em, expenses, files, TODAY)));
    });
  }

  record Ctx(EntityManager em, FileStore files, ExpenseService expenses, ReportService reports) {}

  ReportRow generate(LocalDate from, LocalDate to) {
    return tx(c -> c.reports().generate(new ReportService.GenerateRequest(ReportType.ERD, from, to, null), Locale.FRENCH));
  }

  ReportRow move(long id, ReportStatus target, LocalDate on, String note) {
    return tx(c -> c.reports().transition(id, new ReportService.Transition(target, on, note, c.reports().find(id).version()), Locale.FRENCH));
  }

  ReportRow submitted(LocalDate from, LocalDate to) {
    ReportRow r = generate(from, to);
    move(r.id(), ReportStatus.IN_REVIEW, null, null);
    signBoth(r.id());
    move(r.id(), ReportStatus.SIGNED, null, null);
    return move(r.id(), ReportStatus.SUBMITTED, LocalDate.of(2026, 3, 9), null);
  }

  void signBoth(long id) {
    tx(c -> c.reports().sign(id, new ReportService.SignRequest(SignatoryRole.LEGAL_REPRESENTATIVE, "Anne Proviseur", "Proviseure, ordonnatrice", LocalDate.of(2026, 3, 2), c.reports().find(id).version())));
    tx(c -> c.reports().sign(id, new ReportService.SignRequest(SignatoryRole.PUBLIC_ACCOUNTANT, "Marc Comptable", "Agent comptable", LocalDate.of(2026, 3, 3), c.reports().find(id).version())));
  }

  BigDecimal ledger(String where) {
    return db.inTransaction(em -> (BigDecimal) em.createQuery("SELECT SUM(e.eligibleAmount) FROM Expense e WHERE " + where).getSingleResult());
  }

  Path fileOf(ReportRow r, ReportFormat format) {
    return tx(c -> c.files().pathOf(c.files().find(r.files().stream().filter(f -> f.format() == format).findFirst().orElseThrow().id())));
  }

  static String normal(String s) {
    return s.replace('\u202F', ' ').replace('\u00A0', ' ');
  }

  static String french(BigDecimal b) {
    return normal(new java.text.DecimalFormat("#,##0.00", java.text.DecimalFormatSymbols.getInstance(Locale.FRENCH)).format(b)) + " €";
  }

  @Test
  void everyTotalOfTheErdEqualsItsLinesAndTheLedgerToTheCentInThePdfAndTheXlsx() throws Exception {
    ReportRow r = generate(FROM, TO);
    BigDecimal ledger = ledger("e.paidOn BETWEEN {d '2024-01-01'} AND {d '2024-12-31'}");
    assertThat(r.lineCount()).isEqualTo(240);
    assertThat(r.totalEligible()).isEqualByComparingTo(ledger);
    assertThat(r.files()).extracting(ReportRow.File::format).containsExactlyInAnyOrder(ReportFormat.PDF, ReportFormat.XLSX, ReportFormat.CSV);
    List<ErdTotal> totals = tx(c -> new ErdGenerator() {{ em = c.em(); lines = new ErdRepository(c.em()); }}.totals(c.reports().find(r.id())));
    BigDecimal byCategory = totals.stream().filter(t -> t.section().equals("CATEGORY")).map(ErdTotal::thisStatement).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal byAction = totals.stream().filter(t -> t.section().equals("ACTION")).map(ErdTotal::thisStatement).reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(byCategory).isEqualByComparingTo(ledger);
    assertThat(byAction).isEqualByComparingTo(ledger);
    BigDecimal a1 = ledger("e.paidOn BETWEEN {d '2024-01-01'} AND {d '2024-12-31'} AND e.action.code = 'A1'");
    assertThat(totals).filteredOn(t -> t.section().equals("ACTION") && t.code().equals("A1")).singleElement()
        .satisfies(t -> assertThat(t.thisStatement()).isEqualByComparingTo(a1)).satisfies(t -> assertThat(t.budget()).isEqualByComparingTo("300000.00"));

    String pdf;
    try (PDDocument doc = Loader.loadPDF(fileOf(r, ReportFormat.PDF).toFile())) {
      pdf = normal(new PDFTextStripper().getText(doc));
    }
    assertThat(pdf).contains("État récapitulatif des dépenses", "Période du 01/01/2024 au 31/12/2024", "Total de l’état (240 lignes)", "Sous-total action A1",
        "Certification", "L’agent comptable");
    assertThat(pdf).contains(french(ledger)).contains(french(a1));
    // Every page, the totals and the certification block included, says which it is and of which version.
    try (PDDocument doc = Loader.loadPDF(fileOf(r, ReportFormat.PDF).toFile())) {
      assertThat(doc.getNumberOfPages()).isGreaterThan(2);
      for (int page = 1; page <= doc.getNumberOfPages(); page++) {
        PDFTextStripper one = new PDFTextStripper();
        one.setStartPage(page);
        one.setEndPage(page);
        assertThat(normal(one.getText(doc))).as("page %d", page).contains("Page " + page).contains("État récapitulatif des dépenses — version 1");
      }
    }
    try (InputStream in = Files.newInputStream(fileOf(r, ReportFormat.XLSX)); XSSFWorkbook book = new XSSFWorkbook(in)) {
      Sheet lines = book.getSheetAt(0);
      BigDecimal sum = BigDecimal.ZERO;
      for (Row row : lines) {
        if (row.getRowNum() > 0) {
          sum = sum.add(BigDecimal.valueOf(row.getCell(8).getNumericCellValue()).setScale(2, java.math.RoundingMode.HALF_UP));
          assertThat(row.getCell(9).getLocalDateTimeCellValue().toLocalDate()).isBetween(FROM, TO.plusDays(5));
        }
      }
      assertThat(lines.getLastRowNum()).isEqualTo(240);
      assertThat(sum).isEqualByComparingTo(ledger);
    }
    assertThat(Files.readAllLines(fileOf(r, ReportFormat.CSV))).hasSize(241);
  }

  @Test
  void aRegeneratedDraftFollowsWhatChangedAndKeepsWhatDidNot() {
    ReportRow first = generate(FROM, TO);
    record Frozen(long expenseId, String action, BigDecimal eligible) {}
    Function<Long, List<Frozen>> frozen = id -> db.inTransaction(em -> ((List<?>) em.createNativeQuery(
            "SELECT EXPENSE_ID, ACTION_CODE, ELIGIBLE_AMOUNT FROM REPORT_LINE WHERE REPORT_ID = ? ORDER BY EXPENSE_ID").setParameter(1, id).getResultList()).stream()
        .map(r -> (Object[]) r).map((Object[] r) -> new Frozen(((Number) r[0]).longValue(), (String) r[1], (BigDecimal) r[2])).toList());
    List<Frozen> before = frozen.apply(first.id());
    List<java.nio.file.Path> firstFiles = java.util.Arrays.stream(ReportFormat.values()).map(f -> fileOf(first, f)).toList();
    ReportRow same = tx(c -> c.reports().regenerate(first.id(), new ReportService.Regenerate(c.reports().find(first.id()).version()), Locale.FRENCH));
    assertThat(same.lineCount()).isEqualTo(240);
    assertThat(frozen.apply(first.id())).isEqualTo(before);
    // The earlier files are gone, rows and disk, the new ones are there: regenerating does not fill the disk.
    assertThat(firstFiles).allSatisfy(f -> assertThat(f).doesNotExist());
    for (ReportRow.File f : first.files()) {
      fr.jalon.platform.StoredFile row = tx(c -> c.em().find(fr.jalon.platform.StoredFile.class, f.id()));
      assertThat(row).as("stored file %d", f.id()).isNull();
    }
    assertThat(java.util.Arrays.stream(ReportFormat.values()).map(f -> fileOf(same, f))).allSatisfy(f -> assertThat(f).exists());

    long changed = before.get(0).expenseId();
    long movedOut = before.get(1).expenseId();
    long cancelled = before.get(2).expenseId();
    long receiptGone = before.get(3).expenseId();
    db.run(em -> {
      em.createNativeQuery("UPDATE EXPENSE SET ELIGIBLE_AMOUNT = 12.34, ACTION_ID = (SELECT ID FROM PLAN_ACTION WHERE CODE = 'A2') WHERE ID = " + changed).executeUpdate();
      em.createNativeQuery("UPDATE EXPENSE SET PAID_ON = {d '2025-01-15'} WHERE ID = " + movedOut).executeUpdate();
      em.createNativeQuery("UPDATE EXPENSE SET STATUS = 'CANCELLED' WHERE ID = " + cancelled).executeUpdate();
      em.createNativeQuery("UPDATE EXPENSE SET RECEIPT_COUNT = 0 WHERE ID = " + receiptGone).executeUpdate();
      Expense any = em.find(Expense.class, changed);
      em.persist(ExpenseFixtures.paid(any.grant(), any.action(), any.category(), any.source(), "Nouveau", "N-1", LocalDate.of(2024, 6, 1),
          new BigDecimal("100.00"), new BigDecimal("20.00"), LocalDate.of(2024, 6, 3), true, null));
    });
    // Without its receipt the line is refused, not silently dropped; once it is back the draft regenerates.
    assertThatThrownBy(() -> tx(c -> c.reports().regenerate(first.id(), new ReportService.Regenerate(c.reports().find(first.id()).version()), Locale.FRENCH)))
        .isInstanceOf(RuleViolation.Several.class);
    db.run(em -> em.createNativeQuery("UPDATE EXPENSE SET RECEIPT_COUNT = 1 WHERE ID = " + receiptGone).executeUpdate());
    ReportRow after = tx(c -> c.reports().regenerate(first.id(), new ReportService.Regenerate(c.reports().find(first.id()).version()), Locale.FRENCH));

    assertThat(after.lineCount()).isEqualTo(240 - 2 + 1);
    assertThat(after.totalEligible()).isEqualByComparingTo(ledger("e.paidOn BETWEEN {d '2024-01-01'} AND {d '2024-12-31'} AND e.status = fr.jalon.expense.ExpenseStatus.PAID"));
    List<Frozen> now = frozen.apply(first.id());
    assertThat(now).extracting(Frozen::expenseId).doesNotContain(movedOut, cancelled).contains(changed, receiptGone);
    assertThat(now).filteredOn(f -> f.expenseId() == changed).singleElement()
        .satisfies(f -> assertThat(f.action()).isEqualTo("A2")).satisfies(f -> assertThat(f.eligible()).isEqualByComparingTo("12.34"));
    List<Long> held = db.inTransaction(em -> em.createQuery("SELECT e.id FROM Expense e WHERE e.statementId = :s ORDER BY e.id", Long.class).setParameter("s", first.id()).getResultList());
    assertThat(held).containsExactlyElementsOf(now.stream().map(Frozen::expenseId).toList());
    // Untouched lines keep their frozen copy as it was.
    assertThat(now).containsAll(before.subList(4, before.size()));
  }

  @Test
  void linesWithoutAReceiptKeepTheStatementOutAndTheRefusalListsThem() {
    assertThatThrownBy(() -> generate(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)))
        .isInstanceOf(RuleViolation.Several.class)
        .satisfies(e -> assertThat(((RuleViolation.Several) e).violations()).extracting(v -> v.message(Locale.FRENCH)).anyMatch(m -> m.contains("S-2") && m.contains("sans justificatif")));
  }

  @Test
  void inReviewItsExpensesRefuseEveryChangeAndBackToDraftFreesThem() {
    ReportRow r = generate(FROM, TO);
    long any = db.inTransaction(em -> em.createQuery("SELECT e.id FROM Expense e WHERE e.statementId = :s", Long.class).setParameter("s", r.id()).setMaxResults(1).getSingleResult());
    move(r.id(), ReportStatus.IN_REVIEW, null, null);
    assertThatThrownBy(() -> tx(c -> c.expenses().step(any, new StepRequest(ExpenseStatus.CANCELLED, LocalDate.of(2026, 3, 1), null, null))))
        .isInstanceOf(RuleViolation.class).satisfies(e -> assertThat(((RuleViolation) e).message(Locale.FRENCH)).contains("ne peut plus changer"));
    assertThatThrownBy(() -> generate(FROM, TO)).isInstanceOf(RuleViolation.class);
    move(r.id(), ReportStatus.DRAFT, null, null);
    boolean locked = db.inTransaction(em -> em.find(Expense.class, any).locked());
    assertThat(locked).isFalse();
  }

  @Test
  void signingFreezesTheDataSubmissionDeclaresTheLinesAndATamperedFileIsReportedAltered() throws Exception {
    ReportRow r = submitted(FROM, TO);
    assertThat(r.status()).isEqualTo(ReportStatus.SUBMITTED);
    assertThat(r.dataSha256()).hasSize(64);
    long declared = db.inTransaction(em -> em.createQuery("SELECT COUNT(e) FROM Expense e WHERE e.status = :s", Long.class).setParameter("s", ExpenseStatus.DECLARED).getSingleResult());
    assertThat(declared).isEqualTo(240L);
    Verification ok = tx(c -> c.reports().verify(r.id()));
    assertThat(ok.intact()).isTrue();
    assertThat(ok.dataIntact()).isTrue();
    Path csv = fileOf(r, ReportFormat.CSV);
    Files.writeString(csv, "altéré", java.nio.file.StandardOpenOption.APPEND);
    Verification altered = tx(c -> c.reports().verify(r.id()));
    assertThat(altered.intact()).isFalse();
    assertThat(altered.files()).filteredOn(f -> !f.intact()).extracting(Verification.FileCheck::format).containsExactly(ReportFormat.CSV);
    db.run(em -> em.createNativeQuery("UPDATE REPORT_LINE SET ELIGIBLE_AMOUNT = ELIGIBLE_AMOUNT + 1 WHERE REPORT_ID = " + r.id() + " AND EXPENSE_ID = (SELECT MIN(EXPENSE_ID) FROM REPORT_LINE)").executeUpdate());
    assertThat(tx(c -> c.reports().verify(r.id())).dataIntact()).isFalse();
  }

  @Test
  void sentBackForCorrectionItOpensANewVersionWithTheSameLinesAndTheSubmittedOneNeverChanges() {
    ReportRow v1 = submitted(FROM, TO);
    move(v1.id(), ReportStatus.TO_CORRECT, LocalDate.of(2026, 3, 10), "Facture F-3 illisible");
    List<ReportRow> all = tx(c -> c.reports().archive());
    ReportRow v2 = all.stream().filter(x -> x.reportVersion() == 2).findFirst().orElseThrow();
    ReportRow old = all.stream().filter(x -> x.reportVersion() == 1).findFirst().orElseThrow();
    assertThat(old.status()).isEqualTo(ReportStatus.TO_CORRECT);
    assertThat(old.files()).isEqualTo(v1.files());
    assertThat(old.dataSha256()).isEqualTo(v1.dataSha256());
    assertThat(v2.status()).isEqualTo(ReportStatus.DRAFT);
    assertThat(v2.previousId()).isEqualTo(v1.id());
    assertThat(v2.lineCount()).isEqualTo(240);
    assertThat(v2.totalEligible()).isEqualByComparingTo(v1.totalEligible());
    assertThat(tx(c -> c.reports().verify(v1.id())).intact()).isTrue();
  }

  @Test
  void aCorrectionToADeclaredExpenseIsALineOfTheNextStatementAndVerdictsFeedTheAcceptedCost() {
    ReportRow first = submitted(FROM, TO);
    move(first.id(), ReportStatus.ACCEPTED, LocalDate.of(2026, 3, 10), null);
    List<Long> ids = db.inTransaction(em -> em.createQuery("SELECT e.id FROM Expense e WHERE e.statementId = :s ORDER BY e.id", Long.class).setParameter("s", first.id()).getResultList());
    long partly = ids.get(0);
    BigDecimal eligible = db.inTransaction(em -> em.find(Expense.class, partly).eligibleAmount());
    tx(c -> c.reports().recordVerdicts(first.id(), new ReportService.Verdicts(List.of(
        new ExpenseService.Verdict(ids.subList(2, ids.size()), ExpenseStatus.ACCEPTED, null, null),
        new ExpenseService.Verdict(List.of(ids.get(1)), ExpenseStatus.REJECTED, null, "Hors période"),
        new ExpenseService.Verdict(List.of(partly), ExpenseStatus.PARTLY_ACCEPTED, new BigDecimal("10.00"), "Quote-part")))));
    BigDecimal accepted = ledger("e.status = fr.jalon.expense.ExpenseStatus.ACCEPTED");
    java.util.Optional<BigDecimal> acceptedCost = tx(c -> c.expenses().acceptedEligibleCost());
    assertThat(acceptedCost).contains(accepted.add(new BigDecimal("10.00")));
    BigDecimal paidCost = tx(c -> c.expenses().paidEligibleCost());
    assertThat(paidCost).isEqualByComparingTo(ledger("e.paidOn IS NOT NULL"));
    // A credit note on a declared line, paid in 2025, enters the 2025 statement and points to it.
    db.run(em -> {
      Expense declared = em.find(Expense.class, partly);
      em.persist(ExpenseFixtures.paid(declared.grant(), declared.action(), declared.category(), declared.source(), declared.supplierName(), "AV-1", LocalDate.of(2025, 4, 1),
          new BigDecimal("-10.00"), new BigDecimal("-2.00"), LocalDate.of(2025, 4, 2), true, declared));
      em.createQuery("UPDATE Expense e SET e.receiptCount = 1 WHERE e.invoiceNumber = 'S-2'").executeUpdate();
      em.flush();
      new fr.jalon.execution.ExecutionTotals(em).rebuild(declared.grant().id());
    });
    ReportRow next = generate(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31));
    assertThat(next.lineCount()).isEqualTo(3);
    List<ErdLine> lines = tx(c -> {
      java.util.ArrayList<ErdLine> all = new java.util.ArrayList<>();
      new ErdRepository(c.em()).lines(next.id(), all::add);
      return all;
    });
    assertThat(lines).filteredOn(l -> "AV-1".equals(l.invoiceNumber())).singleElement().satisfies(l -> assertThat(l.corrects()).contains("F-"));
    List<ErdTotal> totals = tx(c -> new ErdGenerator() {{ em = c.em(); lines = new ErdRepository(c.em()); }}.totals(c.reports().find(next.id())));
    assertThat(totals).filteredOn(t -> t.section().equals("ALL")).singleElement()
        .satisfies(t -> assertThat(t.earlier()).isEqualByComparingTo(first.totalEligible()))
        .satisfies(t -> assertThat(t.cumulative()).isEqualByComparingTo(first.totalEligible().add(next.totalEligible())));
    assertThat(eligible).isPositive();
  }

  @Test
  void theVerdictScreenPagesTheDeclaredLinesInTheDatabaseAndShowsEachVerdict() {
    ReportRow r = submitted(FROM, TO);
    List<Long> ids = tx(c -> c.reports().statementExpenseIds(r.id()));
    assertThat(ids).hasSize(r.lineCount()).hasSizeGreaterThan(2);
    tx(c -> c.reports().recordVerdicts(r.id(), new ReportService.Verdicts(List.of(
        new ExpenseService.Verdict(List.of(ids.get(0)), ExpenseStatus.PARTLY_ACCEPTED, new BigDecimal("1.00"), "Quote-part")))));
    List<StatementLine> all = new java.util.ArrayList<>();
    for (int first = 0; first < ids.size(); first += 2) {
      int from = first;
      fr.jalon.platform.Page<StatementLine> page = tx(c -> c.reports().statementLines(r.id(), from, 2));
      assertThat(page.total()).isEqualTo(ids.size());
      assertThat(page.items()).hasSizeLessThanOrEqualTo(2);
      all.addAll(page.items());
    }
    assertThat(all).extracting(StatementLine::expenseId).containsExactlyInAnyOrderElementsOf(ids);
    StatementLine partly = all.stream().filter(l -> l.expenseId() == ids.get(0)).findFirst().orElseThrow();
    assertThat(partly.status()).isEqualTo(ExpenseStatus.PARTLY_ACCEPTED);
    assertThat(partly.retainedAmount()).isEqualByComparingTo("1.00");
    assertThat(partly.verdictReason()).isEqualTo("Quote-part");
    assertThat(all).filteredOn(l -> l.expenseId() != ids.get(0)).extracting(StatementLine::status).containsOnly(ExpenseStatus.DECLARED);
  }
}
