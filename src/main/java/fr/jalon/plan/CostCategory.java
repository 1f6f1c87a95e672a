package fr.jalon.plan;

import fr.jalon.audit.Audited;
import fr.jalon.grant.Grant;
import fr.jalon.platform.RuleViolation;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A cost category of the grant (personnel, equipment…): eligible or not, and the accounting-account
 * prefixes that map imported lines to it. The flat-rate overheads (FG) are computed, never typed.
 */
@Entity
@Table(name = "COST_CATEGORY")
public class CostCategory implements Audited {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "GRANT_ID", nullable = false)
  private Grant grant;

  @Column(name = "CODE", nullable = false)
  private String code;

  @Column(name = "LABEL", nullable = false)
  private String label;

  @Column(name = "ELIGIBLE", nullable = false)
  private boolean eligible;

  @Column(name = "FLAT_RATE", nullable = false)
  private boolean flatRate;

  @Column(name = "ACCOUNT_PREFIXES", nullable = false)
  private String accountPrefixes;

  @Column(name = "SORT_ORDER", nullable = false)
  private int sortOrder;

  @Version
  @Column(name = "VERSION")
  private int version;

  protected CostCategory() {}

  public CostCategory(Grant grant, String code, String label, boolean eligible, boolean flatRate, String accountPrefixes, int sortOrder) {
    this.grant = grant;
    this.flatRate = flatRate;
    this.sortOrder = sortOrder;
    edit(code, label, eligible, accountPrefixes);
  }

  /** The default categories of a PIA 3 agreement, in their usual order. */
  public static List<CostCategory> defaults(Grant grant) {
    return List.of(
        new CostCategory(grant, "PERS", "Personnel", true, false, "641,645,647", 1),
        new CostCategory(grant, "INV", "Investissement / équipement", true, false, "21", 2),
        new CostCategory(grant, "FONC", "Fonctionnement", true, false, "60,61", 3),
        new CostCategory(grant, "PREST", "Prestations externes", true, false, "62,611", 4),
        new CostCategory(grant, "DEPL", "Déplacements", true, false, "625", 5),
        new CostCategory(grant, "COMM", "Communication", true, false, "623", 6),
        new CostCategory(grant, "FG", "Frais généraux (forfait)", true, true, "", 7));
  }

  /** What the administrator may change: code, label, eligibility, account prefixes. */
  public void edit(String code, String label, boolean eligible, String accountPrefixes) {
    List<RuleViolation> v = new ArrayList<>();
    if (code == null || code.isBlank()) {
      v.add(new RuleViolation("code", "field.required"));
    } else if (code.trim().length() > 10) {
      v.add(new RuleViolation("code", "field.tooLong", 10));
    }
    if (label == null || label.isBlank()) {
      v.add(new RuleViolation("label", "field.required"));
    } else if (label.trim().length() > 120) {
      v.add(new RuleViolation("label", "field.tooLong", 120));
    }
    String prefixes = normalisePrefixes(accountPrefixes);
    if (!prefixes.isEmpty() && !prefixes.matches("[0-9]+(,[0-9]+)*")) {
      v.add(new RuleViolation("accountPrefixes", "category.prefixes.invalid"));
    } else if (prefixes.length() > 300) {
      v.add(new RuleViolation("accountPrefixes", "field.tooLong", 300));
    }
    RuleViolation.throwIfAny(v);
    this.code = code.trim().toUpperCase(java.util.Locale.ROOT);
    this.label = label.trim();
    this.eligible = eligible;
    this.accountPrefixes = prefixes;
  }

  static String normalisePrefixes(String prefixes) {
    if (prefixes == null) {
      return "";
    }
    return String.join(",", Arrays.stream(prefixes.split("[,;\\s]+")).filter(s -> !s.isBlank()).toList());
  }

  /** True when an accounting account (e.g. 6418) falls in this category. */
  public boolean matchesAccount(String account) {
    return account != null && !accountPrefixes.isEmpty() && Arrays.stream(accountPrefixes.split(",")).anyMatch(account::startsWith);
  }

  @Override
  public Object auditKey() {
    return code;
  }

  public Long id() {
    return id;
  }

  public Grant grant() {
    return grant;
  }

  public String code() {
    return code;
  }

  public String label() {
    return label;
  }

  public boolean eligible() {
    return eligible;
  }

  public boolean flatRate() {
    return flatRate;
  }

  public String accountPrefixes() {
    return accountPrefixes;
  }

  public int sortOrder() {
    return sortOrder;
  }

  public int version() {
    return version;
  }
}
