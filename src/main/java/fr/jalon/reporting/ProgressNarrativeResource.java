package fr.jalon.reporting;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * {@code /api/progress-narratives}: the project manager's narratives per action and year for the
 * progress report, and {@code /api/progress-narratives/continuation}: what continues after the grant,
 * for the final report. Everybody reads; the project manager writes
 * ({@code PUT {"progress":"…","gaps":"…","nextPlan":"…","version":0}}, version null for a first one).
 */
@RequestScoped
@Path("progress-narratives")
@Produces(MediaType.APPLICATION_JSON)
public class ProgressNarrativeResource {
  @Inject ProgressNarrativeService narratives;

  /** What continues after the grant, for the final report. */
  @GET
  @Path("continuation")
  public ProgressNarrativeService.ContinuationRow continuation() {
    return narratives.continuation();
  }

  /** Writes it: {@code PUT {"continuation":"…","version":0}}, version null for a first text. */
  @PUT
  @Path("continuation")
  @Consumes(MediaType.APPLICATION_JSON)
  public ProgressNarrativeService.ContinuationRow writeContinuation(ProgressNarrativeService.ContinuationForm form) {
    return narratives.writeContinuation(form);
  }

  @GET
  @Path("{year}")
  public List<ProgressNarrativeService.NarrativeRow> ofYear(@PathParam("year") int year) {
    return narratives.ofYear(year);
  }

  @GET
  @Path("{year}/{actionId}")
  public ProgressNarrativeService.NarrativeRow get(@PathParam("year") int year, @PathParam("actionId") long actionId) {
    return narratives.get(year, actionId);
  }

  @PUT
  @Path("{year}/{actionId}")
  @Consumes(MediaType.APPLICATION_JSON)
  public ProgressNarrativeService.NarrativeRow write(@PathParam("year") int year, @PathParam("actionId") long actionId, ProgressNarrativeService.NarrativeForm form) {
    return narratives.write(year, actionId, form);
  }
}
