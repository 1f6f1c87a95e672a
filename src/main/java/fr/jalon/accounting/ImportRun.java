package fr.jalon.accounting;

import fr.jalon.expense.Expense;
import fr.jalon.expense.ExpenseTerms;
import fr.jalon.expense.Provenance;
import fr.jalon.grant.Cofunding;
import fr.jalon.grant.Grant;
import fr.jalon.grant.LegalForm;
import fr.jalon.grant.Organisation;
import fr.jalon.plan.Action;
import fr.jalon.plan.CostCategory;
import fr.jalon.platform.RuleViolation;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Decides, for each expense read from a file, whether it is created, already there, or refused:
 * category from the mapping (or the categories' own prefixes, the longest wins), rules 1–5 on the
 * line, and nothing imported twice — by source keys and by supplier + invoice number + date, both in
 * the database ({@code taken}) and within the file. A credit note corrects the invoice lettered
 * with it in the same file.
 */
public final class ImportRun {
  /** A line to create, with the expense built (rules checked) and, for a credit note, the source key of the line it corrects. */
  public record Staged(Expense expense, String correctsSourceKey) {}

  /** An expense read from a file, with the action code and the supplier's SIRET it names (a CSV's), or nulls: what {@link #classify} takes. */
  public record Read(FecExpense expense, String actionCode, String siret) {}

  /** Tells whether a source key, or an invoice (supplier, number, date), is already recorded and visible. */
  public interface Taken {
    boolean sourceKey(String key);

    boolean invoice(String supplier, String number, java.time.LocalDate date);

    /** The organisation recorded with this SIRET, or null (none known: the line's supplier is then created with it). */
    default Organisation supplier(String siret) {
      return null;
    }
  }

  private final Grant grant;
  private final Action action;
  private final Cofunding source;
  private final List<CostCategory> categories;
  private final FecSelection selection;
  private final Taken taken;
  private final Provenance provenance;
  private final Map<String, Action> actionsByCode;
  private final java.util.function.UnaryOperator<String> columnName;
  private final Set<String> seenKeys = new HashSet<>();
  private final Set<String> seenInvoices = new HashSet<>();
  private final Map<String, Expense> byLettering = new HashMap<>();
  private final Map<String, Organisation> suppliersBySiret = new HashMap<>();

  public ImportRun(Grant grant, Action action, Cofunding source, List<CostCategory> categories, FecSelection selection, Taken taken) {
    this(grant, action, source, categories, selection, taken, Provenance.FEC, Map.of(), c -> c);
  }

  /**
   * A run for {@code provenance}: lines naming an action code take it from {@code actionsByCode}
   * (the others take {@code action}); {@code columnName} names, in refusals, the file's column for
   * an expense field or a FEC column ("CompteNum" for the account).
   */
  public ImportRun(Grant grant, Action action, Cofunding source, List<CostCategory> categories, FecSelection selection, Taken taken, Provenance provenance,
      Map<String, Action> actionsByCode, java.util.function.UnaryOperator<String> columnName) {
    this.provenance = provenance;
    this.actionsByCode = actionsByCode;
    this.columnName = columnName;
    this.grant = grant;
    this.action = action;
    this.source = source;
    this.categories = categories;
    this.selection = selection;
    this.taken = taken;
  }

  /** The preview line for {@code f}; {@code staged} receives the line to create, if any. */
  public ImportLine classify(FecExpense f, java.util.function.Consumer<Staged> staged) {
    return classify(f, null, staged);
  }

  /** As {@link #classify(FecExpense, java.util.function.Consumer)}, the line charged to the action {@code actionCode} when given. */
  public ImportLine classify(FecExpense f, String actionCode, java.util.function.Consumer<Staged> staged) {
    return classify(f, actionCode, null, staged);
  }

  /**
   * As {@link #classify(FecExpense, String, java.util.function.Consumer)}, the supplier given by its
   * {@code siret} when not null (a checked SIRET): the organisation recorded with it, whatever name the
   * line gives, or else a new supplier organisation with the line's name and that SIRET, created (once
   * per file) when the import is confirmed, as the expense form creates one.
   */
  public ImportLine classify(FecExpense f, String actionCode, String siret, java.util.function.Consumer<Staged> staged) {
    Organisation supplier;
    try {
      supplier = siret == null ? null : supplierOf(siret, f.supplierName());
    } catch (RuleViolation v) {
      return line(f, ImportLine.Outcome.REFUSED, columnName.apply(v.field()), v.getMessage(), null, f.supplierName());
    }
    String supplierName = supplier == null ? f.supplierName() : supplier.name();
    String note = supplier != null && supplier.id() == null ? "Nouveau fournisseur « " + supplier.name() + " » (SIRET " + siret + "), enregistré à la confirmation." : null;
    return classify(f, actionCode, supplier, supplierName, note, staged);
  }

  private Organisation supplierOf(String siret, String name) {
    Organisation known = suppliersBySiret.get(siret);
    if (known == null) {
      known = taken.supplier(siret);
      if (known == null) {
        known = new Organisation(name, siret, LegalForm.COMPANY, true);
      }
      suppliersBySiret.put(siret, known);
    }
    return known;
  }

  private ImportLine classify(FecExpense f, String actionCode, Organisation supplier, String supplierName, String note, java.util.function.Consumer<Staged> staged) {
    CostCategory category = categoryOf(f.chargeAccount());
    String invoiceKey = supplierName.toLowerCase(Locale.ROOT) + "|" + f.invoiceNumber() + "|" + f.invoiceDate();
    if (category == null) {
      return line(f, ImportLine.Outcome.REFUSED, columnName.apply("CompteNum"), "Compte ou catégorie « " + f.chargeAccount() + " » rattaché à aucune catégorie de dépense.", null, supplierName);
    }
    Action lineAction = action;
    if (actionCode != null && !actionCode.isBlank()) {
      lineAction = actionsByCode.get(actionCode.trim().toUpperCase(Locale.ROOT));
      if (lineAction == null) {
        return line(f, ImportLine.Outcome.REFUSED, columnName.apply("action"), "Action « " + actionCode.trim() + " » inconnue dans le plan d’actions.", category, supplierName);
      }
    }
    if (seenKeys.contains(f.sourceKey()) || taken.sourceKey(f.sourceKey())
        || (f.invoiceNumber() != null && (seenInvoices.contains(invoiceKey) || taken.invoice(supplierName, f.invoiceNumber(), f.invoiceDate())))) {
      return line(f, ImportLine.Outcome.ALREADY_THERE, null, "Déjà enregistrée (même écriture, ou même fournisseur, facture et date).", category, supplierName);
    }
    Expense corrects = null;
    if (f.creditNote()) {
      corrects = f.lettering().isEmpty() ? null : byLettering.get(f.lettering());
      if (corrects == null && provenance == Provenance.CSV) {
        return line(f, ImportLine.Outcome.REFUSED, columnName.apply("amountExcl"), "Montant négatif : un avoir se saisit comme ligne de correction de la facture qu’il corrige.", category, supplierName);
      }
      if (corrects == null) {
        return line(f, ImportLine.Outcome.REFUSED, "EcritureLet", "Avoir sans facture d’origine lettrée avec lui dans le fichier.", category, supplierName);
      }
    }
    try {
      ExpenseTerms terms = new ExpenseTerms(lineAction, category, source, supplier, f.supplierName(), f.label(), f.invoiceNumber(), f.invoiceDate(), null, f.excl(), f.vat(),
          f.incl(), null, Expense.PERSONNEL.equals(category.code()) ? Boolean.FALSE : null, corrects);
      Expense e = new Expense(grant, terms, provenance, f.sourceKey(), f.invoiceDate());
      e.land(f.paidOn() == null ? f.invoiceDate() : null, f.paidOn(), f.estimated());
      seenKeys.add(f.sourceKey());
      seenInvoices.add(invoiceKey);
      if (!f.creditNote() && !f.lettering().isEmpty()) {
        byLettering.putIfAbsent(f.lettering(), e);
      }
      staged.accept(new Staged(e, corrects == null ? null : corrects.sourceKey()));
      return line(f, ImportLine.Outcome.CREATE, null, note, category, supplierName);
    } catch (RuleViolation v) {
      return line(f, ImportLine.Outcome.REFUSED, columnName.apply(v.field()), v.getMessage(), category, supplierName);
    } catch (RuleViolation.Several s) {
      return line(f, ImportLine.Outcome.REFUSED, columnName.apply(s.first().field()), s.getMessage(), category, supplierName);
    }
  }

  private ImportLine line(FecExpense f, ImportLine.Outcome outcome, String column, String reason, CostCategory category, String supplierName) {
    return new ImportLine(f.lineNumber(), outcome, column, reason, supplierName, f.invoiceNumber(), f.invoiceDate(), category == null ? null : category.code(),
        f.excl(), f.vat(), f.incl(), f.paidOn(), f.estimated());
  }

  CostCategory categoryOf(String account) {
    for (CostCategory c : categories) {
      if (c.code().equalsIgnoreCase(account.trim())) {
        return c;
      }
    }
    String mapped = selection.categoryOf(account);
    if (mapped != null) {
      return categories.stream().filter(c -> c.code().equalsIgnoreCase(mapped)).findFirst().orElse(null);
    }
    CostCategory best = null;
    int bestLength = 0;
    for (CostCategory c : categories) {
      if (!c.eligible() || c.flatRate()) {
        continue;
      }
      for (String prefix : c.accountPrefixes().split("[,; ]+")) {
        if (!prefix.isBlank() && account.startsWith(prefix.trim()) && prefix.trim().length() > bestLength) {
          best = c;
          bestLength = prefix.trim().length();
        }
      }
    }
    return best;
  }
}
