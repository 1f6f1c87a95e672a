package fr.jalon.security;

import fr.jalon.audit.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Checks user names and passwords against the users table. An unknown or deactivated user costs
 * the same hashing time as a wrong password, so timing does not tell which names exist; every
 * refusal goes to the audit trail.
 */
@ApplicationScoped
public class JalonIdentityStore implements IdentityStore {
  private final PasswordHasher hasher = new PasswordHasher();
  private LoginThrottle throttle;

  @Inject UserRepository users;
  @Inject AuditTrail audit;

  @Inject
  void throttle(java.time.Clock clock) {
    this.throttle = new LoginThrottle(clock);
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public CredentialValidationResult validate(Credential credential) {
    if (!(credential instanceof UsernamePasswordCredential given)) {
      return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }
    String name = given.getCaller() == null ? "" : given.getCaller().trim().toLowerCase(java.util.Locale.ROOT);
    String password = given.getPasswordAsString() == null ? "" : given.getPasswordAsString();
    if (throttle.locked(name)) {
      // Same cost and same answer as any refusal: the guesser learns nothing, not even the lock.
      hasher.verifyDummy(password);
      audit.recordAlone("anonyme", "LOGIN_FAILED", "Connexion refusée pour « " + clip(name) + " » : trop d’échecs récents");
      return CredentialValidationResult.INVALID_RESULT;
    }
    Optional<User> found = name.isEmpty() ? Optional.empty() : users.byUsername(name);
    if (found.isPresent() && found.get().active() && hasher.verify(password, found.get().passwordHash())) {
      User user = found.get();
      throttle.succeeded(name);
      return new CredentialValidationResult(user.username(), user.roles().stream().map(Role::roleName).collect(Collectors.toSet()));
    }
    throttle.failed(name);
    if (found.isEmpty() || !found.get().active()) {
      hasher.verifyDummy(password);
    }
    String why = found.isEmpty() ? "utilisateur inconnu" : !found.get().active() ? "compte désactivé" : "mot de passe erroné";
    // The actor is nobody: whoever typed the name is not known to be its owner.
    audit.recordAlone("anonyme", "LOGIN_FAILED", "Échec de connexion pour « " + clip(name) + " » : " + why);
    return CredentialValidationResult.INVALID_RESULT;
  }

  private static String clip(String s) {
    return s.length() > 60 ? s.substring(0, 60) : s;
  }
}
