package fr.jalon.security;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.spec.InvalidKeySpecException;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2-HMAC-SHA512 password hashes, stored as {@code pbkdf2-sha512$iterations$salt$hash}. The
 * iteration count travels with the hash so it can be raised later without locking anyone out.
 */
public final class PasswordHasher {
  public static final int ITERATIONS = 210_000;
  private static final String ALGORITHM = "PBKDF2WithHmacSHA512";
  private static final String PREFIX = "pbkdf2-sha512";
  private static final int SALT_BYTES = 16;
  private static final int KEY_BITS = 512;
  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * A well-formed stored hash that no password matches (random salt and key, never derived), so an
   * unknown user costs one full derivation to refuse, as a wrong password does, without deriving
   * anything when the class loads.
   */
  private static final String DUMMY = randomHash(ITERATIONS);

  private final int iterations;

  public PasswordHasher() {
    this(ITERATIONS);
  }

  /** Fewer iterations only for tests that hash many passwords; never below the floor. */
  PasswordHasher(int iterations) {
    this.iterations = iterations;
  }

  public String hash(String password) {
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    byte[] key = derive(password, salt, iterations);
    Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
    return PREFIX + "$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(key);
  }

  /** Compares in constant time; a malformed stored hash never matches. */
  public boolean verify(String password, String stored) {
    String[] parts = stored == null ? new String[0] : stored.split("\\$");
    if (parts.length != 4 || !PREFIX.equals(parts[0])) {
      derive(password, new byte[SALT_BYTES], iterations);
      return false;
    }
    try {
      int rounds = Integer.parseInt(parts[1]);
      byte[] salt = Base64.getDecoder().decode(parts[2]);
      byte[] expected = Base64.getDecoder().decode(parts[3]);
      return MessageDigest.isEqual(expected, derive(password, salt, rounds));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Burns the same time as a real verification, for unknown or inactive users. */
  public void verifyDummy(String password) {
    verify(password, DUMMY);
  }

  /** The stored hash unknown users are checked against. */
  static String dummyHash() {
    return DUMMY;
  }

  private static String randomHash(int rounds) {
    byte[] salt = new byte[SALT_BYTES];
    byte[] key = new byte[KEY_BITS / 8];
    RANDOM.nextBytes(salt);
    RANDOM.nextBytes(key);
    Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
    return PREFIX + "$" + rounds + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(key);
  }

  private static byte[] derive(String password, byte[] salt, int rounds) {
    PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, rounds, KEY_BITS);
    try {
      return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
    } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
      throw new IllegalStateException(e);
    } finally {
      spec.clearPassword();
    }
  }
}
