package fr.jalon.bench.generator;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * A valid FEC (DESIGN.md §2) of about {@code lines} lines for a generated grant, read per entry the
 * way Jalon reads it: purchases of three lines (charge or asset account of one of the generated
 * categories, deductible VAT 44566, supplier 401000 incl. VAT with its auxiliary account and
 * lettering), purchases without VAT of two, payroll entries (641100 + 645100 against 421000), a
 * credit note now and then (lettered with the purchase it corrects) and bank-journal payments
 * (401000 against 512000) lettered with earlier purchases. Tab separated, UTF-8, 18 columns,
 * decimal comma, dates {@code AAAAMMJJ}.
 *
 * <p>Each {@code batch} number gives other entry numbers and invoice numbers, so several files can
 * be imported one after another into the same database without one being "already there". The
 * expenses Jalon should create from the file are handed to a consumer as they are written, so a
 * plain JDBC insert can write exactly the same rows.
 */
public final class FecWriter {
  static final String HEADER = "JournalCode\tJournalLib\tEcritureNum\tEcritureDate\tCompteNum\tCompteLib\tCompAuxNum\tCompAuxLib\tPieceRef\tPieceDate"
      + "\tEcritureLib\tDebit\tCredit\tEcritureLet\tDateLet\tValidDate\tMontantdevise\tIdevise";
  private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
  /** Charge or asset account for each generated category code (PERS is written as payroll). */
  private static final List<String[]> ACCOUNTS = List.of(new String[] {"INV", "2154", "Matériel industriel"},
      new String[] {"FONC", "6063", "Fournitures d'entretien et petit équipement"}, new String[] {"PREST", "6226", "Honoraires"},
      new String[] {"DEPL", "6251", "Voyages et déplacements"}, new String[] {"COMM", "6236", "Catalogues et imprimés"});

  private FecWriter() {}

  /** One expense the file should create, as Jalon stores it (before action and source are chosen). */
  public record Expected(String categoryCode, String supplierName, String description, String invoiceNumber, LocalDate invoiceDate, BigDecimal excl,
      BigDecimal vat, BigDecimal incl, LocalDate paidOn, String sourceKey, String correctsSourceKey) {}

  /** What was written. */
  public record Written(int lines, int entries, int expenses) {}

