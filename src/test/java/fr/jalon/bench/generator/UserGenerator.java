package fr.jalon.bench.generator;

import fr.jalon.demo.DemoLoader;
import fr.jalon.demo.DemoLoader.DemoAccount;
import fr.jalon.security.PasswordHasher;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The four demo accounts (admin, projet, finance, conseil), with the demo password hashed by
 * Jalon's own {@link PasswordHasher}. The hashes carry random salts, so they are the one part of
 * a generated database that differs between two runs; the fingerprint leaves them out.
 */
public final class UserGenerator implements DataGenerator {
  private final UnaryOperator<String> passwordHash;

  /** {@code passwordHash}: Jalon's {@link PasswordHasher}; tests pass a cheap one (a real hash costs 0.25 s). */
  public UserGenerator(UnaryOperator<String> passwordHash) {
    this.passwordHash = passwordHash;
  }

  @Override
  public String name() {
    return "users";
  }

  @Override
  public void generate(Generation g) throws SQLException {
    LocalDateTime created = g.fact(GrantFacts.class).signatureDate().atTime(9, 0);
    try (Generation.Batch roles = g.batch("USER_ROLE", "USER_ID", "ROLE")) {
      for (DemoAccount account : DemoLoader.ACCOUNTS) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("USERNAME", account.username());
        user.put("DISPLAY_NAME", account.displayName());
        user.put("EMAIL", account.email());
        user.put("PASSWORD_HASH", passwordHash.apply(DemoLoader.DEMO_PASSWORD));
        user.put("MUST_CHANGE_PASSWORD", false);
        user.put("ACTIVE", true);
        user.put("CREATED_AT", created);
        long id = g.insert("APP_USER", user);
        roles.row(id, account.role());
      }
    }
  }
}
