package fr.jalon.security;

import fr.jalon.audit.AuditTrail;
import fr.jalon.platform.ConcurrentEditException;
import fr.jalon.platform.NotFoundException;
import fr.jalon.platform.Roles;
import fr.jalon.platform.RuleViolation;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

/** Use cases on users: the administrator manages accounts, everybody changes their own password. */
@ApplicationScoped
public class UserService {
  public static final int MIN_PASSWORD_LENGTH = fr.jalon.platform.Settings.MIN_PASSWORD_LENGTH;
  private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final PasswordHasher hasher = new PasswordHasher();

  @Inject UserRepository users;
  @Inject AuditTrail audit;
  @Inject SecurityContext securityContext;
  @Inject Clock clock;

  /** A new account: name, e-mail, roles; the password is temporary. */
  public record NewUser(@NotBlank String username, @NotBlank String displayName, @NotBlank String email, @NotEmpty Set<Role> roles) {}

  /** A user as lists and the API show them (never the hash). */
  public record UserSummary(long id, String username, String displayName, String email, Set<Role> roles, boolean active, boolean mustChangePassword, int version) {
    static UserSummary of(User u) {
      return new UserSummary(u.id(), u.username(), u.displayName(), u.email(), u.roles(), u.active(), u.mustChangePassword(), u.version());
    }
  }

  /** The account and the one-time password to hand to its owner (shown once, never stored). */
  public record Created(UserSummary user, String temporaryPassword) {}

  @RolesAllowed(Roles.ADMIN)
  public List<UserSummary> list() {
    return users.all().stream().map(UserSummary::of).toList();
  }

  @RolesAllowed(Roles.ADMIN)
  @Transactional
  public Created create(@NotNull @Valid NewUser request) {
    if (users.byUsername(request.username()).isPresent()) {
      throw new RuleViolation("username", "user.username.taken", request.username().trim());
    }
    String password = temporaryPassword();
    User user = new User(request.username(), request.displayName(), request.email(), request.roles(), hasher.hash(password), true, LocalDateTime.now(clock));
    users.add(user);
    return new Created(UserSummary.of(user), password);
  }

  /** Creates an account with a known password: the first administrator and the demo users. */
  @RolesAllowed(Roles.ADMIN)
  @Transactional
  public UserSummary createWithPassword(@NotNull @Valid NewUser request, @NotBlank String password, boolean mustChange) {
    User user = new User(request.username(), request.displayName(), request.email(), request.roles(), hasher.hash(password), mustChange, LocalDateTime.now(clock));
    users.add(user);
    return UserSummary.of(user);
  }

  @RolesAllowed(Roles.ADMIN)
  @Transactional
  public UserSummary update(long id, int expectedVersion, @NotBlank String displayName, @NotBlank String email, @NotEmpty Set<Role> roles) {
    User user = load(id, expectedVersion);
    if (!roles.contains(Role.ADMIN) && user.roles().contains(Role.ADMIN) && user.active() && users.activeAdmins() <= 1) {
      throw new RuleViolation("roles", "user.lastAdmin");
    }
    user.rename(displayName, email);
    user.changeRoles(roles);
    users.flush();
    return UserSummary.of(user);
  }

  /**
   * Changes an account in one transaction: the parts given (details, roles, active) and only
   * those; a refusal of any part changes nothing.
   */
  @RolesAllowed(Roles.ADMIN)
  @Transactional
  public UserSummary change(long id, int expectedVersion, String displayName, String email, Set<Role> roles, Boolean active) {
    User user = load(id, expectedVersion);
    if (displayName != null || email != null) {
      user.rename(displayName == null ? user.displayName() : displayName, email == null ? user.email() : email);
    }
    if (roles != null) {
      if (!roles.contains(Role.ADMIN) && user.roles().contains(Role.ADMIN) && user.active() && users.activeAdmins() <= 1) {
        throw new RuleViolation("roles", "user.lastAdmin");
      }
      user.changeRoles(roles);
    }
    if (active != null && active != user.active()) {
      if (active) {
        user.reactivate();
      } else {
        refuseDeactivation(user);
        user.deactivate();
      }
    }
    users.flush();
    return UserSummary.of(user);
  }

  private void refuseDeactivation(User user) {
    if (user.username().equals(callerName())) {
      throw new RuleViolation("active", "user.deactivateSelf");
    }
    if (user.roles().contains(Role.ADMIN) && user.active() && users.activeAdmins() <= 1) {
      throw new RuleViolation("active", "user.lastAdmin");
    }
  }

  @RolesAllowed(Roles.ADMIN)
  @Transactional
  public UserSummary deactivate(long id, int expectedVersion) {
    User user = load(id, expectedVersion);
    refuseDeactivation(user);
    user.deactivate();
    users.flush();
    return UserSummary.of(user);
  }

  @RolesAllowed(Roles.ADMIN)
  @Transactional
  public UserSummary reactivate(long id, int expectedVersion) {
    User user = load(id, expectedVersion);
    user.reactivate();
    users.flush();
    return UserSummary.of(user);
  }

  /** A new one-time password for a user who forgot theirs. */
  @RolesAllowed(Roles.ADMIN)
  @Transactional
  public Created resetPassword(long id, int expectedVersion) {
    User user = load(id, expectedVersion);
    String password = temporaryPassword();
    user.changePassword(hasher.hash(password), true);
    users.flush();
    audit.record("PASSWORD_RESET", "User", user.username(), "Mot de passe temporaire attribué à " + user.username(), null);
    return new Created(UserSummary.of(user), password);
  }

  @RolesAllowed({Roles.ADMIN, Roles.PROJECT_MANAGER, Roles.FINANCE, Roles.BOARD})
  public UserSummary me() {
    return UserSummary.of(users.byUsername(callerName()).orElseThrow(() -> new NotFoundException(callerName())));
  }

  @RolesAllowed({Roles.ADMIN, Roles.PROJECT_MANAGER, Roles.FINANCE, Roles.BOARD})
  @Transactional
  public void changeOwnPassword(@NotNull String current, @NotNull String replacement) {
    User user = users.byUsername(callerName()).orElseThrow(() -> new NotFoundException(callerName()));
    if (!hasher.verify(current, user.passwordHash())) {
      throw new RuleViolation("currentPassword", "password.current.wrong");
    }
    checkStrength(replacement, user.username(), "newPassword");
    if (replacement.equals(current)) {
      throw new RuleViolation("newPassword", "password.same");
    }
    user.changePassword(hasher.hash(replacement), false);
    audit.record("PASSWORD_CHANGED", "User", user.username(), user.username() + " a changé son mot de passe", null);
  }

  static void checkStrength(String password, String username, String field) {
    if (password.length() < MIN_PASSWORD_LENGTH) {
      throw new RuleViolation(field, "password.tooShort", MIN_PASSWORD_LENGTH);
    }
    if (password.toLowerCase(java.util.Locale.ROOT).contains(username)) {
      throw new RuleViolation(field, "password.containsUsername");
    }
  }

  private User load(long id, int expectedVersion) {
    User user = users.byId(id).orElseThrow(() -> new NotFoundException("Utilisateur " + id));
    if (user.version() != expectedVersion) {
      throw new ConcurrentEditException(user.username());
    }
    return user;
  }

  private String callerName() {
    return securityContext.getCallerPrincipal() == null ? "" : securityContext.getCallerPrincipal().getName();
  }

  static String temporaryPassword() {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 14; i++) {
      s.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return s.toString();
  }
}
