package fr.jalon.security;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.BasicAuthenticationMechanismDefinition.BasicAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition.CustomFormAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanismHandler;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Pages use the login form; the API uses HTTP Basic, or the session of a person logged in through
 * the form (the screens' downloads, benchmarks over a session). An API call without either gets
 * 401, never a redirect to the login page.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
@ApplicationScoped
public class AuthenticationMechanismChooser implements HttpAuthenticationMechanismHandler {
  /** Set in the session when a person logs in through the form. */
  static final String FORM_LOGIN = "jalon.formLogin";

  @Inject @BasicAuthenticationMechanism HttpAuthenticationMechanism basic;
  @Inject @CustomFormAuthenticationMechanism HttpAuthenticationMechanism form;

  @Override
  public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) throws AuthenticationException {
    return choose(request).validateRequest(request, response, context);
  }

  @Override
  public AuthenticationStatus secureResponse(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) throws AuthenticationException {
    return choose(request).secureResponse(request, response, context);
  }

  @Override
  public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    choose(request).cleanSubject(request, response, context);
  }

  private HttpAuthenticationMechanism choose(HttpServletRequest request) {
    if (!isApi(request)) {
      return form;
    }
    if (request.getHeader("Authorization") != null) {
      return basic;
    }
    HttpSession session = request.getSession(false);
    if (session != null && session.getAttribute(FORM_LOGIN) != null) {
      return form;
    }
    // A person clicking a download link after their session ended: the login page, not the browser's Basic dialog.
    return "navigate".equals(request.getHeader("Sec-Fetch-Mode")) ? form : basic;
  }

  /** The API, and Payara's OpenAPI document that describes it: HTTP Basic works there too. */
  static boolean isApi(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.equals("/api") || path.startsWith("/api/") || path.equals("/openapi") || path.startsWith("/openapi/");
  }
}
