package fr.jalon.grant;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** {@code /api/decisions}: COPIL meetings and their decisions; the project manager records them. */
@RequestScoped
@Path("decisions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CopilResource {
  @Inject CopilService copil;

  @GET
  public List<MeetingSummary> meetings() {
    return copil.meetings();
  }

  @POST
  public Response addMeeting(@NotNull @Valid CopilService.NewMeeting meeting) {
    return Response.status(201).entity(copil.addMeeting(meeting)).build();
  }

  @GET
  @Path("{meetingId}")
  public MeetingSummary meeting(@PathParam("meetingId") long meetingId) {
    return copil.meeting(meetingId);
  }

  @PUT
  @Path("{meetingId}")
  public MeetingSummary describe(@PathParam("meetingId") long meetingId, @NotNull @Valid CopilService.MeetingChange change) {
    return copil.describe(meetingId, change);
  }

  @GET
  @Path("{meetingId}/decisions")
  public List<DecisionSummary> decisions(@PathParam("meetingId") long meetingId) {
    return copil.meeting(meetingId).decisions();
  }

  @POST
  @Path("{meetingId}/decisions")
  public Response decide(@PathParam("meetingId") long meetingId, @NotNull @Valid CopilService.NewDecision decision) {
    return Response.status(201).entity(copil.decide(meetingId, decision)).build();
  }
}
