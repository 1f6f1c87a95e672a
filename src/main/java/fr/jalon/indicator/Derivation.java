package fr.jalon.indicator;

/** How a derived indicator is computed; its values are never typed. */
public enum Derivation {
  /** Non-PIA resources committed (cash and in kind) ÷ PIA money received by the end of the school year. */
  COFUNDING_LEVERAGE,
  /** One breakdown part of another indicator as a percentage of its value (e.g. the share of girls). */
  SHARE_OF_PART
}
