package fr.jalon.accounting;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/**
 * The expense fields a CSV column can be mapped to, with their French label (used in refusals) and
 * the header words that suggest them when nothing is saved yet.
 */
public enum CsvField {
  INVOICE_NUMBER(true, "N° de facture", "numero facture", "n facture", "facture", "invoice", "piece", "reference"),
  INVOICE_DATE(true, "date de facture", "date facture", "date piece", "date"),
  SUPPLIER(true, "fournisseur", "fournisseur", "tiers", "supplier", "raison sociale"),
  SUPPLIER_SIRET(false, "SIRET du fournisseur", "siret"),
  DESCRIPTION(false, "libellé", "libelle", "objet", "description", "designation"),
  AMOUNT_EXCL(true, "montant HT", "ht", "hors taxe", "montant ht", "excl"),
  AMOUNT_VAT(false, "TVA", "tva", "vat"),
  AMOUNT_INCL(false, "montant TTC", "ttc", "toutes taxes", "montant ttc", "incl"),
  ACCOUNT(true, "compte ou catégorie", "compte", "categorie", "account", "imputation"),
  PAYMENT_DATE(false, "date de paiement", "date paiement", "paiement", "paye le", "reglement"),
  ACTION_CODE(false, "code action", "action");

  private final boolean required;
  private final String label;
  private final List<String> hints;

  CsvField(boolean required, String label, String... hints) {
    this.required = required;
    this.label = label;
    this.hints = List.of(hints);
  }

  public boolean required() {
    return required;
  }

  public String label() {
    return label;
  }

  /** How well a header suggests this field: 2 for the whole header, 1 for a word of it, 0 otherwise. */
  int score(String header) {
    String h = plain(header);
    int best = 0;
    for (String hint : hints) {
      if (h.equals(hint)) {
        return 2;
      }
      if ((" " + h + " ").contains(" " + hint + " ")) {
        best = 1;
      }
    }
    return best;
  }

  static String plain(String s) {
    String t = Normalizer.normalize(s == null ? "" : s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    return t.replaceAll("[^a-z0-9]+", " ").trim();
  }
}
