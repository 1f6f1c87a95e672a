package fr.jalon.grant;

import fr.jalon.platform.Dates;
import fr.jalon.platform.Messages;
import fr.jalon.platform.Money;
import fr.jalon.platform.ReportEngine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;

/**
 * The "fiche convention": one page with the grant and its parameters in force, from the design
 * {@code reports/fiche-convention.jrxml}. Values arrive formatted for the reader's language.
 */
@ApplicationScoped
public class GrantSheetReport {
  public static final String DESIGN = "fiche-convention";

  @Inject ReportEngine engine;
  @Inject Clock clock;

  void write(GrantSheet g, Locale locale, OutputStream out) {
    Map<String, Object> p = new HashMap<>();
    p.put("reference", g.reference());
    p.put("title", g.title());
    p.put("programme", g.programme());
    p.put("operatorName", g.operatorName());
    p.put("ministry", g.ministry());
    p.put("beneficiary", g.beneficiary().name() + (g.beneficiary().siret() == null ? "" : " — SIRET " + g.beneficiary().siret()));
    p.put("beneficiaryForm", Messages.get(locale, "legalForm." + g.beneficiary().legalForm().name()) + " — "
        + Messages.get(locale, g.beneficiary().recoversVat() ? "grant.vat.recovers" : "grant.vat.doesNotRecover"));
    p.put("signatureDate", Dates.format(g.signatureDate(), locale));
    p.put("period", Messages.get(locale, "grant.period.value", Dates.format(g.eligibilityStart(), locale), Dates.format(g.endDate(), locale), g.months(), g.years().size()));
    p.put("maxPiaAmount", Money.format(g.maxPiaAmount(), locale));
    p.put("eligibleBudget", Money.format(g.eligibleBudget(), locale));
    p.put("aidRate", Money.percent(g.aidRate(), locale));
    p.put("parametersFrom", Dates.format(g.parametersEffectiveFrom(), locale));
    p.put("generatedOn", Dates.format(LocalDate.now(clock), locale));
    engine.pdf(DESIGN, p, new JRMapCollectionDataSource(rows(g, locale)), locale, out);
  }

  /** One line per parameter: label and value. */
  static List<Map<String, ?>> rows(GrantSheet g, Locale l) {
    ParameterValues v = g.parameters();
    List<Map<String, ?>> rows = new ArrayList<>();
    row(rows, l, "param.maxPiaRate", pct(v.maxPiaRate(), l));
    row(rows, l, "param.maxPublicAidRate", pct(v.maxPublicAidRate(), l));
    row(rows, l, "param.minCofundingRatio", pct(v.minCofundingRatio(), l));
    row(rows, l, "param.advanceCap", pct(v.advanceCap(), l) + " — " + Money.format(FundingRules.advanceCeiling(g.maxPiaAmount(), v.advanceCap()), l));
    row(rows, l, "param.interimCap", pct(v.interimCap(), l));
    row(rows, l, "param.interimCapLong", Messages.get(l, "param.interimCapLong.value", pct(v.interimCapLong(), l), v.longGrantMonths()));
    row(rows, l, "param.interimCapApplicable", pct(g.interimCapApplicable(), l) + " — " + Money.format(FundingRules.interimCeiling(g.maxPiaAmount(), g.months(), v), l));
    row(rows, l, "param.fungibilityThreshold", pct(v.fungibilityThreshold(), l));
    row(rows, l, "param.flatRateOverheads", v.flatRateOverheads() == null ? Messages.get(l, "param.none") : pct(v.flatRateOverheads(), l));
    row(rows, l, "param.statutoryStaffEligible", Messages.get(l, v.statutoryStaffEligible() ? "yes" : "no"));
    row(rows, l, "param.procurementThreshold", Money.format(v.procurementThreshold(), l) + " " + Messages.get(l, "param.exclVat"));
    row(rows, l, "param.separatePaymentOrder", Messages.get(l, v.separatePaymentOrder() ? "yes" : "no"));
    row(rows, l, "param.finalPaymentGraceDays", Messages.get(l, "days", v.finalPaymentGraceDays()));
    row(rows, l, "param.reportDueDays", Messages.get(l, "days", v.reportDueDays()));
    row(rows, l, "param.reportingPeriod", Messages.get(l, "reportingPeriod." + v.reportingPeriod().name()));
    return rows;
  }

  private static String pct(BigDecimal rate, Locale l) {
    return Money.percent(rate, l);
  }

  private static void row(List<Map<String, ?>> rows, Locale l, String key, String value) {
    rows.add(Map.of("label", Messages.get(l, key), "value", value));
  }
}
