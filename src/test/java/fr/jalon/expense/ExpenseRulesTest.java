package fr.jalon.expense;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.jalon.grant.Cofunding;
import fr.jalon.grant.FunderKind;
import fr.jalon.grant.FundingNature;
import fr.jalon.grant.Grant;
import fr.jalon.grant.GrantChange;
import fr.jalon.grant.LegalForm;
import fr.jalon.grant.Organisation;
import fr.jalon.grant.ParameterValues;
import fr.jalon.plan.Action;
import fr.jalon.plan.CostCategory;
import fr.jalon.platform.RuleViolation;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Rules 1–5 on one expense line and the chain, at their boundaries; VAT to the cent. */
class ExpenseRulesTest {
  static final LocalDate START = LocalDate.of(2020, 9, 1);
  static final LocalDate END = LocalDate.of(2029, 12, 31);

  /** The demo's shape: an EPLE that does not recover VAT, default parameters. */
  static Grant grant(boolean recoversVat, boolean separatePaymentOrder) {
    ParameterValues d = ParameterValues.defaults();
    ParameterValues p = new ParameterValues(d.maxPiaRate(), d.maxPublicAidRate(), d.minCofundingRatio(), d.advanceCap(), d.interimCap(), d.interimCapLong(),
        d.longGrantMonths(), d.fungibilityThreshold(), d.flatRateOverheads(), d.statutoryStaffEligible(), d.procurementThreshold(), separatePaymentOrder,
        d.finalPaymentGraceDays(), d.reportDueDays(), d.reportingPeriod());
    return new Grant(new GrantChange("PIA3-DEP", "Campus", "PIA 3", "CDC", "MENJ", LocalDate.of(2020, 9, 28), START, END, new BigDecimal("2000000.00"),
        new BigDecimal("5000000.00"), p, null), new Organisation("Lycée", null, LegalForm.EPLE, recoversVat));
  }

  static Grant grant() {
    return grant(false, true);
  }

  static Action action(Grant g) {
    return new Action(g, null, "A1", "Plateau technique", null, null, START, END);
  }

  static CostCategory category(Grant g, String code, boolean eligible) {
    return new CostCategory(g, code, code, eligible, false, "6", 1);
  }

  static Cofunding pia(Grant g) {
    return new Cofunding(g, new Organisation("Caisse des Dépôts", null, LegalForm.PUBLIC_BODY, false), FunderKind.PIA, FundingNature.CASH, new BigDecimal("2000000.00"));
  }

  static ExpenseTerms terms(Grant g, String category, String excl, String vat, String incl, String share, LocalDate invoiceDate) {
    return new ExpenseTerms(action(g), category(g, category, true), pia(g), new Organisation("Usinage Sud", null, LegalForm.COMPANY, true), null, "Centre d'usinage",
        "F-001", invoiceDate, null, amount(excl), amount(vat), amount(incl), amount(share), null, null);
  }

  static Expense expense(Grant g, String excl, String vat) {
    return new Expense(g, terms(g, "INV", excl, vat, null, null, LocalDate.of(2024, 3, 1)), Provenance.MANUAL, null, LocalDate.of(2024, 3, 1));
  }

  private static BigDecimal amount(String s) {
    return s == null ? null : new BigDecimal(s);
  }

  private static RuleViolation refusal(Runnable r) {
    try {
      r.run();
    } catch (RuleViolation v) {
      return v;
    } catch (RuleViolation.Several s) {
      return s.violations().get(0);
    }
    throw new AssertionError("no refusal");
  }

  @Test
  void aSupplierNameLongerThanItsColumnIsRefusedNamingTheSupplier() {
    Grant g = grant();
    ExpenseTerms base = terms(g, "INV", "100.00", "20.00", null, null, LocalDate.of(2024, 3, 1));
    java.util.function.Function<String, ExpenseTerms> named = name -> new ExpenseTerms(base.action(), base.category(), base.source(), null, name, base.description(),
        base.invoiceNumber(), base.invoiceDate(), null, base.amountExcl(), base.amountVat(), null, null, null, null);
    assertThat(new Expense(g, named.apply("S".repeat(200)), Provenance.FEC, "k1", LocalDate.of(2024, 3, 1)).supplierName()).hasSize(200);
    RuleViolation v = refusal(() -> new Expense(g, named.apply("S".repeat(201)), Provenance.FEC, "k2", LocalDate.of(2024, 3, 1)));
    assertThat(v.field()).isEqualTo("supplier");
    assertThat(v.getMessage()).contains("200");
  }

