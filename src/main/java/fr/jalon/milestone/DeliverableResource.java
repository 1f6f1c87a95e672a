package fr.jalon.milestone;

import fr.jalon.milestone.MilestoneRecords.DeliverableForm;
import fr.jalon.milestone.MilestoneRecords.DeliverableReview;
import fr.jalon.milestone.MilestoneRecords.DeliverableRow;
import fr.jalon.platform.FileStore;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.List;

/** {@code /api/deliverables}: everybody reads and downloads; the project manager defines, submits (the file) and reviews. */
@RequestScoped
@Path("deliverables")
@Produces(MediaType.APPLICATION_JSON)
public class DeliverableResource {
  @Inject DeliverableService deliverables;
  @Inject FileStore files;

  @GET
  public List<DeliverableRow> list() {
    return deliverables.list();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(@NotNull DeliverableForm form) {
    return Response.status(201).entity(deliverables.create(form)).build();
  }

  @GET
  @Path("{id}")
  public DeliverableRow get(@PathParam("id") long id) {
    return deliverables.get(id);
  }

  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public DeliverableRow update(@PathParam("id") long id, @NotNull DeliverableForm form) {
    return deliverables.update(id, form);
  }

  /** {@code {"review":"ACCEPT|REJECT","version":1}}. */
  @POST
  @Path("{id}/review")
  @Consumes(MediaType.APPLICATION_JSON)
  public DeliverableRow review(@PathParam("id") long id, @NotNull DeliverableReview review) {
    return deliverables.review(id, review);
  }

  @GET
  @Path("{id}/file")
  @Produces(MediaType.WILDCARD)
  public Response file(@PathParam("id") long id) {
    return files.download(deliverables.file(id));
  }

  /** Submits the deliverable: its file as the raw request body, the name in {@code X-File-Name}. */
  @POST
  @Path("{id}/file")
  @Consumes(MediaType.WILDCARD)
  public DeliverableRow submit(@PathParam("id") long id, InputStream body, @HeaderParam("X-File-Name") String fileName) {
    return deliverables.submit(id, body, fileName == null ? "livrable" : fileName);
  }
}
