package fr.jalon.bench.run;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * HTTP/1.1 requests with a cookie jar, logged in through Jalon's own login form: a session, not
 * HTTP Basic, which would re-hash the password on every call (STACK.md gotcha 16).
 */
public final class HttpSession {
  private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta\\.faces\\.ViewState\"[^>]*?value=\"([^\"]+)\"");

  private final URI base;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient client;

  private HttpSession(URI base) {
    this.base = base;
    this.client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER)
        .cookieHandler(cookies)
        .connectTimeout(Duration.ofSeconds(5))
        .build();
  }

  public static HttpSession anonymous(URI base) {
    return new HttpSession(base);
  }

  /** Logs in with the form; fails unless Jalon redirects away from the login page. */
  public static HttpSession login(URI base, String username, String password) throws IOException, InterruptedException {
    HttpSession session = new HttpSession(base);
    HttpResponse<String> page = session.client.send(session.request("/login.xhtml").GET().build(), HttpResponse.BodyHandlers.ofString());
    Matcher viewState = VIEW_STATE.matcher(page.body());
    if (page.statusCode() != 200 || !viewState.find()) {
      throw new IllegalStateException("No login form at /login.xhtml (HTTP " + page.statusCode() + ")");
    }
    Map<String, String> form = new LinkedHashMap<>();
    form.put("loginForm", "loginForm");
    form.put("loginForm:username", username);
    form.put("loginForm:password", password);
    form.put("loginForm:submit", "");
    form.put("jakarta.faces.ViewState", viewState.group(1));
    String body = form.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    HttpResponse<String> answer = session.client.send(
        session.request("/login.xhtml").header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    String location = answer.headers().firstValue("Location").orElse("");
    if (answer.statusCode() / 100 != 3 || location.contains("login")) {
      throw new IllegalStateException("Login as " + username + " refused (HTTP " + answer.statusCode() + ", Location " + location + ")");
    }
    return session;
  }

  /** A GET whose body is read in full; the caller checks the status. */
  public HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
    return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  /**
   * A POST on the session, with the header Jalon asks of every change made on the strength of a
   * session cookie; the caller checks the status.
   */
  public HttpResponse<String> post(String path, String contentType, HttpRequest.BodyPublisher body, Map<String, String> headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = request(path).timeout(Duration.ofMinutes(60)).header("Content-Type", contentType).header("X-Requested-With", "Jalon");
    headers.forEach(request::header);
    return client.send(request.POST(body).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The session cookies as one Cookie header, for wrk. */
  public String cookieHeader() {
    return cookies.getCookieStore().get(base).stream().map(HttpCookie::toString).collect(Collectors.joining("; "));
  }

  public URI base() {
    return base;
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60));
  }
}
