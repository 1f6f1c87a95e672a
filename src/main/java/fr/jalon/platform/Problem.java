package fr.jalon.platform;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** An RFC 9457 problem document: what the API answers for every refusal or error. */
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {
  public static final String MEDIA_TYPE = "application/problem+json";

  public record FieldError(String field, String message) {}

  public Response toResponse() {
    return Response.status(status).type(MediaType.valueOf(MEDIA_TYPE + ";charset=UTF-8")).entity(this).build();
  }

  public static Response of(int status, String title, String detail) {
    return new Problem("about:blank", title, status, detail, List.of()).toResponse();
  }
}
