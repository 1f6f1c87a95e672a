package fr.jalon.bench.generator;

import fr.jalon.grant.Siret;
import java.util.Random;

/** Made-up SIRET numbers that pass Jalon's own check (Luhn on the SIREN and on the SIRET). */
final class Sirets {
  private Sirets() {}

  /** Public bodies' SIREN start with 1 or 2, companies' with 3 to 9. */
  static String random(Random random, boolean publicBody) {
    while (true) {
      StringBuilder siren = new StringBuilder();
      siren.append(publicBody ? 1 + random.nextInt(2) : 3 + random.nextInt(7));
      for (int i = 0; i < 7; i++) {
        siren.append(random.nextInt(10));
      }
      siren.append(checkDigit(siren));
      StringBuilder siret = new StringBuilder(siren);
      for (int i = 0; i < 4; i++) {
        siret.append(random.nextInt(10));
      }
      siret.append(checkDigit(siret));
      // La Poste's SIRETs follow another rule; never draw one.
      if (Siret.valid(siret.toString()) && !siret.toString().startsWith("356000000")) {
        return siret.toString();
      }
    }
  }

  /** The digit that makes {@code payload + digit} pass the Luhn check. */
  static int checkDigit(CharSequence payload) {
    int sum = 0;
    for (int i = 0; i < payload.length(); i++) {
      // Counting from the right once the check digit is appended, payload digits at odd
      // positions are doubled.
      int d = payload.charAt(payload.length() - 1 - i) - '0';
      if (i % 2 == 0) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
    }
    return (10 - sum % 10) % 10;
  }
}
