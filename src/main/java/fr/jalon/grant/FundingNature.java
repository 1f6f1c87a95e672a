package fr.jalon.grant;

/** Cash, or in kind (counts toward co-funding, never toward the PIA base). */
public enum FundingNature {
  CASH,
  IN_KIND
}
