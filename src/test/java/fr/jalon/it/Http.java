package fr.jalon.it;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An HTTP client for the tests: anonymous, HTTP Basic, or a browser-like session logged in through
 * the login form. Never follows redirects, so tests see the 302 to the login page.
 */
public final class Http {
  private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]*)\"");

  private final JalonServer server;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient client;
  private final String authorization;

  private Http(JalonServer server, String authorization) {
    this.server = server;
    this.authorization = authorization;
    this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
  }

  public static Http anonymous(JalonServer server) {
    return new Http(server, null);
  }

  public static Http basic(JalonServer server, String user, String password) {
    return new Http(server, "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
  }

  /** Logs in through the login page, as a person would; fails if the login is refused. */
  public static Http session(JalonServer server, String user, String password) {
    Http http = new Http(server, null);
    HttpResponse<String> result = http.login(user, password);
    if (result.statusCode() != 302) {
      throw new IllegalStateException("Connexion refusée pour " + user + " : " + result.statusCode());
    }
    return http;
  }

  /** Posts the login form; a success answers 302. */
  public HttpResponse<String> login(String user, String password) {
    String page = get("/login.xhtml").body();
    Map<String, String> form = new LinkedHashMap<>();
    form.put("loginForm", "loginForm");
    form.put("loginForm:username", user);
    form.put("loginForm:password", password);
    form.put("loginForm:submit", "");
    form.put("jakarta.faces.ViewState", viewState(page));
    return postForm("/login.xhtml", form);
  }

  public String cookie(String name) {
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).map(java.net.HttpCookie::getValue).findFirst().orElse(null);
  }

  public static String viewState(String page) {
    Matcher m = VIEW_STATE.matcher(page);
    if (!m.find()) {
      throw new IllegalStateException("Pas de ViewState dans la page");
    }
    return m.group(1);
  }

  public HttpResponse<String> get(String path) {
    return send(request(path).GET(), "");
  }

  public HttpResponse<byte[]> getBytes(String path) {
    try {
      return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public HttpResponse<String> get(String path, String acceptLanguage) {
    return send(request(path).header("Accept-Language", acceptLanguage).GET(), "");
  }

  public HttpResponse<String> json(String method, String path, String body) {
    return json(method, path, body, "fr");
  }

  public HttpResponse<String> json(String method, String path, String body, String acceptLanguage) {
    return send(request(path).header("Content-Type", "application/json").header("Accept-Language", acceptLanguage).header("X-Requested-With", "Jalon")
        .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)), body);
  }

  public HttpResponse<String> raw(String method, String path, String contentType, byte[] body) {
    return send(request(path).header("Content-Type", contentType).header("X-Requested-With", "Jalon").method(method, HttpRequest.BodyPublishers.ofByteArray(body)), "");
  }

  /** An upload whose file name travels in X-File-Name, as the file-store endpoints expect. */
  public HttpResponse<String> upload(String path, String contentType, String fileName, byte[] body) {
    return send(request(path).header("Content-Type", contentType).header("X-File-Name", fileName).header("Accept-Language", "fr").header("X-Requested-With", "Jalon")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)), "");
  }

  /** A write without the header Jalon's own pages send: what a form on another site would post. */
  public HttpResponse<String> foreignJson(String method, String path, String body) {
    return send(request(path).header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)), body);
  }

  public HttpResponse<String> postForm(String path, Map<String, String> form) {
    String body = form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
    return send(request(path).header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)), body);
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.base() + path)).timeout(Duration.ofSeconds(60));
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    return b;
  }

  private HttpResponse<String> send(HttpRequest.Builder builder, String ignored) {
    try {
      return client.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** True when the answer sends the visitor to the login page. */
  public static boolean redirectsToLogin(HttpResponse<?> r) {
    return r.statusCode() == 302 && r.headers().firstValue("Location").orElse("").contains("/login.xhtml");
  }
}
