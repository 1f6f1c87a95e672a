package fr.jalon.platform;

/** Role names for {@code @RolesAllowed}, usable from every capability. */
public final class Roles {
  public static final String ADMIN = "ADMIN";
  public static final String PROJECT_MANAGER = "PROJECT_MANAGER";
  public static final String FINANCE = "FINANCE";
  public static final String BOARD = "BOARD";

  private Roles() {}
}
