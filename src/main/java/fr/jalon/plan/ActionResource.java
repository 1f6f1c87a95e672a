package fr.jalon.plan;

import fr.jalon.plan.PlanRecords.ActionForm;
import fr.jalon.plan.PlanRecords.ActionRow;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** {@code /api/actions}: the action plan, read by every role, kept by the project manager. */
@RequestScoped
@Path("actions")
@Produces(MediaType.APPLICATION_JSON)
public class ActionResource {
  @Inject ActionService actions;

  @GET
  public List<ActionRow> list() {
    return actions.list();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(@NotNull ActionForm form) {
    return Response.status(201).entity(actions.create(form)).build();
  }

  @GET
  @Path("{id}")
  public ActionRow get(@PathParam("id") long id) {
    return actions.get(id);
  }

  /** Changes an action; {@code version} must be the one read (409 otherwise); {@code "closed": true} closes it. */
  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public ActionRow update(@PathParam("id") long id, @NotNull ActionForm form) {
    return actions.update(id, form);
  }

  /** Deletes an action without budget; otherwise 400 saying why (close it instead). */
  @DELETE
  @Path("{id}")
  public Response delete(@PathParam("id") long id) {
    actions.delete(id);
    return Response.noContent().build();
  }
}
