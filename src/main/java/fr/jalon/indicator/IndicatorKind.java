package fr.jalon.indicator;

/** Output (what the project produces), result (its direct effect) or impact (the lasting change). */
public enum IndicatorKind {
  OUTPUT,
  RESULT,
  IMPACT
}
