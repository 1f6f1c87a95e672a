package fr.jalon.dashboard;

import fr.jalon.platform.ProblemMappers;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /api/dashboard}: the board's dashboard figures, for every role. */
@RequestScoped
@Path("dashboard")
@Produces(MediaType.APPLICATION_JSON)
public class DashboardResource {
  @Inject DashboardService dashboard;
  @Context HttpHeaders headers;

  @GET
  public Dashboard read() {
    return dashboard.read(ProblemMappers.locale(headers));
  }
}
