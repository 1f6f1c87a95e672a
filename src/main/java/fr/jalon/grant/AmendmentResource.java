package fr.jalon.grant;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** {@code /api/amendments}: the agreement's amendments, read by every role, recorded by the administrator. */
@RequestScoped
@Path("amendments")
@Produces(MediaType.APPLICATION_JSON)
public class AmendmentResource {
  @Inject AmendmentService amendments;

  @GET
  public List<AmendmentLine> list() {
    return amendments.list();
  }

  @GET
  @Path("{id}")
  public AmendmentLine get(@PathParam("id") long id) {
    return amendments.get(id);
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response record(@NotNull NewAmendment request) {
    return Response.status(201).entity(amendments.record(request)).build();
  }
}
