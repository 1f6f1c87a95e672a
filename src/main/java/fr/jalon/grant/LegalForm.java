package fr.jalon.grant;

/** Legal forms of the organisations a grant involves. Public bodies have a public accountant. */
public enum LegalForm {
  EPLE(true),
  GIP(true),
  LOCAL_AUTHORITY(true),
  PUBLIC_BODY(true),
  ASSOCIATION(false),
  COMPANY(false);

  private final boolean publicBody;

  LegalForm(boolean publicBody) {
    this.publicBody = publicBody;
  }

  /** A public body's payments are attested by its public accountant, a private one's by its auditor. */
  public boolean publicBody() {
    return publicBody;
  }
}
