package fr.jalon.security;

import fr.jalon.platform.Messages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Who is logged in, what their roles are, and the menu entries those roles may open. */
@Named
@RequestScoped
public class CurrentUser {
  @Inject SecurityContext securityContext;
  @Inject UserRepository users;

  private String displayName;
  private Set<String> roleNames;

  public boolean isLoggedIn() {
    return securityContext.getCallerPrincipal() != null;
  }

  public String getUsername() {
    return isLoggedIn() ? securityContext.getCallerPrincipal().getName() : "";
  }

  public String getDisplayName() {
    if (displayName == null) {
      displayName = users.byUsername(getUsername()).map(User::displayName).orElse(getUsername());
    }
    return displayName;
  }

  /** Asked once per request: the menu asks for each of its entries. */
  public Set<String> getRoleNames() {
    if (roleNames == null) {
      roleNames = Arrays.stream(Role.values()).map(Role::roleName).filter(this::hasRole).collect(Collectors.toCollection(java.util.TreeSet::new));
    }
    return roleNames;
  }

  public boolean hasRole(String role) {
    return CallerRoles.has(securityContext, role);
  }

  public String getRoleLabels() {
    java.util.Locale locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
    return Arrays.stream(Role.values()).filter(r -> getRoleNames().contains(r.roleName())).map(r -> Messages.get(locale, r.labelKey())).collect(Collectors.joining(", "));
  }

  public List<Permissions.MenuEntry> getMenu() {
    Set<String> roles = getRoleNames();
    return Permissions.MENU.stream().filter(e -> Permissions.mayOpen(e.path(), roles)).toList();
  }

  public boolean mayOpen(String path) {
    return Permissions.mayOpen(path, getRoleNames());
  }

  public void logout() throws IOException, ServletException {
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    HttpServletRequest request = (HttpServletRequest) external.getRequest();
    request.logout();
    external.invalidateSession();
    external.redirect(external.getRequestContextPath() + "/login.xhtml?logout=1");
  }
}
