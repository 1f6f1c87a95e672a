package fr.jalon.accounting;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Reads a FEC per entry (JournalCode + EcritureNum, lines of an entry being consecutive as the
 * format requires), in two streamed passes: the first finds the payments (bank entries whose
 * supplier line is lettered), the second turns the project's purchase entries into expenses.
 */
public final class FecEntries {
  public static final String PERSONNEL = "Personnel";

  private FecEntries() {}

  /** Both passes; {@code file} opens the file again for each. */
  public static FecReader.Summary read(Supplier<InputStream> file, FecSelection selection, Consumer<FecExpense> expenses, Consumer<FecProblem> problems) {
    Map<String, LocalDate> payments = new HashMap<>();
    try (InputStream in = file.get()) {
      Consumer<FecLine> grouping = grouped(entry -> collectPayments(entry, payments));
      FecReader.read(in, grouping, p -> {});
      grouping.accept(null);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    try (InputStream in = file.get()) {
      Consumer<FecLine> grouping = grouped(entry -> interpret(entry, selection, payments, expenses, problems));
      FecReader.Summary s = FecReader.read(in, grouping, problems);
      grouping.accept(null);
      return s;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Groups consecutive lines of the same entry; a null line ends the last entry. */
  static Consumer<FecLine> grouped(Consumer<List<FecLine>> entries) {
    List<FecLine> current = new ArrayList<>();
    return line -> {
      if (line == null || (!current.isEmpty() && !current.get(0).entryKey().equals(line.entryKey()))) {
        if (!current.isEmpty()) {
          entries.accept(List.copyOf(current));
        }
        current.clear();
      }
      if (line != null) {
        current.add(line);
      }
    };
  }

  static void collectPayments(List<FecLine> entry, Map<String, LocalDate> payments) {
    if (entry.stream().noneMatch(l -> l.account().startsWith("512"))) {
      return;
    }
    for (FecLine l : entry) {
      if (supplierAccount(l.account()) && !l.lettering().isEmpty()) {
        payments.putIfAbsent(l.lettering(), l.entryDate());
      }
    }
  }

  static boolean chargeAccount(String account) {
    return account.startsWith("6") || account.startsWith("2");
  }

  static boolean supplierAccount(String account) {
    return account.startsWith("401") || account.startsWith("404");
  }

  static boolean payrollAccount(String account) {
    return account.startsWith("641") || account.startsWith("645") || account.startsWith("647");
  }

  static void interpret(List<FecLine> entry, FecSelection selection, Map<String, LocalDate> payments, Consumer<FecExpense> expenses, Consumer<FecProblem> problems) {
    FecLine first = entry.get(0);
    BigDecimal debit = entry.stream().map(FecLine::debit).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal credit = entry.stream().map(FecLine::credit).reduce(BigDecimal.ZERO, BigDecimal::add);
    if (debit.compareTo(credit) != 0) {
      problems.accept(new FecProblem(first.lineNumber(), "Debit", "Écriture " + first.journalCode() + " " + first.entryNumber() + " déséquilibrée : débit "
          + debit.toPlainString().replace('.', ',') + " ≠ crédit " + credit.toPlainString().replace('.', ',') + "."));
      return;
    }
    List<FecLine> charges = entry.stream().filter(l -> chargeAccount(l.account())).toList();
    if (charges.isEmpty() || !selection.selects(entry)) {
      return;
    }
    BigDecimal excl = charges.stream().map(FecLine::balance).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal vat = entry.stream().filter(l -> l.account().startsWith("4456")).map(FecLine::balance).reduce(BigDecimal.ZERO, BigDecimal::add);
    FecLine main = charges.stream().max((a, b) -> a.balance().abs().compareTo(b.balance().abs())).orElseThrow();
    boolean payroll = payrollAccount(main.account());
    FecLine supplier = entry.stream().filter(l -> supplierAccount(l.account())).findFirst().orElse(null);
    BigDecimal incl = supplier == null ? excl.add(vat) : supplier.balance().negate();
    if (!payroll && supplier == null) {
      problems.accept(new FecProblem(first.lineNumber(), "CompteNum", "Écriture " + first.journalCode() + " " + first.entryNumber() + " sans ligne fournisseur (401 ou 404)."));
      return;
    }
    if (excl.add(vat).compareTo(incl) != 0) {
      problems.accept(new FecProblem(supplier.lineNumber(), "Credit", "Écriture " + first.journalCode() + " " + first.entryNumber() + " : HT + TVA ≠ TTC du fournisseur."));
      return;
    }
    LocalDate paidOn = null;
    boolean estimated = false;
    String lettering = supplier == null ? "" : supplier.lettering();
    if (!lettering.isEmpty() && payments.containsKey(lettering) && excl.signum() > 0) {
      paidOn = payments.get(lettering);
    } else if (supplier != null && supplier.letteringDate() != null && excl.signum() > 0) {
      paidOn = supplier.letteringDate();
      estimated = true;
    }
    String supplierName = payroll ? PERSONNEL : supplier.auxLabel().isEmpty() ? supplier.label() : supplier.auxLabel();
    FecLine reference = supplier != null ? supplier : main;
    String label = main.label().isEmpty() ? reference.label() : main.label();
    expenses.accept(new FecExpense(first.lineNumber(), first.journalCode() + "|" + first.entryNumber() + "|" + main.account(), main.account(), supplierName,
        reference.pieceRef().isEmpty() ? null : reference.pieceRef(), reference.pieceDate() != null ? reference.pieceDate() : first.entryDate(),
        label.isEmpty() ? "Écriture " + first.journalCode() + " " + first.entryNumber() : label, excl, vat, incl, paidOn, estimated, lettering, payroll));
  }
}
