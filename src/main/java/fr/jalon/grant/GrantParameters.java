package fr.jalon.grant;

import fr.jalon.audit.Audited;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One effective-dated set of the grant's parameters: it applies from {@code effectiveFrom} until
 * the next set (rule 13), so past periods keep the values they had.
 */
@Entity
@Table(name = "GRANT_PARAMETERS")
public class GrantParameters implements Audited {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "GRANT_ID", nullable = false, updatable = false)
  private Grant grant;

  @Column(name = "EFFECTIVE_FROM", nullable = false)
  private LocalDate effectiveFrom;

  @Column(name = "MAX_PIA_RATE", nullable = false)
  private BigDecimal maxPiaRate;

  @Column(name = "MAX_PUBLIC_AID_RATE", nullable = false)
  private BigDecimal maxPublicAidRate;

  @Column(name = "MIN_COFUNDING_RATIO", nullable = false)
  private BigDecimal minCofundingRatio;

  @Column(name = "ADVANCE_CAP", nullable = false)
  private BigDecimal advanceCap;

  @Column(name = "INTERIM_CAP", nullable = false)
  private BigDecimal interimCap;

  @Column(name = "INTERIM_CAP_LONG", nullable = false)
  private BigDecimal interimCapLong;

  @Column(name = "LONG_GRANT_MONTHS", nullable = false)
  private int longGrantMonths;

  @Column(name = "FUNGIBILITY_THRESHOLD", nullable = false)
  private BigDecimal fungibilityThreshold;

  @Column(name = "FLAT_RATE_OVERHEADS")
  private BigDecimal flatRateOverheads;

  @Column(name = "STATUTORY_STAFF_ELIGIBLE", nullable = false)
  private boolean statutoryStaffEligible;

  @Column(name = "PROCUREMENT_THRESHOLD", nullable = false)
  private BigDecimal procurementThreshold;

  @Column(name = "SEPARATE_PAYMENT_ORDER", nullable = false)
  private boolean separatePaymentOrder;

  @Column(name = "FINAL_PAYMENT_GRACE_DAYS", nullable = false)
  private int finalPaymentGraceDays;

  @Column(name = "REPORT_DUE_DAYS", nullable = false)
  private int reportDueDays;

  @Enumerated(EnumType.STRING)
  @Column(name = "REPORTING_PERIOD", nullable = false)
  private ReportingPeriod reportingPeriod;

  @Version
  @Column(name = "VERSION")
  private int version;

  protected GrantParameters() {}

  GrantParameters(Grant grant, LocalDate effectiveFrom, ParameterValues values) {
    this.grant = grant;
    this.effectiveFrom = effectiveFrom;
    apply(values);
  }

  /** Values already checked by {@link GrantRules}. */
  void apply(ParameterValues p) {
    this.maxPiaRate = scaled(p.maxPiaRate());
    this.maxPublicAidRate = scaled(p.maxPublicAidRate());
    this.minCofundingRatio = scaled(p.minCofundingRatio());
    this.advanceCap = scaled(p.advanceCap());
    this.interimCap = scaled(p.interimCap());
    this.interimCapLong = scaled(p.interimCapLong());
    this.longGrantMonths = p.longGrantMonths();
    this.fungibilityThreshold = scaled(p.fungibilityThreshold());
    this.flatRateOverheads = scaled(p.flatRateOverheads());
    this.statutoryStaffEligible = p.statutoryStaffEligible();
    this.procurementThreshold = scaled(p.procurementThreshold());
    this.separatePaymentOrder = p.separatePaymentOrder();
    this.finalPaymentGraceDays = p.finalPaymentGraceDays();
    this.reportDueDays = p.reportDueDays();
    this.reportingPeriod = p.reportingPeriod();
  }

  /** Rates and amounts are kept at two decimals, as the columns are. */
  private static BigDecimal scaled(BigDecimal value) {
    return value == null ? null : value.setScale(2, java.math.RoundingMode.UNNECESSARY);
  }

  public ParameterValues values() {
    return new ParameterValues(maxPiaRate, maxPublicAidRate, minCofundingRatio, advanceCap, interimCap, interimCapLong, longGrantMonths,
        fungibilityThreshold, flatRateOverheads, statutoryStaffEligible, procurementThreshold, separatePaymentOrder, finalPaymentGraceDays,
        reportDueDays, reportingPeriod);
  }

  @Override
  public Object auditKey() {
    return grant.reference() + " @ " + effectiveFrom;
  }

  public LocalDate effectiveFrom() {
    return effectiveFrom;
  }

  void moveEffectiveFrom(LocalDate date) {
    this.effectiveFrom = date;
  }
}
