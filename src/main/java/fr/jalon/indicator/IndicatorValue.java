package fr.jalon.indicator;

import fr.jalon.audit.Audited;
import fr.jalon.platform.Messages;
import fr.jalon.platform.RuleViolation;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** An indicator's value for one school year, with its breakdown when the indicator has one. */
@Entity
@Table(name = "INDICATOR_VALUE")
public class IndicatorValue implements Audited {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "INDICATOR_ID", nullable = false, updatable = false)
  private Indicator indicator;

  @Column(name = "SCHOOL_YEAR", nullable = false, updatable = false)
  private int schoolYear;

  @Column(name = "AMOUNT", nullable = false)
  private BigDecimal amount;

  @Column(name = "COMMENT")
  private String comment;

  @Column(name = "RECORDED_AT", nullable = false)
  private LocalDateTime recordedAt;

  @Column(name = "RECORDED_BY", nullable = false)
  private String recordedBy;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "INDICATOR_VALUE_PART", joinColumns = @JoinColumn(name = "VALUE_ID"))
  private List<ValuePart> parts = new ArrayList<>();

  @Version
  @Column(name = "VERSION")
  private int version;

  protected IndicatorValue() {}

  IndicatorValue(Indicator indicator, SchoolYear year) {
    this.indicator = indicator;
    this.schoolYear = year.startYear();
  }

  /**
   * Records the value: zero or more, cents at most; when parts are given, one per part of the
   * indicator's breakdown, summing exactly to the value.
   */
  void record(BigDecimal amount, Map<String, BigDecimal> givenParts, String comment, LocalDateTime at, String by) {
    if (indicator.derived()) {
      throw new RuleViolation("amount", "indicator.derived.notTyped");
    }
    if (amount == null) {
      throw new RuleViolation("amount", "field.required");
    }
    if (amount.signum() < 0) {
      throw new RuleViolation("amount", "field.notNegative");
    }
    if (amount.stripTrailingZeros().scale() > 2) {
      throw new RuleViolation("amount", "field.cents");
    }
    if (comment != null && comment.trim().length() > 1000) {
      throw new RuleViolation("comment", "field.tooLong", 1000);
    }
    List<ValuePart> checked = new ArrayList<>();
    Map<String, BigDecimal> given = givenParts == null ? Map.of() : givenParts;
    boolean anyPart = given.values().stream().anyMatch(v -> v != null);
    if (anyPart) {
      for (String name : given.keySet()) {
        if (!indicator.breakdown().contains(name)) {
          throw new RuleViolation("parts", "indicator.breakdown.unknownPart", name);
        }
      }
      BigDecimal sum = BigDecimal.ZERO;
      for (String name : indicator.breakdown()) {
        BigDecimal part = given.get(name);
        if (part == null) {
          throw new RuleViolation("parts", "indicator.breakdown.missingPart", name);
        }
        if (part.signum() < 0 || part.stripTrailingZeros().scale() > 2) {
          throw new RuleViolation("parts", "indicator.breakdown.badPart", name);
        }
        sum = sum.add(part);
        checked.add(new ValuePart(name, part));
      }
      if (sum.compareTo(amount) != 0) {
        throw new RuleViolation("parts", "indicator.breakdown.sum", new Messages.Quantity(sum), new Messages.Quantity(amount));
      }
    }
    this.amount = amount.setScale(2);
    this.comment = comment == null || comment.isBlank() ? null : comment.trim();
    this.parts.clear();
    this.parts.addAll(checked);
    this.recordedAt = at;
    this.recordedBy = by;
  }

  @Override
  public Object auditKey() {
    return indicator.code() + " " + new SchoolYear(schoolYear).label();
  }

  public Long id() {
    return id;
  }

  public Indicator indicator() {
    return indicator;
  }

  public SchoolYear schoolYear() {
    return new SchoolYear(schoolYear);
  }

  public BigDecimal amount() {
    return amount;
  }

  public String comment() {
    return comment;
  }

  public List<ValuePart> parts() {
    return List.copyOf(parts);
  }

  public LocalDateTime recordedAt() {
    return recordedAt;
  }

  public String recordedBy() {
    return recordedBy;
  }
}
