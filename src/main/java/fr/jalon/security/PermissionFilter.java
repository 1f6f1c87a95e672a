package fr.jalon.security;

import fr.jalon.platform.Messages;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Applies {@link Permissions} to every request after login: a role outside the rule gets 403 (a
 * French page, or a problem document for the API); a path in no rule is refused too, so nothing
 * is reachable by accident. Also sends a user whose password is temporary to the change page.
 */
@WebFilter(urlPatterns = "/*", dispatcherTypes = DispatcherType.REQUEST)
public class PermissionFilter extends HttpFilter {
  static final String MUST_CHANGE_PASSWORD = "jalon.mustChangePassword";


  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    Optional<Permissions.Rule> rule = Permissions.ruleFor(path);
    if (rule.isPresent() && rule.get().kind() == Permissions.Kind.PUBLIC) {
      chain.doFilter(request, response);
      return;
    }
    if (request.getUserPrincipal() == null) {
      // The container lets no unauthenticated request through here except public paths; refuse anyway.
      refuse(request, response, 401);
      return;
    }
    Set<String> allowed = rule.map(r -> r.rolesFor(request.getMethod())).orElse(Set.of());
    if (allowed.stream().noneMatch(request::isUserInRole)) {
      refuse(request, response, rule.isPresent() ? 403 : 404);
      return;
    }
    HttpSession session = request.getSession(false);
    if (session != null && Boolean.TRUE.equals(session.getAttribute(MUST_CHANGE_PASSWORD)) && rule.get().kind() == Permissions.Kind.PAGE
        && !path.equals("/security/password.xhtml")) {
      response.sendRedirect(request.getContextPath() + "/security/password.xhtml");
      return;
    }
    chain.doFilter(request, response);
  }

  private static void refuse(HttpServletRequest request, HttpServletResponse response, int status) throws IOException {
    if (AuthenticationMechanismChooser.isApi(request)) {
      Locale locale = request.getLocale() != null && "en".equals(request.getLocale().getLanguage()) ? Locale.ENGLISH : Locale.FRENCH;
      String key = status == 401 ? "error.unauthorized" : status == 403 ? "error.forbidden" : "error.notFound";
      response.setStatus(status);
      response.setContentType("application/problem+json;charset=UTF-8");
      response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + json(Messages.get(locale, key + ".title")) + "\",\"status\":" + status + ",\"detail\":\"" + json(Messages.get(locale, key)) + "\",\"errors\":[]}");
    } else {
      response.sendError(status);
    }
  }

  private static String json(String text) {
    return text.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