  // Rule 3: VAT arithmetic, to the cent.

  @Test
  void inclVatIsExclPlusVat() {
    Expense e = expense(grant(), "1234.56", "246.91");
    assertThat(e.amountIncl()).isEqualByComparingTo("1481.47");
  }

  @Test
  void exclVatIsComputedFromInclAndVat() {
    VatAmounts a = VatAmounts.of(null, new BigDecimal("16.67"), new BigDecimal("100.00"));
    assertThat(a.excl()).isEqualByComparingTo("83.33");
  }

  @Test
  void aSumOffByOneCentIsRefusedNamingInclVat() {
    RuleViolation v = refusal(() -> VatAmounts.of(new BigDecimal("100.00"), new BigDecimal("20.00"), new BigDecimal("120.01")));
    assertThat(v.field()).isEqualTo("amountIncl");
    assertThat(v.getMessage()).contains("TTC");
  }

  @Test
  void fractionsOfACentAreRefused() {
    assertThat(refusal(() -> VatAmounts.of(new BigDecimal("100.001"), BigDecimal.ZERO, null)).field()).isEqualTo("amountExcl");
  }

  @Test
  void eligibleIsInclVatTimesShareWhenTheBeneficiaryDoesNotRecoverVat() {
    Grant g = grant(false, true);
    Expense e = new Expense(g, terms(g, "INV", "100.00", "20.00", null, "33.33", LocalDate.of(2024, 3, 1)), Provenance.MANUAL, null, LocalDate.of(2024, 3, 1));
    assertThat(e.eligibleAmount()).isEqualByComparingTo("40.00"); // 120.00 × 33.33 % = 39.996
  }

  @Test
  void eligibleIsExclVatTimesShareWhenTheBeneficiaryRecoversVat() {
    Grant g = grant(true, true);
    Expense e = new Expense(g, terms(g, "INV", "100.00", "20.00", null, "50", LocalDate.of(2024, 3, 1)), Provenance.MANUAL, null, LocalDate.of(2024, 3, 1));
    assertThat(e.eligibleAmount()).isEqualByComparingTo("50.00");
  }

  @Test
  void shareAbove100IsRefused() {
    Grant g = grant();
    assertThat(refusal(() -> new Expense(g, terms(g, "INV", "100.00", "0", null, "100.01", null), Provenance.MANUAL, null, LocalDate.of(2024, 3, 1))).field())
        .isEqualTo("sharePercent");
  }

  // Rule 2: positive amounts, except correction lines.

  @Test
  void aNegativeAmountIsRefusedOutsideACorrection() {
    Grant g = grant();
    RuleViolation v = refusal(() -> expense(g, "-10.00", "-2.00"));
    assertThat(v.messageKey()).isEqualTo("expense.amount.positive");
  }

  @Test
  void aCorrectionLineMayBeNegativeAndPointsToTheLineItCorrects() {
    Grant g = grant();
    Expense original = expense(g, "100.00", "20.00");
    ExpenseTerms t = terms(g, "INV", "-10.00", "-2.00", null, null, LocalDate.of(2024, 4, 1));
    ExpenseTerms credit = new ExpenseTerms(t.action(), t.category(), t.source(), t.supplier(), null, "Avoir", "AV-1", t.invoiceDate(), null, t.amountExcl(),
        t.amountVat(), null, null, null, original);
    Expense correction = new Expense(g, credit, Provenance.MANUAL, null, LocalDate.of(2024, 4, 1));
    assertThat(correction.amountIncl()).isEqualByComparingTo("-12.00");
    assertThat(correction.corrects()).isSameAs(original);
  }

  // Rule 1: inside the eligibility period, plus the grace days for payments.

  @Test
  void anInvoiceOnTheFirstDayIsAcceptedTheDayBeforeIsRefused() {
    Grant g = grant();
    new Expense(g, terms(g, "INV", "10.00", "0", null, null, START), Provenance.MANUAL, null, START);
    RuleViolation v = refusal(() -> new Expense(g, terms(g, "INV", "10.00", "0", null, null, START.minusDays(1)), Provenance.MANUAL, null, START));
    assertThat(v.field()).isEqualTo("invoiceDate");
    assertThat(v.getMessage()).contains("date de facture");
  }

