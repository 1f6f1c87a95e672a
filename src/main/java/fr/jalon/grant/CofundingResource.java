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

/** {@code /api/cofunding}: the funding plan with its figures; finance records lines and receipts. */
@RequestScoped
@Path("cofunding")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CofundingResource {
  @Inject CofundingService cofunding;

  /** The lines with committed / received / still expected, the totals and rule 8's checks. */
  @GET
  public CofundingSummary summary() {
    return cofunding.summary();
  }

  @POST
  public Response add(@NotNull @Valid CofundingService.NewLine line) {
    return Response.status(201).entity(cofunding.add(line)).build();
  }

  @GET
  @Path("{id}")
  public CofundingLine line(@PathParam("id") long id) {
    return cofunding.line(id);
  }

  /** Changes a line read at {@code version} (409 if someone saved it since). */
  @PUT
  @Path("{id}")
  public CofundingLine change(@PathParam("id") long id, @NotNull @Valid CofundingService.LineChange change) {
    return cofunding.change(id, change);
  }

  @GET
  @Path("{id}/receipts")
  public List<CofundingReceiptRow> receipts(@PathParam("id") long id) {
    return cofunding.receipts(id);
  }

  /** Records a receipt; refused on the PIA line, whose receipts are the tranches'. */
  @POST
  @Path("{id}/receipts")
  public Response receive(@PathParam("id") long id, @NotNull @Valid CofundingService.NewReceipt receipt) {
    return Response.status(201).entity(cofunding.receive(id, receipt)).build();
  }
}
