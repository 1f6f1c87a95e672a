package fr.jalon.platform;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;

/**
 * The error page for 401: API clients refused by HTTP Basic get a problem document in French
 * (English on request) instead of the container's HTML page. Pages never get here: they redirect
 * to the login page.
 */
@WebServlet(urlPatterns = "/error/401")
public class UnauthorizedServlet extends HttpServlet {
  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String language = request.getHeader("Accept-Language");
    Locale locale = language != null && language.trim().toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH : Locale.FRENCH;
    response.setStatus(401);
    response.setContentType(Problem.MEDIA_TYPE + ";charset=UTF-8");
    response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + Messages.get(locale, "error.unauthorized.title") + "\",\"status\":401,\"detail\":\""
        + Messages.get(locale, "error.unauthorized") + "\",\"errors\":[]}");
  }
}
