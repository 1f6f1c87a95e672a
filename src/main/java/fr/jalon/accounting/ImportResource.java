package fr.jalon.accounting;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;

/**
 * {@code /api/imports}: finance uploads a FEC (raw body, file name in {@code X-File-Name}; the
 * action in {@code ?action=}, optional {@code source}, {@code prefixes}, {@code journals},
 * {@code analytic}) and gets the preview; confirms it by the file's id (in the background, followed
 * through its progress); reads the history; undoes
 * an import. CSV files from other software: {@code csv/preview} with a saved (or guessed) column
 * mapping, then the same confirm. The selection and mappings saved per grant under {@code settings}.
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
    return imports.upload(body, fileName, withSavedMapping(request(action, source, prefixes, journals, analytic)));
  }

  /**
   * Uploads a CSV and previews it with the column mapping saved under {@code profile} (default
   * « défaut »), or, when none is saved, one guessed from the headers.
   */
  @POST
  @Path("csv/preview")
  @Consumes({MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM, "text/csv"})
  public ImportPreview previewCsv(InputStream body, @HeaderParam("X-File-Name") String fileName, @QueryParam("action") Long action, @QueryParam("source") Long source,
      @QueryParam("profile") String profile) {
    ImportService.Uploaded file = imports.receive(body, fileName == null ? "import.csv" : fileName);
    return imports.preview(file.fileId(), imports.csvRequest(file.fileId(), profile, action, source));
  }

  /** The answer to a confirm: it has started; {@code progress} (also the Location) follows it to its outcome. */
  public record Started(long fileId, String message, String progress, ImportProgress.State state) {}

  /**
   * Starts confirming the previewed file {@code fileId} with the same parameters (202 Accepted: it
   * runs in the background; {@code GET {fileId}/progress} tells how far it has gone, then the import
   * confirmed or why it failed); 409 while a confirm of the same file runs. A CSV previewed with a
   * saved (or guessed) mapping may name it by {@code profile} instead of giving {@code csv}.
   */
  @POST
  @Path("{fileId}/confirm")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response confirm(@PathParam("fileId") long fileId, ImportService.ImportRequest request, @Context HttpHeaders headers, @Context UriInfo uri) {
    ImportService.ImportRequest r = request != null && request.csv() == null && request.profile() != null && !request.profile().isBlank()
        ? imports.csvRequest(fileId, request.profile(), request.actionId(), request.sourceId())
        : request == null || request.csv() != null ? request : withSavedMapping(request);
    java.util.Locale locale = fr.jalon.platform.ProblemMappers.locale(headers);
    ImportProgress.State state = imports.start(fileId, r, locale);
    URI progress = uri.getBaseUriBuilder().path(ImportResource.class).path(ImportResource.class, "progress").build(fileId);
    return Response.accepted(new Started(fileId, fr.jalon.platform.Messages.get(locale, "import.confirm.started"), progress.getPath(), state)).location(progress).build();
  }

  /** A FEC request without an account mapping takes the one saved for the grant (or the categories' prefixes); no selection given means every entry. */
  private ImportService.ImportRequest withSavedMapping(ImportService.ImportRequest r) {
    FecSelection s = r.selection() == null ? FecSelection.everything() : r.selection();
    if (s.categoryByPrefix() != null && !s.categoryByPrefix().isEmpty()) {
      return r;
    }
    FecSelection saved = imports.savedSettings(ImportProfile.FEC, null).selection();
    return ImportService.ImportRequest.fec(r.actionId(), r.sourceId(),
        new FecSelection(s.accountPrefixes(), s.journals(), s.analyticCode(), saved == null ? java.util.Map.of() : saved.categoryByPrefix()));
  }

  /** How far the reading (a preview) or the confirm of an uploaded file has gone (for a progress bar), and a confirm's outcome. */
  @GET
  @Path("{fileId}/progress")
  public ImportProgress.State progress(@PathParam("fileId") long fileId) {
    ImportProgress.State state = imports.progress(fileId);
    if (state == null) {
      throw new fr.jalon.platform.NotFoundException(fr.jalon.platform.Messages.get("import.progress.none"));
    }
    return state;
  }

  /** The FEC selection and account-to-category mapping saved (or the defaults). */
  @GET
  @Path("settings/fec")
  public ImportService.ImportRequest fecSettings() {
    return imports.savedSettings(ImportProfile.FEC, null);
  }

  @PUT
  @Path("settings/fec")
  @Consumes(MediaType.APPLICATION_JSON)
  public ImportService.ImportRequest saveFecSettings(ImportService.ImportRequest request) {
    return imports.saveSettings(ImportProfile.FEC, null, request);
  }

  /** The CSV column mapping saved under {@code profile} (or the defaults). */
  @GET
  @Path("settings/csv/{profile}")
  public ImportService.ImportRequest csvSettings(@PathParam("profile") String profile) {
    return imports.savedSettings(ImportProfile.CSV, profile);
  }

  @PUT
  @Path("settings/csv/{profile}")
  @Consumes(MediaType.APPLICATION_JSON)
  public ImportService.ImportRequest saveCsvSettings(@PathParam("profile") String profile, ImportService.ImportRequest request) {
    return imports.saveSettings(ImportProfile.CSV, profile, request);
  }

  @POST
  @Path("{id}/undo")
  @Consumes(MediaType.APPLICATION_JSON)
  public ImportRow undo(@PathParam("id") long id, ImportService.UndoRequest request) {
    return imports.undo(id, request);
  }

  static ImportService.ImportRequest request(Long action, Long source, String prefixes, String journals, String analytic) {
    return ImportService.ImportRequest.fec(action, source, new FecSelection(list(prefixes), list(journals), analytic, java.util.Map.of()));
  }

  private static List<String> list(String csv) {
    return csv == null || csv.isBlank() ? List.of() : Arrays.stream(csv.split("[,; ]+")).filter(s -> !s.isBlank()).toList();
  }
}
