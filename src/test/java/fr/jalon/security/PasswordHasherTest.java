package fr.jalon.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
  private final PasswordHasher hasher = new PasswordHasher();

  @Test
  void hashesWithPbkdf2Sha512AtTwoHundredAndTenThousandIterations() {
    String hash = hasher.hash("jalon-demo");
    assertThat(hash).startsWith("pbkdf2-sha512$210000$");
    assertThat(hasher.verify("jalon-demo", hash)).isTrue();
    assertThat(hasher.verify("jalon-demO", hash)).isFalse();
  }

  @Test
  void theSamePasswordGetsADifferentSaltEachTime() {
    assertThat(hasher.hash("jalon-demo")).isNotEqualTo(hasher.hash("jalon-demo"));
  }

  @Test
  void aMalformedStoredHashNeverMatches() {
    assertThat(hasher.verify("x", "plain")).isFalse();
    assertThat(hasher.verify("x", null)).isFalse();
    assertThat(hasher.verify("x", "pbkdf2-sha512$1000$%%%$%%%")).isFalse();
  }

  @Test
  void anUnknownUserIsRefusedAfterAFullDerivationLikeAWrongPassword() {
    String dummy = PasswordHasher.dummyHash();
    assertThat(dummy).startsWith("pbkdf2-sha512$210000$");
    assertThat(dummy.split("\\$")).hasSize(4);
    assertThat(hasher.verify("jalon-demo", dummy)).isFalse();
    assertThat(hasher.verify("jalon-timing-equaliser", dummy)).isFalse();
  }

  @Test
  void temporaryPasswordsAreLongEnoughAndRandom() {
    String a = UserService.temporaryPassword();
    assertThat(a).hasSize(14).isNotEqualTo(UserService.temporaryPassword());
  }
}
