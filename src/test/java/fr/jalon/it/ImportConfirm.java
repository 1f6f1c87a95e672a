package fr.jalon.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/**
 * Confirms an import over REST as a client must: POST confirm answers 202 with the progress URL,
 * then the progress is polled until the confirm is over (CONFIRMED or FAILED).
 */
final class ImportConfirm {
  private ImportConfirm() {}

  /** Starts the confirm of {@code fileId} with {@code body} and returns the final progress (its {@code result} the import when confirmed). */
  static String confirm(Http session, long fileId, String body) {
    HttpResponse<String> started = session.json("POST", "/api/imports/" + fileId + "/confirm", body);
    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    assertThat(started.body()).contains("Import lancé");
    String location = started.headers().firstValue("Location").orElseThrow();
    assertThat(location).endsWith("/api/imports/" + fileId + "/progress");
    return waitFor(session, fileId);
  }

  /** Polls the progress of {@code fileId} until its confirm is over; its last state. */
  static String waitFor(Http session, long fileId) {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    while (true) {
      HttpResponse<String> progress = session.get("/api/imports/" + fileId + "/progress");
      assertThat(progress.statusCode()).as(progress.body()).isEqualTo(200);
      if (progress.body().contains("\"done\":true")) {
        assertThat(progress.body()).containsAnyOf("\"status\":\"CONFIRMED\"", "\"status\":\"FAILED\"");
        return progress.body();
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("Import " + fileId + " toujours en cours : " + progress.body());
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
