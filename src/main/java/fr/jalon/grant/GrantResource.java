package fr.jalon.grant;

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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;

/** {@code /api/grant}: the financing agreement, read by every role, changed by the administrator. */
@RequestScoped
@Path("grant")
@Produces(MediaType.APPLICATION_JSON)
public class GrantResource {
  @Inject GrantService grants;
  @Inject FileStore files;
  @Context HttpHeaders headers;

  @GET
  public GrantSheet get() {
    return grants.current();
  }

  /** Replaces the grant's terms; {@code version} must be the one read (409 otherwise). */
  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  public GrantSheet put(@NotNull GrantChange change) {
    return grants.revise(change);
  }

  /** Records the grant on a new installation (production mode starts without one). */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response post(NewGrant request) {
    return Response.status(201).entity(grants.create(request)).build();
  }

  @GET
  @Path("years")
  public List<Integer> years() {
    return grants.current().years();
  }

  @GET
  @Path("fiche-convention.pdf")
  @Produces("application/pdf")
  public Response sheet(@jakarta.ws.rs.QueryParam("lang") String lang) {
    // The screen's language when the page asks; otherwise the first the client prefers.
    Locale locale = lang != null ? ("en".equals(lang) ? Locale.ENGLISH : Locale.FRENCH) : fr.jalon.platform.ProblemMappers.locale(headers);
    GrantSheet sheet = grants.current();
    StreamingOutput body = out -> grants.writeSheetPdf(out, locale);
    return Response.ok(body, "application/pdf")
        .header("Content-Disposition", FileStore.attachment("fiche-convention-" + sheet.reference() + ".pdf"))
        .build();
  }

  @GET
  @Path("signed-agreement")
  @Produces(MediaType.WILDCARD)
  public Response signedAgreement() {
    return files.download(grants.signedAgreement());
  }

  /** Uploads the signed agreement as the raw request body (a PDF); the file name in a header. */
  @POST
  @Path("signed-agreement")
  @Consumes("application/pdf")
  public GrantSheet uploadSignedAgreement(InputStream body, @HeaderParam("X-File-Name") String fileName) {
    return grants.attachSignedAgreement(body, fileName == null ? "convention-signee.pdf" : fileName);
  }
}
