package fr.jalon.grant;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Rule 8's base: the eligible cost the operator accepted on the declared expenses. The expense
 * capability provides it as a CDI bean; empty while no verdict was recorded, and the PIA due is
 * then computed on the planned eligible cost.
 */
public interface AcceptedEligibleCost {
  Optional<BigDecimal> acceptedEligibleCost();
}
