package fr.jalon.accounting;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;

/**
 * {@code /api/imports}: finance uploads a FEC (raw body, file name in {@code X-File-Name}; the
 * action in {@code ?action=}, optional {@code source}, {@code prefixes}, {@code journals},
 * {@code analytic}) and gets the preview; confirms it by the file's id; reads the history; undoes
 * an import.
 */
@RequestScoped
@Path("imports")
@Produces(MediaType.APPLICATION_JSON)
public class ImportResource {
  @Inject ImportService imports;

  @GET
  public List<ImportRow> history() {
    return imports.history();
  }

  @POST
  @Path("preview")
  @Consumes({MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
  public ImportPreview preview(InputStream body, @HeaderParam("X-File-Name") String fileName, @QueryParam("action") Long action, @QueryParam("source") Long source,
      @QueryParam("prefixes") String prefixes, @QueryParam("journals") String journals, @QueryParam("analytic") String analytic) {
    return imports.upload(body, fileName, request(action, source, prefixes, journals, analytic));
  }

  /** Confirms the previewed file {@code fileId} with the same parameters. */
  @POST
  @Path("{fileId}/confirm")
  @Consumes(MediaType.APPLICATION_JSON)
  public ImportRow confirm(@PathParam("fileId") long fileId, ImportService.ImportRequest request) {
    return imports.confirm(fileId, request);
  }

  @POST
  @Path("{id}/undo")
  @Consumes(MediaType.APPLICATION_JSON)
  public ImportRow undo(@PathParam("id") long id, ImportService.UndoRequest request) {
    return imports.undo(id, request);
  }

  static ImportService.ImportRequest request(Long action, Long source, String prefixes, String journals, String analytic) {
    return new ImportService.ImportRequest(action, source, new FecSelection(list(prefixes), list(journals), analytic, java.util.Map.of()));
  }

  private static List<String> list(String csv) {
    return csv == null || csv.isBlank() ? List.of() : Arrays.stream(csv.split("[,; ]+")).filter(s -> !s.isBlank()).toList();
  }
}
