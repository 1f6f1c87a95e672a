package fr.jalon.bench.generator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * N expenses (the dataset's size) over the grant's years so far, at every stage of the chain
 * ({@code DRAFT} to {@code PAID}, {@code ORDERED} where the grant has a separate payment order, a
 * few {@code CANCELLED}): old ones mostly paid, recent ones spread along the chain. Each row is
 * what the application would store: incl. VAT = excl. + VAT, eligible amount by rule 3, the stage
 * dates in order, the sort date and year the list pages on. One in five came from a FEC import
 * (provenance {@code FEC}, a source key). Every {@code PAID} expense has its receipt attached (the
 * supplier's invoice, or the payslip for personnel), so a year's paid lines can enter an expense
 * statement (rule 6); the 41 receipt files (one small PDF per supplier, one payslip) are shared by
 * the receipts that name them and written to the data folder's file store, which the cache
 * carries. Written with {@link Generation#batch}; 40 suppliers with a SIRET.
 */
public final class ExpenseDataGenerator implements DataGenerator {
  static final String[] SUPPLIER_TRADES = {"Usinage", "Métrologie", "Fabrication additive", "Robotique", "Informatique", "Imprimerie", "Transports",
      "Hôtellerie", "Formation", "Fournitures"};
  static final int SUPPLIERS = 40;
  private static final String[] STAGES = {"DRAFT", "COMMITTED", "SERVICE_DONE", "LIQUIDATED", "ORDERED", "PAID"};
  private static final BigDecimal HUNDRED = new BigDecimal("100");

  @Override
  public String name() {
    return "expenses";
  }

  @Override
  public void generate(Generation g) throws SQLException {
    Random random = g.random();
    GrantFacts grant = g.fact(GrantFacts.class);
    ExpenseFacts facts = facts(g, grant);
    List<Long> suppliers = new ArrayList<>();
    List<String> supplierNames = new ArrayList<>();
    for (int i = 0; i < SUPPLIERS; i++) {
      String name = SUPPLIER_TRADES[i % SUPPLIER_TRADES.length] + " " + grant.town() + " " + (i + 1) + " " + Pick.one(random, PartnerGenerator.COMPANY_FORMS);
      suppliers.add(g.insert("ORGANISATION", GrantGenerator.organisationRow(new fr.jalon.grant.Organisation(name, Sirets.random(random, false),
          fr.jalon.grant.LegalForm.COMPANY, true))));
      supplierNames.add(name);
    }
    Receipts receipts = receipts(g, grant, supplierNames, facts.today());
    int n = g.dataset().size();
    // Per expense, the receipt file it carries (an index into receipts.fileIds), or -1: written after the expenses.
    int[] receiptFile = new int[n + 1];
    boolean separateOrder = !Boolean.FALSE.equals(grant.parameters().separatePaymentOrder());
    LocalDate start = grant.eligibilityStart();
    LocalDate today = facts.today();
    long span = Math.max(1, ChronoUnit.DAYS.between(start, today));
    try (Generation.Batch b = g.batch("EXPENSE", "ID", "GRANT_ID", "ACTION_ID", "CATEGORY_ID", "COFUNDING_ID", "SUPPLIER_ID", "SUPPLIER_NAME", "DESCRIPTION",
        "INVOICE_NUMBER", "INVOICE_DATE", "AMOUNT_EXCL", "AMOUNT_VAT", "AMOUNT_INCL", "SHARE_CHARGED", "ELIGIBLE_AMOUNT", "STATUTORY_STAFF", "STATUS",
        "SORT_DATE", "EXPENSE_YEAR", "COMMITTED_ON", "SERVICE_DONE_ON", "LIQUIDATED_ON", "ORDERED_ON", "ORDER_NUMBER", "PAID_ON", "CANCELLED_ON",
        "PROVENANCE", "SOURCE_KEY", "RECEIPT_COUNT")) {
      for (long id = 1; id <= n; id++) {
        int c = random.nextInt(facts.categories().size());
        String category = facts.categoryCodes().get(c);
        boolean personnel = "PERS".equals(category);
        // More recent years hold more expenses, as a grant ramps up.
        LocalDate invoice = start.plusDays((long) (span * Math.sqrt(random.nextDouble())));
        BigDecimal excl = amount(random, personnel);
        BigDecimal vat = personnel ? BigDecimal.ZERO.setScale(2) : excl.multiply(new BigDecimal("0.20")).setScale(2, RoundingMode.HALF_UP);
        BigDecimal incl = excl.add(vat);
        BigDecimal share = random.nextInt(10) == 0 ? new BigDecimal("50.00") : new BigDecimal("100.00");
        BigDecimal eligible = (facts.recoversVat() ? excl : incl).multiply(share).divide(HUNDRED, 2, RoundingMode.HALF_UP);
        int supplier = random.nextInt(SUPPLIERS);
        boolean imported = random.nextInt(5) == 0;
        long age = ChronoUnit.DAYS.between(invoice, today);
        int stages = age > 150 ? 5 : age > 60 ? 2 + random.nextInt(4) : random.nextInt(6);
        boolean cancelled = !imported && random.nextInt(60) == 0;
        LocalDate[] on = new LocalDate[STAGES.length];
        String status;
        if (imported) {
          // Imported lines land liquidated, or paid when the FEC had the payment.
          on[3] = invoice.plusDays(5);
          on[5] = stages == 5 && !invoice.plusDays(30).isAfter(today) ? invoice.plusDays(30) : null;
          status = on[5] != null ? "PAID" : "LIQUIDATED";
        } else {
          int reached = cancelled ? Math.min(stages, 1) : stages;
          LocalDate d = invoice.minusDays(10 + random.nextInt(20));
          d = d.isBefore(start) ? start : d;
          int last = 0;
          for (int s = 1; s <= reached; s++) {
            if (s == 4 && !separateOrder) {
              continue;
            }
            d = s == 2 ? (invoice.isAfter(d) ? invoice : d) : d.plusDays(random.nextInt(12));
            if (d.isAfter(today)) {
              break;
            }
            on[s] = d;
            last = s;
          }
          status = STAGES[last];
        }
        LocalDate cancelledOn = null;
        if (cancelled) {
          cancelledOn = on[1] != null ? on[1] : invoice;
          status = "CANCELLED";
        }
        LocalDate sort = invoice;
        boolean paid = "PAID".equals(status);
        receiptFile[(int) id] = !paid ? -1 : personnel ? SUPPLIERS : supplier;
        b.row(id, grant.grantId(), Pick.one(random, facts.actions()), facts.categories().get(c), Pick.one(random, facts.sources()),
            personnel ? null : suppliers.get(supplier), personnel ? "Personnel" : supplierNames.get(supplier),
            personnel ? "Rémunération — chargé de mission, " + invoice.getMonthValue() + "/" + invoice.getYear() : "Achat " + category.toLowerCase() + " n° " + id,
            (personnel ? "PAIE-" : "F") + invoice.getYear() + "-" + id, invoice, excl, vat, incl, share, eligible, personnel ? Boolean.FALSE : null, status,
            sort, sort.getYear(), on[1], on[2], on[3], on[4], on[4] == null ? null : "M" + on[4].getYear() + "-" + id, on[5], cancelledOn,
            imported ? "FEC" : "MANUAL", imported ? "AC|" + id + "|401000" : null, paid ? 1 : 0);
      }
    }
    g.restartIdentity("EXPENSE");
    long receiptId = 0;
    try (Generation.Batch b = g.batch("EXPENSE_RECEIPT", "ID", "EXPENSE_ID", "FILE_ID", "KIND")) {
      for (int id = 1; id <= n; id++) {
        if (receiptFile[id] >= 0) {
          b.row(++receiptId, (long) id, receipts.fileIds().get(receiptFile[id]), receiptFile[id] == SUPPLIERS ? "PAYSLIP" : "INVOICE");
        }
      }
    }
    g.restartIdentity("EXPENSE_RECEIPT");
  }

  /** The stored receipt files: one per supplier (by supplier index), then the payslip. */
  record Receipts(List<Long> fileIds) {}

  /**
   * One small PDF per supplier and a payslip, as STORED_FILE rows with their size and SHA-256, and
   * their files in the data folder's file store when there is one.
   */
  static Receipts receipts(Generation g, GrantFacts grant, List<String> supplierNames, LocalDate today) throws SQLException {
    List<Long> ids = new ArrayList<>();
    java.time.LocalDateTime storedAt = today.atTime(12, 0);
    for (int i = 0; i <= supplierNames.size(); i++) {
      boolean payslip = i == supplierNames.size();
      String title = payslip ? "Bulletin de paie - " + grant.town() : "Facture - " + supplierNames.get(i);
      byte[] pdf = Receipt.pdf(title);
      String storageName = String.format(java.util.Locale.ROOT, "bench-receipt-%02d.pdf", i + 1);
      java.util.Map<String, Object> row = new java.util.LinkedHashMap<>();
      row.put("STORAGE_NAME", storageName);
      row.put("ORIGINAL_NAME", payslip ? "bulletin-de-paie.pdf" : "facture-fournisseur-" + (i + 1) + ".pdf");
      row.put("CONTENT_TYPE", "application/pdf");
      row.put("SIZE_BYTES", (long) pdf.length);
      row.put("SHA256", Receipt.sha256(pdf));
      row.put("STORED_AT", storedAt);
      row.put("STORED_BY", "bench");
      ids.add(g.insert("STORED_FILE", row));
      if (g.fileStore() != null) {
        try {
          java.nio.file.Files.createDirectories(g.fileStore());
          java.nio.file.Files.write(g.fileStore().resolve(storageName), pdf);
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
    }
    return new Receipts(ids);
  }

  /** What the expenses (and the FEC writer) draw from: the generated plan. */
  record ExpenseFacts(List<Long> actions, List<Long> categories, List<String> categoryCodes, List<Long> sources, boolean recoversVat, LocalDate today) {}

  static ExpenseFacts facts(Generation g, GrantFacts grant) throws SQLException {
    List<Long> actions = ids(g, "SELECT ID FROM PLAN_ACTION WHERE PARENT_ID IS NOT NULL ORDER BY ID");
    List<Long> categories = new ArrayList<>();
    List<String> codes = new ArrayList<>();
    try (Statement s = g.connection().createStatement();
        ResultSet r = s.executeQuery("SELECT ID, CODE FROM COST_CATEGORY WHERE ELIGIBLE = TRUE AND FLAT_RATE = FALSE ORDER BY SORT_ORDER")) {
      while (r.next()) {
        categories.add(r.getLong(1));
        codes.add(r.getString(2));
      }
    }
    List<Long> sources = ids(g, "SELECT ID FROM COFUNDING WHERE NATURE = 'CASH' ORDER BY SORT_ORDER");
    boolean recovers;
    try (PreparedStatement s = g.connection().prepareStatement("SELECT RECOVERS_VAT FROM ORGANISATION WHERE ID = ?")) {
      s.setLong(1, grant.beneficiaryId());
      try (ResultSet r = s.executeQuery()) {
        recovers = r.next() && r.getBoolean(1);
      }
    }
    // Generated data must not depend on the day it is made: "today" is fixed inside the grant.
    LocalDate today = grant.eligibilityStart().plusYears(5).isBefore(grant.endDate()) ? grant.eligibilityStart().plusYears(5) : grant.endDate();
    return new ExpenseFacts(actions, categories, codes, sources, recovers, today);
  }

  private static List<Long> ids(Generation g, String sql) throws SQLException {
    List<Long> ids = new ArrayList<>();
    try (Statement s = g.connection().createStatement(); ResultSet r = s.executeQuery(sql)) {
      while (r.next()) {
        ids.add(r.getLong(1));
      }
    }
    return ids;
  }

  static BigDecimal amount(Random random, boolean personnel) {
    int roll = random.nextInt(100);
    long euros = personnel ? 1800 + random.nextInt(1400) : roll < 85 ? 30 + random.nextInt(470) : roll < 99 ? 500 + random.nextInt(3500) : 5000 + random.nextInt(25000);
    return BigDecimal.valueOf(euros * 100 + random.nextInt(100), 2);
  }
}
