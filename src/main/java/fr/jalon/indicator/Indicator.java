package fr.jalon.indicator;

import fr.jalon.audit.Audited;
import fr.jalon.grant.Grant;
import fr.jalon.platform.RuleViolation;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/** An indicator the grant reports on, with its target per school year. */
@Entity
@Table(name = "GRANT_INDICATOR")
public class Indicator implements Audited {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "GRANT_ID", nullable = false, updatable = false)
  private Grant grant;

  @Column(name = "CODE", nullable = false)
  private String code;

  @Column(name = "LABEL", nullable = false)
  private String label;

  @Column(name = "UNIT", nullable = false)
  private String unit;

  @Enumerated(EnumType.STRING)
  @Column(name = "KIND", nullable = false)
  private IndicatorKind kind;

  @Column(name = "BASELINE")
  private BigDecimal baseline;

  @Column(name = "BREAKDOWN_PARTS")
  private String breakdownParts;

  @Enumerated(EnumType.STRING)
  @Column(name = "DERIVATION")
  private Derivation derivation;

  @ManyToOne
  @JoinColumn(name = "SOURCE_INDICATOR_ID")
  private Indicator source;

  @Column(name = "SOURCE_PART")
  private String sourcePart;

  @Column(name = "SORT_ORDER", nullable = false)
  private int sortOrder;

  @OneToMany(mappedBy = "indicator", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("schoolYear")
  private List<IndicatorTarget> targets = new ArrayList<>();

  @Version
  @Column(name = "VERSION")
  private int version;

  protected Indicator() {}

  public Indicator(Grant grant, IndicatorDefinition d, Indicator source) {
    this.grant = grant;
    redefine(d, source);
  }

  /** Changes the definition; a derived indicator's way of computing is part of it. */
  public void redefine(IndicatorDefinition d, Indicator source) {
    List<RuleViolation> v = new ArrayList<>();
    String code = trimmed(d.code());
    if (code == null) {
      v.add(new RuleViolation("code", "field.required"));
    } else if (code.length() > 20) {
      v.add(new RuleViolation("code", "field.tooLong", 20));
    }
    String label = trimmed(d.label());
    if (label == null) {
      v.add(new RuleViolation("label", "field.required"));
    } else if (label.length() > 200) {
      v.add(new RuleViolation("label", "field.tooLong", 200));
    }
    String unit = trimmed(d.unit());
    if (unit == null) {
      v.add(new RuleViolation("unit", "field.required"));
    } else if (unit.length() > 40) {
      v.add(new RuleViolation("unit", "field.tooLong", 40));
    }
    if (d.kind() == null) {
      v.add(new RuleViolation("kind", "field.required"));
    }
    if (d.baseline() != null && d.baseline().stripTrailingZeros().scale() > 2) {
      v.add(new RuleViolation("baseline", "field.cents"));
    }
    List<String> parts = parts(d.breakdownParts());
    if (parts.size() == 1) {
      v.add(new RuleViolation("breakdownParts", "indicator.breakdown.atLeastTwo"));
    }
    if (d.derivation() == Derivation.SHARE_OF_PART) {
      if (source == null) {
        v.add(new RuleViolation("sourceIndicatorId", "indicator.derived.sourceRequired"));
      } else if (!source.breakdown().contains(trimmed(d.sourcePart()) == null ? "" : d.sourcePart().trim())) {
        v.add(new RuleViolation("sourcePart", "indicator.derived.partUnknown", source.code()));
      } else if (source == this) {
        v.add(new RuleViolation("sourceIndicatorId", "indicator.derived.self"));
      }
    }
    if (d.derivation() != null && !parts.isEmpty()) {
      v.add(new RuleViolation("breakdownParts", "indicator.derived.noBreakdown"));
    }
    RuleViolation.throwIfAny(v);
    this.code = code;
    this.label = label;
    this.unit = unit;
    this.kind = d.kind();
    this.baseline = d.baseline() == null ? null : d.baseline().setScale(2);
    this.breakdownParts = parts.isEmpty() ? null : String.join(";", parts);
    this.derivation = d.derivation();
    this.source = d.derivation() == Derivation.SHARE_OF_PART ? source : null;
    this.sourcePart = d.derivation() == Derivation.SHARE_OF_PART ? d.sourcePart().trim() : null;
  }

  /** Sets the target for a school year (null removes it). */
  public void target(SchoolYear year, BigDecimal target) {
    Optional<IndicatorTarget> existing = targets.stream().filter(t -> t.schoolYear() == year.startYear()).findFirst();
    if (target == null) {
      existing.ifPresent(targets::remove);
      return;
    }
    if (target.signum() < 0) {
      throw new RuleViolation("target", "field.notNegative");
    }
    if (target.stripTrailingZeros().scale() > 2) {
      throw new RuleViolation("target", "field.cents");
    }
    if (existing.isPresent()) {
      existing.get().change(target);
    } else {
      targets.add(new IndicatorTarget(this, year.startYear(), target));
    }
  }

  public Optional<BigDecimal> targetFor(SchoolYear year) {
    return targets.stream().filter(t -> t.schoolYear() == year.startYear()).map(IndicatorTarget::target).findFirst();
  }

  void placeAt(int order) {
    this.sortOrder = order;
  }

  private static List<String> parts(String list) {
    if (list == null || list.isBlank()) {
      return List.of();
    }
    return List.copyOf(new LinkedHashSet<>(Arrays.stream(list.split("[;,]")).map(String::trim).filter(s -> !s.isEmpty()).toList()));
  }

  private static String trimmed(String s) {
    return s == null || s.isBlank() ? null : s.trim();
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

  public String unit() {
    return unit;
  }

  public IndicatorKind kind() {
    return kind;
  }

  public BigDecimal baseline() {
    return baseline;
  }

  /** The parts a value may be broken into, in order; empty when it has no breakdown. */
  public List<String> breakdown() {
    return parts(breakdownParts);
  }

  public Derivation derivation() {
    return derivation;
  }

  public boolean derived() {
    return derivation != null;
  }

  public Indicator source() {
    return source;
  }

  public String sourcePart() {
    return sourcePart;
  }

  public int sortOrder() {
    return sortOrder;
  }

  public List<IndicatorTarget> targets() {
    return List.copyOf(targets);
  }

  public int version() {
    return version;
  }
}
