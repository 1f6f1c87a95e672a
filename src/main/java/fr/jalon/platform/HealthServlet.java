package fr.jalon.platform;

import jakarta.annotation.Resource;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Connection;
import javax.sql.DataSource;

/**
 * {@code GET /health}: public, answers 200 with {@code UP} when the database answers, 503
 * otherwise, in the MicroProfile Health shape. Served by Jalon itself because Payara's own
 * endpoint is shadowed by an application at the root context.
 */
@WebServlet(urlPatterns = "/health")
public class HealthServlet extends HttpServlet {
  @Resource(lookup = DatabaseConfiguration.JNDI_NAME)
  DataSource dataSource;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    boolean databaseUp;
    try (Connection c = dataSource.getConnection()) {
      databaseUp = c.isValid(2);
    } catch (Exception e) {
      databaseUp = false;
    }
    String status = databaseUp ? "UP" : "DOWN";
    response.setStatus(databaseUp ? 200 : 503);
    response.setContentType("application/json;charset=UTF-8");
    response.setHeader("Cache-Control", "no-store");
    response.getWriter().write("{\"status\":\"" + status + "\",\"checks\":[{\"name\":\"database\",\"status\":\"" + status + "\"}]}");
  }
}
