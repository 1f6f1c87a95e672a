package fr.jalon.security;

import fr.jalon.audit.Audited;
import fr.jalon.platform.RuleViolation;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

/** A person who logs in. Never deleted: deactivated, so the audit trail keeps their name. */
@Entity
@Table(name = "APP_USER")
public class User implements Audited {
  static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,59}");
  static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "USERNAME", nullable = false, updatable = false)
  private String username;

  @Column(name = "DISPLAY_NAME", nullable = false)
  private String displayName;

  @Column(name = "EMAIL", nullable = false)
  private String email;

  @Column(name = "PASSWORD_HASH", nullable = false)
  private String passwordHash;

  @Column(name = "MUST_CHANGE_PASSWORD", nullable = false)
  private boolean mustChangePassword;

  @Column(name = "ACTIVE", nullable = false)
  private boolean active;

  @Column(name = "CREATED_AT", nullable = false, updatable = false)
  private LocalDateTime createdAt;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "USER_ROLE", joinColumns = @JoinColumn(name = "USER_ID"))
  @Column(name = "ROLE")
  @Enumerated(EnumType.STRING)
  private Set<Role> roles = EnumSet.noneOf(Role.class);

  @Version
  @Column(name = "VERSION")
  private int version;

  protected User() {}

  public User(String username, String displayName, String email, Set<Role> roles, String passwordHash, boolean mustChangePassword, LocalDateTime createdAt) {
    String name = username == null ? "" : username.trim().toLowerCase(java.util.Locale.ROOT);
    if (!USERNAME.matcher(name).matches()) {
      throw new RuleViolation("username", "user.username.invalid");
    }
    this.username = name;
    rename(displayName, email);
    changeRoles(roles);
    this.passwordHash = passwordHash;
    this.mustChangePassword = mustChangePassword;
    this.active = true;
    this.createdAt = createdAt;
  }

  public void rename(String displayName, String email) {
    if (displayName == null || displayName.isBlank()) {
      throw new RuleViolation("displayName", "user.displayName.required");
    }
    if (displayName.trim().length() > 120) {
      throw new RuleViolation("displayName", "field.tooLong", 120);
    }
    if (email == null || !EMAIL.matcher(email.trim()).matches()) {
      throw new RuleViolation("email", "user.email.invalid");
    }
    if (email.trim().length() > 200) {
      throw new RuleViolation("email", "field.tooLong", 200);
    }
    this.displayName = displayName.trim();
    this.email = email.trim();
  }

  public void changeRoles(Set<Role> newRoles) {
    if (newRoles == null || newRoles.isEmpty()) {
      throw new RuleViolation("roles", "user.roles.required");
    }
    this.roles.clear();
    this.roles.addAll(newRoles);
  }

  public void changePassword(String newHash, boolean temporary) {
    this.passwordHash = newHash;
    this.mustChangePassword = temporary;
  }

  public void deactivate() {
    this.active = false;
  }

  public void reactivate() {
    this.active = true;
  }

  @Override
  public Object auditKey() {
    return username;
  }

  @Override
  public Set<String> auditExcluded() {
    return Set.of("passwordHash");
  }

  public Long id() {
    return id;
  }

  public String username() {
    return username;
  }

  public String displayName() {
    return displayName;
  }

  public String email() {
    return email;
  }

  public String passwordHash() {
    return passwordHash;
  }

  public boolean mustChangePassword() {
    return mustChangePassword;
  }

  public boolean active() {
    return active;
  }

  public LocalDateTime createdAt() {
    return createdAt;
  }

  public Set<Role> roles() {
    return roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
  }

  public int version() {
    return version;
  }
}
