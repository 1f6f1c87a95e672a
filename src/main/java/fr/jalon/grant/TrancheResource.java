package fr.jalon.grant;

import fr.jalon.platform.ProblemMappers;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;

/**
 * {@code /api/tranches}: the PIA tranches. The administrator schedules, suspends and cancels;
 * finance requests (refused, naming the failing conditions, unless all hold) and records receipts.
 */
@RequestScoped
@Path("tranches")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TrancheResource {
  @Inject TrancheService tranches;
  @Context HttpHeaders headers;

  private Locale locale() {
    return ProblemMappers.locale(headers);
  }

  /** The schedule with caps, spend ratio, balance, and each tranche's conditions evaluated now. */
  @GET
  public TrancheOverview overview() {
    return tranches.overview(locale());
  }

  @POST
  public Response schedule(@NotNull @Valid TrancheService.NewTranche tranche) {
    return Response.status(201).entity(tranches.schedule(tranche, locale())).build();
  }

  @GET
  @Path("{id}")
  public TrancheRow tranche(@PathParam("id") long id) {
    return tranches.tranche(id, locale());
  }

  /** Changes a tranche while it is planned. */
  @PUT
  @Path("{id}")
  public TrancheRow reschedule(@PathParam("id") long id, @NotNull @Valid TrancheService.TrancheChange change) {
    return tranches.reschedule(id, change, locale());
  }

  @POST
  @Path("{id}/request")
  public TrancheRow request(@PathParam("id") long id, @NotNull @Valid TrancheService.TrancheRequest request) {
    return tranches.request(id, request, locale());
  }

  @POST
  @Path("{id}/receipt")
  public TrancheRow receipt(@PathParam("id") long id, @NotNull @Valid TrancheService.TrancheReceipt receipt) {
    return tranches.recordReceipt(id, receipt, locale());
  }

  @POST
  @Path("{id}/suspend")
  public TrancheRow suspend(@PathParam("id") long id, @NotNull @Valid TrancheService.StatusChange change) {
    return tranches.suspend(id, change, locale());
  }

  @POST
  @Path("{id}/cancel")
  public TrancheRow cancel(@PathParam("id") long id, @NotNull @Valid TrancheService.StatusChange change) {
    return tranches.cancel(id, change, locale());
  }
}
