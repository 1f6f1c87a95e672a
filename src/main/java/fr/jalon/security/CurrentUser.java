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

  public Set<String> getRoleNames() {
    return Arrays.stream(Role.values()).map(Role::roleName).filter(securityContext::isCallerInRole).collect(Collectors.toCollection(java.util.TreeSet::new));
  }

  public boolean hasRole(String role) {
    return securityContext.isCallerInRole(role);
  }

  public String getRoleLabels() {
    java.util.Locale locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
    return Arrays.stream(Role.values()).filter(r -> securityContext.isCallerInRole(r.roleName())).map(r -> Messages.get(locale, r.labelKey())).collect(Collectors.joining(", "));
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
