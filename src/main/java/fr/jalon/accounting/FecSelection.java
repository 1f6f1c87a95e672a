package fr.jalon.accounting;

import java.util.List;
import java.util.Map;

/**
 * Which entries of a FEC are the project's, and how their charge accounts map to cost categories.
 * Each criterion given must hold (an empty one is not applied): one line of the entry has an
 * account starting with one of {@code accountPrefixes}; the entry's journal is one of
 * {@code journals}; one line carries {@code analyticCode} in an extra column. {@code categoryByPrefix}
 * maps account prefixes to category codes (the longest prefix wins); unmapped accounts fall back
 * to the categories' own prefixes.
 */
public record FecSelection(List<String> accountPrefixes, List<String> journals, String analyticCode, Map<String, String> categoryByPrefix)
    implements java.io.Serializable {

  public static FecSelection everything() {
    return new FecSelection(List.of(), List.of(), null, Map.of());
  }

  boolean selects(List<FecLine> entry) {
    if (journals != null && !journals.isEmpty() && journals.stream().noneMatch(j -> j.equalsIgnoreCase(entry.get(0).journalCode()))) {
      return false;
    }
    if (accountPrefixes != null && !accountPrefixes.isEmpty() && entry.stream().noneMatch(l -> accountPrefixes.stream().anyMatch(p -> l.account().startsWith(p)))) {
      return false;
    }
    return analyticCode == null || analyticCode.isBlank() || entry.stream().anyMatch(l -> l.extra().contains(analyticCode.trim()));
  }

  /** The category code the mapping gives an account, or null. */
  public String categoryOf(String account) {
    String best = null;
    for (String prefix : categoryByPrefix == null ? Map.<String, String>of().keySet() : categoryByPrefix.keySet()) {
      if (account.startsWith(prefix) && (best == null || prefix.length() > best.length())) {
        best = prefix;
      }
    }
    return best == null ? null : categoryByPrefix.get(best);
  }
}