  @Test
  void anInvoiceAfterTheEndIsRefused() {
    Grant g = grant();
    new Expense(g, terms(g, "INV", "10.00", "0", null, null, END), Provenance.MANUAL, null, END);
    assertThat(refusal(() -> new Expense(g, terms(g, "INV", "10.00", "0", null, null, END.plusDays(1)), Provenance.MANUAL, null, END)).field())
        .isEqualTo("invoiceDate");
  }

  @Test
  void aPaymentWithinTheGraceDaysIsAcceptedOneDayLaterIsRefused() {
    Grant g = grant(false, false);
    Expense e = new Expense(g, terms(g, "INV", "10.00", "0", null, null, END), Provenance.MANUAL, null, END);
    e.advance(ExpenseStatus.COMMITTED, END, null);
    e.advance(ExpenseStatus.SERVICE_DONE, END, null);
    e.advance(ExpenseStatus.LIQUIDATED, END, null);
    Expense late = new Expense(g, terms(g, "INV", "10.00", "0", null, null, END), Provenance.MANUAL, null, END);
    late.advance(ExpenseStatus.COMMITTED, END, null);
    late.advance(ExpenseStatus.SERVICE_DONE, END, null);
    late.advance(ExpenseStatus.LIQUIDATED, END, null);
    e.advance(ExpenseStatus.PAID, END.plusDays(90), null);
    RuleViolation v = refusal(() -> late.advance(ExpenseStatus.PAID, END.plusDays(91), null));
    assertThat(v.field()).isEqualTo("paidOn");
    assertThat(v.getMessage()).contains("90 jours");
  }

  // Rule 4: eligible category, statutory staff, procurement threshold.

  @Test
  void anIneligibleCategoryIsRefused() {
    Grant g = grant();
    ExpenseTerms t = terms(g, "INV", "10.00", "0", null, null, null);
    ExpenseTerms ineligible = new ExpenseTerms(t.action(), category(g, "AMORT", false), t.source(), t.supplier(), null, "x", null, null, null,
        t.amountExcl(), t.amountVat(), null, null, null, null);
    assertThat(refusal(() -> new Expense(g, ineligible, Provenance.MANUAL, null, LocalDate.of(2024, 1, 1))).field()).isEqualTo("category");
  }

  @Test
  void aPersonnelLineSaysWhetherItIsStatutoryStaffWhichIsIneligibleByDefault() {
    Grant g = grant();
    ExpenseTerms t = terms(g, Expense.PERSONNEL, "3000.00", "0", null, null, LocalDate.of(2024, 1, 31));
    assertThat(refusal(() -> new Expense(g, t, Provenance.MANUAL, null, LocalDate.of(2024, 1, 31))).field()).isEqualTo("statutoryStaff");
    ExpenseTerms statutory = new ExpenseTerms(t.action(), t.category(), t.source(), null, "Personnel", "Paie janvier", null, t.invoiceDate(), null,
        t.amountExcl(), t.amountVat(), null, null, true, null);
    assertThat(refusal(() -> new Expense(g, statutory, Provenance.MANUAL, null, LocalDate.of(2024, 1, 31))).messageKey()).isEqualTo("expense.statutory.ineligible");
    ExpenseTerms contract = new ExpenseTerms(t.action(), t.category(), t.source(), null, "Personnel", "Paie janvier", null, t.invoiceDate(), null,
        t.amountExcl(), t.amountVat(), null, null, false, null);
    assertThat(new Expense(g, contract, Provenance.MANUAL, null, LocalDate.of(2024, 1, 31)).statutoryStaff()).isFalse();
  }

  @Test
  void aboveTheProcurementThresholdTheReferenceIsRequired() {
    Grant g = grant();
    expense(g, "40000.00", "8000.00");
    RuleViolation v = refusal(() -> expense(g, "40000.01", "8000.00"));
    assertThat(v.field()).isEqualTo("procurementReference");
    assertThat(v.getMessage()).contains("marché");
  }

  // Rule 5 and the chain.

