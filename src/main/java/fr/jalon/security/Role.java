package fr.jalon.security;

import fr.jalon.platform.Roles;

/** What a user may do in Jalon; a user may hold several. */
public enum Role {
  ADMIN(Roles.ADMIN),
  PROJECT_MANAGER(Roles.PROJECT_MANAGER),
  FINANCE(Roles.FINANCE),
  BOARD(Roles.BOARD);

  private final String roleName;

  Role(String roleName) {
    this.roleName = roleName;
  }

  public String roleName() {
    return roleName;
  }

  public String labelKey() {
    return "role." + name();
  }
}
