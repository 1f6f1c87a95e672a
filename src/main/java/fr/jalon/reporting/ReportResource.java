package fr.jalon.reporting;

import fr.jalon.platform.FileStore;
import fr.jalon.platform.ProblemMappers;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;

/**
 * {@code /api/reports}: the archive and the report lifecycle. Everybody reads the archive,
 * downloads the files and may ask for a re-verification; finance generates, moves, signs and
 * records the operator's verdicts.
 */
@RequestScoped
@Path("reports")
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {
  @Inject ReportService reports;
  @Inject FileStore files;
  @Context HttpHeaders headers;

  private Locale locale() {
    return ProblemMappers.locale(headers);
  }

  /** Every report, newest first, with its signatures and files. */
  @GET
  public List<ReportRow> archive() {
    return reports.archive();
  }

  /** Generates a report in DRAFT: {@code {"type":"ERD","from":"2025-01-01","to":"2025-12-31"}} or {@code {"type":"TRANCHE_REQUEST","trancheId":2}}. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response generate(ReportService.GenerateRequest request) {
    return Response.status(201).entity(reports.generate(request, locale())).build();
  }

  @GET
  @Path("{id}")
  public ReportRow get(@PathParam("id") long id) {
    return reports.report(id);
  }

  /** Makes a draft's files again: {@code {"version":3}}. */
  @POST
  @Path("{id}/regenerate")
  @Consumes(MediaType.APPLICATION_JSON)
  public ReportRow regenerate(@PathParam("id") long id, ReportService.Regenerate request) {
    return reports.regenerate(id, request, locale());
  }

  /** One lifecycle step: {@code {"target":"SUBMITTED","on":"2026-03-02","version":5}}. */
  @POST
  @Path("{id}/transitions")
  @Consumes(MediaType.APPLICATION_JSON)
  public ReportRow transition(@PathParam("id") long id, ReportService.Transition transition) {
    return reports.transition(id, transition, locale());
  }

  /** Records a signature: {@code {"role":"PUBLIC_ACCOUNTANT","name":"…","quality":"Agent comptable","signedOn":"2026-03-02","version":4}}. */
  @POST
  @Path("{id}/signatures")
  @Consumes(MediaType.APPLICATION_JSON)
  public ReportRow sign(@PathParam("id") long id, ReportService.SignRequest request) {
    return reports.sign(id, request);
  }

  /** The scanned signed page of a signature (PDF or image as the body, its name in X-File-Name). */
  @POST
  @Path("{id}/signatures/{signatureId}/scan")
  @Consumes({"application/pdf", "image/png", "image/jpeg", MediaType.APPLICATION_OCTET_STREAM})
  public ReportRow scan(@PathParam("id") long id, @PathParam("signatureId") long signatureId, InputStream body, @HeaderParam("X-File-Name") String fileName) {
    return reports.attachScan(id, signatureId, body, fileName);
  }

  /** Downloads a file of the report (or a signature's scan). */
  @GET
  @Path("{id}/files/{fileId}")
  @Produces(MediaType.WILDCARD)
  public Response file(@PathParam("id") long id, @PathParam("fileId") long fileId) {
    return files.download(reports.file(id, fileId));
  }

  /** Re-verifies the stored files (and frozen data) against their SHA-256. */
  @GET
  @Path("{id}/verification")
  public Verification verify(@PathParam("id") long id) {
    return reports.verify(id);
  }

  /** The operator's verdicts on a submitted statement: {@code {"verdicts":[{"expenseIds":[1,2],"verdict":"ACCEPTED"}]}}. */
  @POST
  @Path("{id}/verdicts")
  @Consumes(MediaType.APPLICATION_JSON)
  public int verdicts(@PathParam("id") long id, ReportService.Verdicts request) {
    return reports.recordVerdicts(id, request);
  }
}