  @Test
  void theChainGoesStepByStepWithTheOrderWhereTheGrantHasOne() {
    Expense e = expense(grant(false, true), "100.00", "20.00");
    e.advance(ExpenseStatus.COMMITTED, LocalDate.of(2024, 3, 1), null);
    e.advance(ExpenseStatus.SERVICE_DONE, LocalDate.of(2024, 3, 10), null);
    e.advance(ExpenseStatus.LIQUIDATED, LocalDate.of(2024, 3, 15), null);
    assertThat(refusal(() -> e.advance(ExpenseStatus.PAID, LocalDate.of(2024, 3, 20), null)).messageKey()).isEqualTo("expense.step.notNext");
    assertThat(refusal(() -> e.advance(ExpenseStatus.ORDERED, LocalDate.of(2024, 3, 20), " ")).field()).isEqualTo("orderNumber");
    e.advance(ExpenseStatus.ORDERED, LocalDate.of(2024, 3, 20), "M-2024-118");
    e.advance(ExpenseStatus.PAID, LocalDate.of(2024, 3, 25), null);
    assertThat(e.status()).isEqualTo(ExpenseStatus.PAID);
    assertThat(e.orderNumber()).isEqualTo("M-2024-118");
    assertThat(refusal(() -> e.advance(ExpenseStatus.PAID, LocalDate.of(2024, 3, 26), null)).messageKey()).isEqualTo("expense.step.none");
  }

  @Test
  void withoutASeparatePaymentOrderTheOrderStepIsSkipped() {
    Expense e = expense(grant(false, false), "100.00", "20.00");
    e.advance(ExpenseStatus.COMMITTED, LocalDate.of(2024, 3, 1), null);
    e.advance(ExpenseStatus.SERVICE_DONE, LocalDate.of(2024, 3, 1), null);
    e.advance(ExpenseStatus.LIQUIDATED, LocalDate.of(2024, 3, 1), null);
    assertThat(refusal(() -> e.advance(ExpenseStatus.ORDERED, LocalDate.of(2024, 3, 2), "M-1")).messageKey()).isEqualTo("expense.step.notNext");
    e.advance(ExpenseStatus.PAID, LocalDate.of(2024, 3, 2), null);
    assertThat(e.status()).isEqualTo(ExpenseStatus.PAID);
  }

  @Test
  void aStepCannotBeSkipped() {
    Expense e = expense(grant(), "100.00", "20.00");
    assertThat(refusal(() -> e.advance(ExpenseStatus.SERVICE_DONE, LocalDate.of(2024, 3, 1), null)).field()).isEqualTo("status");
  }

  @Test
  void stageDatesNeverGoBackwardsTheSameDayIsFine() {
    Expense e = expense(grant(), "100.00", "20.00");
    e.advance(ExpenseStatus.COMMITTED, LocalDate.of(2024, 3, 10), null);
    RuleViolation v = refusal(() -> e.advance(ExpenseStatus.SERVICE_DONE, LocalDate.of(2024, 3, 9), null));
    assertThat(v.field()).isEqualTo("serviceDoneOn");
    assertThat(v.getMessage()).contains("service fait");
    Expense same = expense(grant(), "100.00", "20.00");
    same.advance(ExpenseStatus.COMMITTED, LocalDate.of(2024, 3, 10), null);
    same.advance(ExpenseStatus.SERVICE_DONE, LocalDate.of(2024, 3, 10), null);
  }

  @Test
  void cancellingIsPossibleFromTheFirstTwoStepsOnly() {
    Expense draft = expense(grant(), "100.00", "20.00");
    draft.cancel(LocalDate.of(2024, 3, 1));
    assertThat(draft.status()).isEqualTo(ExpenseStatus.CANCELLED);
    Expense committed = expense(grant(), "100.00", "20.00");
    committed.advance(ExpenseStatus.COMMITTED, LocalDate.of(2024, 3, 1), null);
    committed.cancel(LocalDate.of(2024, 3, 2));
    Expense done = expense(grant(), "100.00", "20.00");
    done.advance(ExpenseStatus.COMMITTED, LocalDate.of(2024, 3, 1), null);
    done.advance(ExpenseStatus.SERVICE_DONE, LocalDate.of(2024, 3, 2), null);
    assertThat(refusal(() -> done.cancel(LocalDate.of(2024, 3, 3))).messageKey()).isEqualTo("expense.cancel.tooLate");
  }

  @Test
  void anImportedLineLandsPaidWhenItsPaymentIsKnownLiquidatedOtherwise() {
    Expense paid = expense(grant(), "100.00", "20.00");
    paid.land(null, LocalDate.of(2024, 4, 1), true);
    assertThat(paid.status()).isEqualTo(ExpenseStatus.PAID);
    assertThat(paid.paymentEstimated()).isTrue();
    Expense unpaid = expense(grant(), "100.00", "20.00");
    unpaid.land(LocalDate.of(2024, 3, 1), null, false);
    assertThat(unpaid.status()).isEqualTo(ExpenseStatus.LIQUIDATED);
  }
}
