package fr.jalon.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The permission table covers everything the application exposes: a page or endpoint added
 * without a rule fails the build here (the integration tests then walk the table over HTTP).
 */
public class PermissionsTest {
  private static final java.nio.file.Path WEBAPP = java.nio.file.Path.of("src/main/webapp");

  /** One endpoint: HTTP method and path, as declared by the JAX-RS annotations. */
  public record Endpoint(String method, String path) {}

  static List<String> pages() throws IOException {
    try (Stream<java.nio.file.Path> files = Files.walk(WEBAPP)) {
      return files.filter(p -> p.toString().endsWith(".xhtml"))
          .map(p -> "/" + WEBAPP.relativize(p).toString().replace('\\', '/'))
          .filter(p -> !p.startsWith("/WEB-INF/"))
          .sorted()
          .toList();
    }
  }

  public static List<Endpoint> endpoints() throws IOException, URISyntaxException, ClassNotFoundException {
    java.nio.file.Path classes = java.nio.file.Path.of(Permissions.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<Endpoint> result = new ArrayList<>();
    List<String> names;
    try (Stream<java.nio.file.Path> files = Files.walk(classes)) {
      names = files.filter(p -> p.toString().endsWith(".class") && !p.getFileName().toString().contains("$"))
          .map(p -> classes.relativize(p).toString().replace('/', '.').replace('\\', '.').replaceAll("\\.class$", ""))
          .toList();
    }
    for (String name : names) {
      Class<?> type = Class.forName(name, false, PermissionsTest.class.getClassLoader());
      Path base = type.getAnnotation(Path.class);
      if (base == null) {
        continue;
      }
      for (Method m : type.getDeclaredMethods()) {
        String verb = m.isAnnotationPresent(GET.class) ? "GET" : m.isAnnotationPresent(POST.class) ? "POST"
            : m.isAnnotationPresent(PUT.class) ? "PUT" : m.isAnnotationPresent(DELETE.class) ? "DELETE" : null;
        if (verb == null) {
          continue;
        }
        Path sub = m.getAnnotation(Path.class);
        String path = ("/api/" + base.value() + "/" + (sub == null ? "" : sub.value())).replaceAll("/+", "/");
        if (path.length() > 1 && path.endsWith("/")) {
          path = path.substring(0, path.length() - 1);
        }
        result.add(new Endpoint(verb, path));
      }
    }
    return result;
  }

  @Test
  void everyPageHasARule() throws IOException {
    List<String> pages = pages();
    assertThat(pages).contains("/login.xhtml", "/index.xhtml", "/grant/grant.xhtml");
    for (String page : pages) {
      assertThat(Permissions.ruleFor(page)).as("rule for page %s", page).isPresent();
    }
  }

  @Test
  void everyEndpointHasARuleThatSomeRoleMayUse() throws Exception {
    List<Endpoint> endpoints = endpoints();
    assertThat(endpoints).contains(new Endpoint("GET", "/api/grant"), new Endpoint("PUT", "/api/grant"));
    for (Endpoint e : endpoints) {
      Permissions.Rule rule = Permissions.ruleFor(e.path()).orElse(null);
      assertThat(rule).as("rule for %s %s", e.method(), e.path()).isNotNull();
      assertThat(rule.kind()).as("kind of %s", e.path()).isEqualTo(Permissions.Kind.API);
      assertThat(rule.rolesFor(e.method())).as("roles for %s %s", e.method(), e.path()).isNotEmpty();
    }
  }

  @Test
  void everyRuleStillMatchesSomethingThatExists() throws Exception {
    Set<String> exposed = new java.util.HashSet<>(pages());
    endpoints().forEach(e -> exposed.add(e.path()));
    for (Permissions.Rule rule : Permissions.TABLE) {
      boolean platformOrStatic = rule.kind() == Permissions.Kind.PLATFORM || rule.pattern().endsWith("/*")
          || Set.of("/", "/health", "/favicon.ico").contains(rule.pattern());
      if (!platformOrStatic) {
        assertThat(exposed).as("something behind rule %s", rule.pattern()).contains(rule.pattern());
      }
    }
  }

  @Test
  void webXmlMakesPublicExactlyThePublicRules() throws IOException {
    String webXml = Files.readString(WEBAPP.resolve("WEB-INF/web.xml"));
    int publicStart = webXml.indexOf("<web-resource-name>Public</web-resource-name>");
    String publicBlock = webXml.substring(publicStart, webXml.indexOf("</web-resource-collection>", publicStart));
    Matcher m = Pattern.compile("<url-pattern>([^<]+)</url-pattern>").matcher(publicBlock);
    Set<String> declared = new java.util.TreeSet<>();
    while (m.find()) {
      declared.add(m.group(1));
    }
    Set<String> publicRules = Permissions.TABLE.stream().filter(r -> r.kind() == Permissions.Kind.PUBLIC).map(Permissions.Rule::pattern)
        .collect(Collectors.toCollection(java.util.TreeSet::new));
    assertThat(declared).isEqualTo(publicRules);
  }

  @Test
  void theMenuShowsEachRoleOnlyWhatItMayOpen() {
    assertThat(menuFor("BOARD")).containsExactly("/index.xhtml", "/dashboard/dashboard.xhtml", "/grant/grant.xhtml", "/grant/amendments.xhtml", "/grant/cofunding.xhtml", "/grant/tranches.xhtml", "/grant/copil.xhtml", "/plan/actions.xhtml", "/plan/budget.xhtml", "/plan/categories.xhtml", "/milestone/milestones.xhtml", "/milestone/timeline.xhtml", "/milestone/deliverables.xhtml", "/expense/expenses.xhtml", "/accounting/imports.xhtml", "/indicator/indicators.xhtml", "/reporting/reports.xhtml", "/reporting/narratives.xhtml", "/reporting/notifications.xhtml", "/audit/trail.xhtml", "/security/password.xhtml");
    assertThat(menuFor("FINANCE")).containsExactly("/index.xhtml", "/dashboard/dashboard.xhtml", "/grant/grant.xhtml", "/grant/amendments.xhtml", "/grant/cofunding.xhtml", "/grant/tranches.xhtml", "/grant/copil.xhtml", "/plan/actions.xhtml", "/plan/budget.xhtml", "/plan/categories.xhtml", "/milestone/milestones.xhtml", "/milestone/timeline.xhtml", "/milestone/deliverables.xhtml", "/expense/expenses.xhtml", "/accounting/imports.xhtml", "/indicator/indicators.xhtml", "/reporting/reports.xhtml", "/reporting/narratives.xhtml", "/reporting/notifications.xhtml", "/security/password.xhtml");
    assertThat(menuFor("PROJECT_MANAGER")).containsExactly("/index.xhtml", "/dashboard/dashboard.xhtml", "/grant/grant.xhtml", "/grant/amendments.xhtml", "/grant/cofunding.xhtml", "/grant/tranches.xhtml", "/grant/copil.xhtml", "/plan/actions.xhtml", "/plan/budget.xhtml", "/plan/categories.xhtml", "/milestone/milestones.xhtml", "/milestone/timeline.xhtml", "/milestone/deliverables.xhtml", "/expense/expenses.xhtml", "/accounting/imports.xhtml", "/indicator/indicators.xhtml", "/reporting/reports.xhtml", "/reporting/narratives.xhtml", "/reporting/notifications.xhtml", "/security/password.xhtml");
    assertThat(menuFor("ADMIN")).containsExactly("/index.xhtml", "/dashboard/dashboard.xhtml", "/grant/grant.xhtml", "/grant/edit.xhtml", "/grant/amendments.xhtml", "/grant/cofunding.xhtml", "/grant/tranches.xhtml", "/grant/copil.xhtml", "/plan/actions.xhtml", "/plan/budget.xhtml", "/plan/categories.xhtml", "/milestone/milestones.xhtml", "/milestone/timeline.xhtml", "/milestone/deliverables.xhtml", "/expense/expenses.xhtml", "/accounting/imports.xhtml", "/indicator/indicators.xhtml", "/reporting/reports.xhtml", "/reporting/narratives.xhtml", "/reporting/notifications.xhtml", "/security/users.xhtml", "/audit/trail.xhtml", "/security/password.xhtml");
  }

  @Test
  void pathTemplatesMatchOneSegment() {
    assertThat(Permissions.ruleFor("/api/users/12")).map(Permissions.Rule::pattern).contains("/api/users/{id}");
    assertThat(Permissions.ruleFor("/api/users/12/x")).isEmpty();
    assertThat(Permissions.ruleFor("/jakarta.faces.resource/theme.css")).map(Permissions.Rule::kind).contains(Permissions.Kind.PUBLIC);
  }

  static List<String> menuFor(String role) {
    return Permissions.MENU.stream().map(Permissions.MenuEntry::path).filter(p -> Permissions.mayOpen(p, Set.of(role))).toList();
  }
}
