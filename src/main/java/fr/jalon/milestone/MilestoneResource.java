package fr.jalon.milestone;

import fr.jalon.milestone.MilestoneRecords.EvidenceFile;
import fr.jalon.milestone.MilestoneRecords.Filter;
import fr.jalon.milestone.MilestoneRecords.MilestoneDetail;
import fr.jalon.milestone.MilestoneRecords.MilestoneForm;
import fr.jalon.milestone.MilestoneRecords.MilestoneRow;
import fr.jalon.milestone.MilestoneRecords.NoGoLift;
import fr.jalon.milestone.MilestoneRecords.Page;
import fr.jalon.milestone.MilestoneRecords.Rebaseline;
import fr.jalon.milestone.MilestoneRecords.Transition;
import fr.jalon.platform.FileStore;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/milestones}: everybody reads and downloads evidence; the project manager defines
 * milestones, moves them ({@code /transitions}) and uploads evidence (raw body, name in
 * {@code X-File-Name}); the administrator moves a baseline by amendment and lifts a NO_GO.
 */
@RequestScoped
@Path("milestones")
@Produces(MediaType.APPLICATION_JSON)
public class MilestoneResource {
  @Inject MilestoneService milestones;
  @Inject FileStore files;

  @GET
  public Page<MilestoneRow> list(@QueryParam("actionId") Long actionId, @QueryParam("status") MilestoneStatus status, @QueryParam("year") Integer year,
      @QueryParam("late") Boolean late, @QueryParam("first") @DefaultValue("0") int first, @QueryParam("size") @DefaultValue("50") int size) {
    return milestones.list(new Filter(actionId, status, year, late), first, Math.min(Math.max(size, 1), 500));
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(@NotNull MilestoneForm form) {
    return Response.status(201).entity(milestones.create(form)).build();
  }

  @GET
  @Path("{id}")
  public MilestoneDetail get(@PathParam("id") long id) {
    return milestones.detail(id);
  }

  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public MilestoneDetail update(@PathParam("id") long id, @NotNull MilestoneForm form) {
    return milestones.update(id, form);
  }

  /** One step: {@code {"step":"START|REACH|VALIDATE|REJECT|ABANDON|REPLAN","version":0,"decisionId":..,"date":".."}}. */
  @POST
  @Path("{id}/transitions")
  @Consumes(MediaType.APPLICATION_JSON)
  public MilestoneDetail transition(@PathParam("id") long id, @NotNull Transition transition) {
    return milestones.transition(id, transition);
  }

  @PUT
  @Path("{id}/baseline")
  @Consumes(MediaType.APPLICATION_JSON)
  public MilestoneDetail rebaseline(@PathParam("id") long id, @NotNull Rebaseline request) {
    return milestones.rebaseline(id, request);
  }

  @POST
  @Path("{id}/no-go-lift")
  @Consumes(MediaType.APPLICATION_JSON)
  public Map<String, Integer> liftNoGo(@PathParam("id") long id, @NotNull NoGoLift request) {
    return Map.of("resumedTranches", milestones.liftNoGo(id, request));
  }

  @GET
  @Path("{id}/evidence")
  public List<EvidenceFile> evidence(@PathParam("id") long id) {
    return milestones.detail(id).evidence();
  }

  /** Uploads one evidence file as the raw request body; its type is read from its content. */
  @POST
  @Path("{id}/evidence")
  @Consumes(MediaType.WILDCARD)
  public MilestoneDetail upload(@PathParam("id") long id, InputStream body, @HeaderParam("X-File-Name") String fileName) {
    return milestones.addEvidence(id, body, fileName == null ? "preuve" : fileName);
  }

  @GET
  @Path("{id}/evidence/{fileId}")
  @Produces(MediaType.WILDCARD)
  public Response download(@PathParam("id") long id, @PathParam("fileId") long fileId) {
    return files.download(milestones.evidence(id, fileId));
  }
}
