package fr.jalon.grant;

import java.math.BigDecimal;
import java.util.List;

/**
 * The tranche schedule with rule 9's caps and balance and rule 10's spend ratio. The PIA due is
 * computed on the planned eligible cost until accepted costs arrive with the expense statements;
 * a negative balance is money to repay. {@code piaDueBase} is the eligible cost the PIA due was
 * computed on: the accepted one ({@code piaDueOnAccepted}) or the planned one.
 */
public record TrancheOverview(
    BigDecimal maxPiaAmount,
    long grantMonths,
    BigDecimal advanceCap,
    BigDecimal advanceCeiling,
    BigDecimal advanceTotal,
    boolean advanceOk,
    BigDecimal interimCap,
    BigDecimal interimCeiling,
    BigDecimal advanceAndInterimTotal,
    boolean interimOk,
    BigDecimal plannedEligibleCost,
    BigDecimal paidEligibleCost,
    boolean paidEligibleCostTracked,
    BigDecimal spendRatio,
    BigDecimal aidRate,
    BigDecimal piaDueBase,
    boolean piaDueOnAccepted,
    BigDecimal piaDue,
    BigDecimal piaRequested,
    BigDecimal piaReceived,
    BigDecimal balance,
    List<TrancheRow> tranches) {}
