package fr.jalon.indicator;

import fr.jalon.audit.Audited;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;

/** What an indicator should reach in one school year. */
@Entity
@Table(name = "INDICATOR_TARGET")
public class IndicatorTarget implements Audited {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "INDICATOR_ID", nullable = false, updatable = false)
  private Indicator indicator;

  @Column(name = "SCHOOL_YEAR", nullable = false, updatable = false)
  private int schoolYear;

  @Column(name = "TARGET", nullable = false)
  private BigDecimal target;

  @Version
  @Column(name = "VERSION")
  private int version;

  protected IndicatorTarget() {}

  IndicatorTarget(Indicator indicator, int schoolYear, BigDecimal target) {
    this.indicator = indicator;
    this.schoolYear = schoolYear;
    this.target = target.setScale(2);
  }

  void change(BigDecimal target) {
    this.target = target.setScale(2);
  }

  @Override
  public Object auditKey() {
    return indicator.code() + " " + new SchoolYear(schoolYear).label();
  }

  public int schoolYear() {
    return schoolYear;
  }

  public BigDecimal target() {
    return target;
  }
}
