package fr.jalon.grant;

/** How often the grant reports. */
public enum ReportingPeriod {
  YEAR,
  SEMESTER,
  QUARTER
}
