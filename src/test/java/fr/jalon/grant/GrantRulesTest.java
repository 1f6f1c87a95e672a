package fr.jalon.grant;

import static org.assertj.core.api.Assertions.assertThat;

import fr.jalon.platform.RuleViolation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class GrantRulesTest {

  static GrantChange golden() {
    return new GrantChange("PIA3-TEST-01", "Campus test", "PIA 3", "Caisse des Dépôts", "Éducation nationale",
        LocalDate.of(2020, 1, 15), LocalDate.of(2020, 1, 1), LocalDate.of(2029, 12, 31),
        new BigDecimal("2000000.00"), new BigDecimal("5000000.00"), ParameterValues.defaults(), 0);
  }

  static GrantChange with(java.util.function.UnaryOperator<Builder> change) {
    return change.apply(new Builder(golden())).build();
  }

  private static List<String> fields(GrantChange c) {
    return GrantRules.check(c).stream().map(RuleViolation::field).toList();
  }

  @Test
  void goldenExampleIsValidWithAnAidRateOfFortyPercent() {
    assertThat(GrantRules.check(golden())).isEmpty();
    assertThat(new Grant(golden(), new Organisation("Lycée", null, LegalForm.EPLE, false)).aidRate()).isEqualByComparingTo("40");
  }

  @Test
  void goldenExampleRunsOneHundredAndTwentyMonths() {
    assertThat(GrantRules.months(LocalDate.of(2020, 1, 1), LocalDate.of(2029, 12, 31))).isEqualTo(120);
  }

  @Test
  void maximumPiaAboveTheMaximumRateOfTheEligibleBudgetIsRefused() {
    assertThat(fields(with(b -> b.maxPia("2500000.01")))).containsExactly("maxPiaAmount");
    assertThat(fields(with(b -> b.maxPia("2500000.00")))).isEmpty();
  }

  @Test
  void endDateMustFollowTheEligibilityStart() {
    assertThat(fields(with(b -> b.end(LocalDate.of(2020, 1, 1))))).contains("endDate");
    assertThat(fields(with(b -> b.end(LocalDate.of(2020, 1, 2)).signed(LocalDate.of(2019, 12, 1))))).isEmpty();
  }

  @Test
  void grantLongerThanTenYearsIsRefused() {
    assertThat(fields(with(b -> b.end(LocalDate.of(2030, 1, 2))))).containsExactly("endDate");
    assertThat(fields(with(b -> b.end(LocalDate.of(2030, 1, 1))))).isEmpty();
  }

  @Test
  void signatureAfterTheEndIsRefused() {
    assertThat(fields(with(b -> b.signed(LocalDate.of(2030, 1, 1))))).containsExactly("signatureDate");
  }

  @Test
  void amountsMustBePositiveAndInCents() {
    assertThat(fields(with(b -> b.maxPia("0")))).contains("maxPiaAmount");
    assertThat(fields(with(b -> b.maxPia("-1")))).contains("maxPiaAmount");
    assertThat(fields(with(b -> b.budget("5000000.001")))).contains("eligibleBudget");
  }

  @Test
  void ratesLieBetweenZeroAndOneHundred() {
    assertThat(fields(with(b -> b.params(p -> p.maxPiaRate = new BigDecimal("100.01"))))).contains("parameters.maxPiaRate");
    assertThat(fields(with(b -> b.params(p -> p.advanceCap = new BigDecimal("-0.01"))))).contains("parameters.advanceCap");
    assertThat(fields(with(b -> b.params(p -> p.minCofundingRatio = new BigDecimal("100"))))).isEmpty();
    assertThat(fields(with(b -> b.params(p -> p.minCofundingRatio = BigDecimal.ZERO)))).isEmpty();
  }

  @Test
  void interimCapCannotBeBelowTheAdvanceCap() {
    assertThat(fields(with(b -> b.params(p -> p.interimCap = new BigDecimal("29.99"))))).contains("parameters.interimCap");
  }

  @Test
  void missingFieldsAreAllNamed() {
    GrantChange empty = new GrantChange(null, " ", null, null, null, null, null, null, null, null, null, null);
    assertThat(fields(empty)).contains("reference", "title", "programme", "operatorName", "ministry", "signatureDate", "eligibilityStart", "endDate",
        "maxPiaAmount", "eligibleBudget", "parameters");
  }

  @Test
  void refusalsAreInFrench() {
    RuleViolation v = GrantRules.check(with(b -> b.end(LocalDate.of(2019, 1, 1)))).get(0);
    assertThat(v.getMessage()).isEqualTo("La date de fin doit être postérieure au début d’éligibilité.");
    assertThat(v.message(java.util.Locale.ENGLISH)).isEqualTo("The end date must be after the eligibility start.");
  }

  @Test
  void yearsComeFromTheDates() {
    Grant fiveYears = new Grant(with(b -> b.end(LocalDate.of(2024, 12, 31))), new Organisation("Lycée", null, LegalForm.EPLE, false));
    assertThat(fiveYears.years()).containsExactly(2020, 2021, 2022, 2023, 2024);
    Grant tenYears = new Grant(golden(), new Organisation("Lycée", null, LegalForm.EPLE, false));
    assertThat(tenYears.years()).hasSize(10).startsWith(2020).endsWith(2029);
  }

  @Test
  void refusedRevisionChangesNothing() {
    Grant grant = new Grant(golden(), new Organisation("Lycée", null, LegalForm.EPLE, false));
    try {
      grant.revise(with(b -> b.maxPia("9999999").title("Autre")));
    } catch (RuleViolation expected) {
      // expected
    }
    assertThat(grant.title()).isEqualTo("Campus test");
    assertThat(grant.maxPiaAmount()).isEqualByComparingTo("2000000.00");
  }

  /** Test data builder over the golden example. */
  static final class Builder {
    GrantChange c;
    MutableParams p;

    Builder(GrantChange c) {
      this.c = c;
      this.p = new MutableParams(c.parameters());
    }

    Builder maxPia(String amount) {
      c = new GrantChange(c.reference(), c.title(), c.programme(), c.operatorName(), c.ministry(), c.signatureDate(), c.eligibilityStart(), c.endDate(), new BigDecimal(amount), c.eligibleBudget(), c.parameters(), c.version());
      return this;
    }

    Builder budget(String amount) {
      c = new GrantChange(c.reference(), c.title(), c.programme(), c.operatorName(), c.ministry(), c.signatureDate(), c.eligibilityStart(), c.endDate(), c.maxPiaAmount(), new BigDecimal(amount), c.parameters(), c.version());
      return this;
    }

    Builder title(String title) {
      c = new GrantChange(c.reference(), title, c.programme(), c.operatorName(), c.ministry(), c.signatureDate(), c.eligibilityStart(), c.endDate(), c.maxPiaAmount(), c.eligibleBudget(), c.parameters(), c.version());
      return this;
    }

    Builder end(LocalDate end) {
      c = new GrantChange(c.reference(), c.title(), c.programme(), c.operatorName(), c.ministry(), c.signatureDate(), c.eligibilityStart(), end, c.maxPiaAmount(), c.eligibleBudget(), c.parameters(), c.version());
      return this;
    }

    Builder signed(LocalDate date) {
      c = new GrantChange(c.reference(), c.title(), c.programme(), c.operatorName(), c.ministry(), date, c.eligibilityStart(), c.endDate(), c.maxPiaAmount(), c.eligibleBudget(), c.parameters(), c.version());
      return this;
    }

    Builder params(java.util.function.Consumer<MutableParams> change) {
      change.accept(p);
      return this;
    }

    GrantChange build() {
      return new GrantChange(c.reference(), c.title(), c.programme(), c.operatorName(), c.ministry(), c.signatureDate(), c.eligibilityStart(), c.endDate(), c.maxPiaAmount(), c.eligibleBudget(), p.values(), c.version());
    }
  }

  static final class MutableParams {
    BigDecimal maxPiaRate, maxPublicAidRate, minCofundingRatio, advanceCap, interimCap, interimCapLong, fungibilityThreshold, flatRateOverheads, procurementThreshold;
    Integer longGrantMonths, finalPaymentGraceDays, reportDueDays;
    Boolean statutoryStaffEligible, separatePaymentOrder;
    ReportingPeriod reportingPeriod;

    MutableParams(ParameterValues v) {
      maxPiaRate = v.maxPiaRate();
      maxPublicAidRate = v.maxPublicAidRate();
      minCofundingRatio = v.minCofundingRatio();
      advanceCap = v.advanceCap();
      interimCap = v.interimCap();
      interimCapLong = v.interimCapLong();
      longGrantMonths = v.longGrantMonths();
      fungibilityThreshold = v.fungibilityThreshold();
      flatRateOverheads = v.flatRateOverheads();
      statutoryStaffEligible = v.statutoryStaffEligible();
      procurementThreshold = v.procurementThreshold();
      separatePaymentOrder = v.separatePaymentOrder();
      finalPaymentGraceDays = v.finalPaymentGraceDays();
      reportDueDays = v.reportDueDays();
      reportingPeriod = v.reportingPeriod();
    }

    ParameterValues values() {
      return new ParameterValues(maxPiaRate, maxPublicAidRate, minCofundingRatio, advanceCap, interimCap, interimCapLong, longGrantMonths, fungibilityThreshold,
          flatRateOverheads, statutoryStaffEligible, procurementThreshold, separatePaymentOrder, finalPaymentGraceDays, reportDueDays, reportingPeriod);
    }
  }
}
