package fr.jalon.grant;

/** Who a co-funding line comes from; PIA is the operator's line, fed by the tranches (rule 10). */
public enum FunderKind {
  PIA,
  REGION,
  COMPANY,
  OWN_FUNDS,
  FEDER,
  OTHER_PUBLIC,
  OTHER_PRIVATE;

  /** Public money counts toward the public-aid cap (rule 8). */
  public boolean isPublic() {
    return this == PIA || this == REGION || this == FEDER || this == OTHER_PUBLIC;
  }
}
