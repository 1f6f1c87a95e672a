package fr.jalon.grant;

import java.math.BigDecimal;

/**
 * The eligible cost of the paid expenses (rule 10's spend ratio numerator). The expense capability
 * provides it as a CDI bean; until then the tranche screens show zero, marked as not yet tracked.
 */
public interface PaidEligibleCost {
  BigDecimal paidEligibleCost();
}
