package fr.jalon.security;

import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Whether the caller holds a role. Soteria's {@link SecurityContext#isCallerInRole} answers "no"
 * only after looking up an EJB context in JNDI, which on Jalon (no EJBs) fails with an exception
 * at every call, and the first time logs a Payara warning with a stack trace ("EJBContainerUtilImpl
 * is null"). Inside a web request the servlet request answers the same question, as
 * {@link PermissionFilter} already asks it; elsewhere (scheduled work) the security context does.
 */
public final class CallerRoles {
  private static final ThreadLocal<HttpServletRequest> REQUEST = new ThreadLocal<>();

  private CallerRoles() {}

  public static boolean has(SecurityContext securityContext, String role) {
    HttpServletRequest request = REQUEST.get();
    return request != null ? request.isUserInRole(role) : securityContext.isCallerInRole(role);
  }

  /** Held by {@link PermissionFilter} while it passes the request on, on the request's thread. */
  static void hold(HttpServletRequest request) {
    REQUEST.set(request);
  }

  static void release() {
    REQUEST.remove();
  }
}
