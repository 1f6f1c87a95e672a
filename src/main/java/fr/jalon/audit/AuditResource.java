package fr.jalon.audit;

import fr.jalon.platform.Page;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** {@code /api/audit}: the trail, newest first, paged. */
@RequestScoped
@Path("audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {
  @Inject AuditTrail trail;

  @GET
  public Page<AuditLine> page(@QueryParam("first") @DefaultValue("0") int first, @QueryParam("size") @DefaultValue("50") int size, @QueryParam("q") String filter) {
    return trail.page(Math.max(0, first), Math.min(Math.max(1, size), 500), filter);
  }
}
