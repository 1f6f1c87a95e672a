package fr.jalon.grant;

/** SIRET numbers: 14 digits with a Luhn check digit (La Poste's establishments excepted by INSEE). */
public final class Siret {
  private static final String LA_POSTE_SIREN = "356000000";

  private Siret() {}

  public static boolean valid(String siret) {
    if (siret == null || !siret.matches("\\d{14}")) {
      return false;
    }
    if (siret.startsWith(LA_POSTE_SIREN)) {
      return siret.chars().map(c -> c - '0').sum() % 5 == 0;
    }
    return luhn(siret);
  }

  static boolean luhn(String digits) {
    int sum = 0;
    for (int i = 0; i < digits.length(); i++) {
      int d = digits.charAt(digits.length() - 1 - i) - '0';
      if (i % 2 == 1) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
    }
    return sum % 10 == 0;
  }
}
