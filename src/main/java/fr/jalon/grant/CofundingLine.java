package fr.jalon.grant;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A funding-plan line with its figures: committed, received (the sum of its receipts, or of the
 * tranches' receipts for the PIA), still expected (committed − received).
 */
public record CofundingLine(
    Long id,
    Long funderId,
    String funderName,
    FunderKind kind,
    FundingNature nature,
    BigDecimal committed,
    BigDecimal received,
    BigDecimal expected,
    String decisionReference,
    LocalDate decisionDate,
    String expectedSchedule,
    int version) {

  static CofundingLine of(Cofunding c, BigDecimal received) {
    BigDecimal r = received == null ? BigDecimal.ZERO.setScale(2) : received.setScale(2);
    return new CofundingLine(c.id(), c.funder().id(), c.funder().name(), c.kind(), c.nature(), c.committedAmount(), r, c.committedAmount().subtract(r),
        c.decisionReference(), c.decisionDate(), c.expectedSchedule(), c.version());
  }

  public boolean pia() {
    return kind == FunderKind.PIA;
  }
}
