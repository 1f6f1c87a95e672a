package fr.jalon.security;

import fr.jalon.platform.Messages;
import jakarta.inject.Inject;
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
  @Inject UserRepository users;


  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
    CallerRoles.hold(request);
    try {
      filter(request, response, chain);
    } finally {
      CallerRoles.release();
    }
  }

  private void filter(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
    // No page of Jalon may be framed by another site (clickjacking), nor its content type guessed.
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Content-Security-Policy", "frame-ancestors 'none'");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "same-origin");
    if (suspicious(request.getRequestURI())) {
      // The container would normalise "/resources/../grant/edit.xhtml" after the rule matched the raw path.
      response.sendError(400);
      return;
    }
    String path = pathOf(request);
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
    // The account as it is now, not as it was at login: a deactivated user or changed roles end the session.
    User user = users.byUsername(request.getUserPrincipal().getName()).orElse(null);
    if (user == null || !user.active() || !sameRoles(user, request)) {
      HttpSession session = request.getSession(false);
      if (session != null) {
        session.invalidate();
      }
      if (AuthenticationMechanismChooser.isApi(request)) {
        refuse(request, response, 401);
      } else {
        response.sendRedirect(request.getContextPath() + "/login.xhtml");
      }
      return;
    }
    if (user.mustChangePassword() && !path.equals("/security/password.xhtml") && !path.equals("/api/me") && !path.equals("/api/me/password")) {
      if (AuthenticationMechanismChooser.isApi(request)) {
        refuse(request, response, 403, "password.temporary");
      } else {
        response.sendRedirect(request.getContextPath() + "/security/password.xhtml");
      }
      return;
    }
    if (isCrossSiteWrite(request)) {
      // Not a question of roles: say what the request lacks, so a script's author knows what to add.
      refuse(request, response, 403, "error.forbidden.crossSite");
      return;
    }
    chain.doFilter(request, response);
  }

  private static boolean sameRoles(User user, HttpServletRequest request) {
    for (Role role : Role.values()) {
      if (user.roles().contains(role) != request.isUserInRole(role.roleName())) {
        return false;
      }
    }
    return true;
  }

  /**
   * A change through the API on the strength of the session cookie must come from Jalon's own
   * pages or scripts, which send {@code X-Requested-With}; a form on another site cannot.
   * Clients with HTTP Basic are not concerned.
   */
  static boolean isCrossSiteWrite(HttpServletRequest request) {
    String method = request.getMethod();
    boolean safe = "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
    return !safe && AuthenticationMechanismChooser.isApi(request) && request.getHeader("Authorization") == null
        && !"Jalon".equals(request.getHeader("X-Requested-With"));
  }

  /** The path the container dispatches on, decoded and normalised, without the context. */
  static String pathOf(HttpServletRequest request) {
    String pathInfo = request.getPathInfo();
    String path = request.getServletPath() + (pathInfo == null ? "" : pathInfo);
    return path.isEmpty() ? "/" : path;
  }

  /** Dot segments, path parameters, encoded dots or slashes, doubled slashes: never in a Jalon URL. */
  static boolean suspicious(String rawUri) {
    String lower = rawUri.toLowerCase(java.util.Locale.ROOT);
    return lower.contains("/.") || lower.contains(";") || lower.contains("%2e") || lower.contains("%2f") || lower.contains("%5c")
        || lower.contains("\\") || lower.contains("//");
  }

  private static void refuse(HttpServletRequest request, HttpServletResponse response, int status) throws IOException {
    refuse(request, response, status, null);
  }

  private static void refuse(HttpServletRequest request, HttpServletResponse response, int status, String detailKey) throws IOException {
    if (AuthenticationMechanismChooser.isApi(request)) {
      Locale locale = languageOf(request);
      String key = status == 401 ? "error.unauthorized" : status == 403 ? "error.forbidden" : "error.notFound";
      response.setStatus(status);
      response.setContentType("application/problem+json;charset=UTF-8");
      response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + json(Messages.get(locale, key + ".title")) + "\",\"status\":" + status + ",\"detail\":\"" + json(Messages.get(locale, detailKey == null ? key : detailKey)) + "\",\"errors\":[]}");
    } else {
      response.sendError(status);
    }
  }

  /** French unless the client prefers English; a request that says nothing gets French. */
  static Locale languageOf(HttpServletRequest request) {
    if (request.getHeader("Accept-Language") == null) {
      return Locale.FRENCH;
    }
    for (Locale l : java.util.Collections.list(request.getLocales())) {
      if ("en".equals(l.getLanguage())) {
        return Locale.ENGLISH;
      }
      if ("fr".equals(l.getLanguage())) {
        return Locale.FRENCH;
      }
    }
    return Locale.FRENCH;
  }

  private static String json(String text) {
    return text.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
