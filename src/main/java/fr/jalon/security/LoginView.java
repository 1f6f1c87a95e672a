package fr.jalon.security;

import fr.jalon.platform.Faces;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The login form. A refusal never says whether the name or the password was wrong. */
@Named
@RequestScoped
public class LoginView {
  @Inject SecurityContext securityContext;
  @Inject UserRepository users;

  private String username;
  private String password;

  public void login() throws IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    ExternalContext external = faces.getExternalContext();
    HttpServletRequest request = (HttpServletRequest) external.getRequest();
    HttpServletResponse response = (HttpServletResponse) external.getResponse();
    AuthenticationStatus status = securityContext.authenticate(request, response,
        AuthenticationParameters.withParams().newAuthentication(true)
            .credential(new UsernamePasswordCredential(username == null ? "" : username, new Password(password == null ? "" : password))));
    switch (status) {
      case SEND_CONTINUE -> {
        remember(request);
        faces.responseComplete();
      }
      case SUCCESS -> {
        remember(request);
        boolean temporary = users.byUsername(username).map(User::mustChangePassword).orElse(false);
        external.redirect(external.getRequestContextPath() + (temporary ? "/security/password.xhtml" : landingPage()));
      }
      default -> Faces.error(null, Faces.text("login.failed"));
    }
  }

  /** The board lands on its dashboard; everybody else on the home page. */
  private String landingPage() {
    return CallerRoles.has(securityContext, fr.jalon.platform.Roles.BOARD) ? "/dashboard/dashboard.xhtml" : "/index.xhtml";
  }

  /** Marks the session as a person's: the API accepts it. */
  private void remember(HttpServletRequest request) {
    request.getSession().setAttribute(AuthenticationMechanismChooser.FORM_LOGIN, Boolean.TRUE);
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }
}