  /**
   * Writes the file. Dates fall between {@code from} and {@code to} (inside the grant, not in the
   * future); the same seed, batch and line count always give the same file.
   */
  public static Written write(Path file, long seed, int batch, int lines, LocalDate from, LocalDate to, Consumer<Expected> expenses) throws IOException {
    Random random = new Random(seed * 31 + batch);
    long days = Math.max(1, java.time.temporal.ChronoUnit.DAYS.between(from, to));
    int written = 0;
    int entries = 0;
    int created = 0;
    long number = (long) batch * 10_000_000L;
    String lastLettering = null;
    Expected lastPurchase = null;
    List<String> unpaid = new java.util.ArrayList<>();
    // Kept until the end: a bank entry further down may letter a purchase, which then lands PAID.
    List<Expected> expected = new java.util.ArrayList<>();
    java.util.Map<String, Integer> byLettering = new java.util.HashMap<>();
    try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
      out.write(HEADER);
      out.write('\n');
      while (written < lines) {
        number++;
        entries++;
        LocalDate date = from.plusDays((long) (random.nextDouble() * days));
        int roll = random.nextInt(20);
        String entry = Long.toString(number);
        if (roll < 2 && !unpaid.isEmpty()) {
          // A payment in the bank journal, lettered with an earlier purchase.
          String[] paid = unpaid.remove(unpaid.size() - 1).split("\\|");
          String amount = paid[1];
          int index = byLettering.get(paid[0]);
          Expected purchase = expected.get(index);
          LocalDate due = purchase.invoiceDate().plusDays(30);
          date = due.isAfter(to) ? purchase.invoiceDate() : due.isAfter(date) ? due : date;
          expected.set(index, new Expected(purchase.categoryCode(), purchase.supplierName(), purchase.description(), purchase.invoiceNumber(),
              purchase.invoiceDate(), purchase.excl(), purchase.vat(), purchase.incl(), date, purchase.sourceKey(), purchase.correctsSourceKey()));
          line(out, "BQ", "Banque", entry, date, "401000", "Fournisseurs", paid[2], paid[3], "VIR" + entry, date, "Règlement " + paid[2], amount, "", paid[0], date);
          line(out, "BQ", "Banque", entry, date, "512000", "Banque", "", "", "VIR" + entry, date, "Règlement " + paid[2], "", amount, "", null);
          written += 2;
          continue;
        }
        if (roll == 2) {
          // Payroll: salaries and social charges against the staff account; supplier "Personnel".
          BigDecimal gross = ExpenseDataGenerator.amount(random, true);
          BigDecimal charges = gross.multiply(new BigDecimal("0.42")).setScale(2, RoundingMode.HALF_UP);
          String ref = "PAIE-" + batch + "-" + entry;
          String label = "Salaires " + date.getMonthValue() + "/" + date.getYear();
          line(out, "PA", "Paie", entry, date, "641100", "Salaires", "", "", ref, date, label, money(gross), "", "", null);
          line(out, "PA", "Paie", entry, date, "645100", "Cotisations URSSAF", "", "", ref, date, label, money(charges), "", "", null);
          line(out, "PA", "Paie", entry, date, "421000", "Personnel - rémunérations dues", "", "", ref, date, label, "", money(gross.add(charges)), "", null);
          written += 3;
          BigDecimal excl = gross.add(charges);
          expected.add(new Expected("PERS", "Personnel", label, ref, date, excl, BigDecimal.ZERO.setScale(2), excl, null, "PA|" + entry + "|641100", null));
          created++;
          continue;
        }
        if (roll == 3 && lastPurchase != null) {
          // A credit note for a tenth of the last purchase, lettered with it.
          BigDecimal excl = lastPurchase.excl().divide(BigDecimal.TEN, 2, RoundingMode.HALF_UP);
          BigDecimal vat = lastPurchase.vat().divide(BigDecimal.TEN, 2, RoundingMode.HALF_UP);
          String[] account = account(lastPurchase.categoryCode());
          LocalDate on = lastPurchase.invoiceDate().isAfter(date) ? lastPurchase.invoiceDate() : date;
          String ref = "AV-" + lastPurchase.invoiceNumber();
          String label = "Avoir " + lastPurchase.invoiceNumber();
          String aux = lastPurchase.supplierName();
          line(out, "HA", "Achats", entry, on, account[1], account[2], "", "", ref, on, label, "", money(excl), "", null);
          int n = 1;
          if (vat.signum() > 0) {
            line(out, "HA", "Achats", entry, on, "44566", "TVA déductible", "", "", ref, on, label, "", money(vat), "", null);
            n++;
          }
          line(out, "HA", "Achats", entry, on, "401000", "Fournisseurs", auxNumber(aux), aux, ref, on, label, money(excl.add(vat)), "", lastLettering, null);
          written += n + 1;
          expected.add(new Expected(lastPurchase.categoryCode(), aux, label, ref, on, excl.negate(), vat.negate(), excl.add(vat).negate(), null,
              "HA|" + entry + "|" + account[1], lastPurchase.sourceKey()));
          created++;
          lastPurchase = null;
          continue;
        }
        // A purchase: charge (or asset), VAT unless exempt, supplier incl. VAT.
        String[] account = ACCOUNTS.get(random.nextInt(ACCOUNTS.size()));
        boolean withVat = random.nextInt(4) != 0;
        BigDecimal excl = ExpenseDataGenerator.amount(random, false);
        BigDecimal vat = withVat ? excl.multiply(new BigDecimal("0.20")).setScale(2, RoundingMode.HALF_UP) : BigDecimal.ZERO.setScale(2);
        BigDecimal incl = excl.add(vat);
        int s = random.nextInt(ExpenseDataGenerator.SUPPLIERS);
        String supplier = ExpenseDataGenerator.SUPPLIER_TRADES[s % ExpenseDataGenerator.SUPPLIER_TRADES.length] + " FEC " + (s + 1);
        String ref = "F" + batch + "-" + entry;
        String label = account[2] + " " + ref;
        String lettering = "L" + Long.toString(number, 36).toUpperCase(java.util.Locale.ROOT);
        line(out, "HA", "Achats", entry, date, account[1], account[2], "", "", ref, date, label, money(excl), "", "", null);
        if (withVat) {
          line(out, "HA", "Achats", entry, date, "44566", "TVA déductible", "", "", ref, date, label, money(vat), "", "", null);
        }
        line(out, "HA", "Achats", entry, date, "401000", "Fournisseurs", auxNumber(supplier), supplier, ref, date, label, "", money(incl), lettering, null);
        written += withVat ? 3 : 2;
        lastPurchase = new Expected(account[0], supplier, label, ref, date, excl, vat, incl, null, "HA|" + entry + "|" + account[1], null);
        lastLettering = lettering;
        byLettering.put(lettering, expected.size());
        expected.add(lastPurchase);
        created++;
        if (random.nextInt(3) == 0) {
          unpaid.add(lettering + "|" + money(incl) + "|" + supplier + "|" + supplier.replace('|', ' '));
        }
      }
    }
    expected.forEach(expenses);
    return new Written(written, entries, created);
  }

  private static String[] account(String category) {
    return ACCOUNTS.stream().filter(a -> a[0].equals(category)).findFirst().orElseThrow();
  }

  private static String auxNumber(String supplier) {
    return "F" + Integer.toHexString(supplier.hashCode() & 0xfffff).toUpperCase(java.util.Locale.ROOT);
  }

  private static String money(BigDecimal amount) {
    return amount.setScale(2).toPlainString().replace('.', ',');
  }

  private static void line(Writer out, String journal, String journalLabel, String entry, LocalDate date, String account, String accountLabel, String auxNumber,
      String auxLabel, String pieceRef, LocalDate pieceDate, String label, String debit, String credit, String lettering, LocalDate letteringDate)
      throws IOException {
    out.write(String.join("\t", journal, journalLabel, entry, DAY.format(date), account, accountLabel, auxNumber, auxLabel, pieceRef, DAY.format(pieceDate),
        label, debit, credit, lettering, letteringDate == null ? "" : DAY.format(letteringDate), DAY.format(date), "", ""));
    out.write('\n');
  }
}
