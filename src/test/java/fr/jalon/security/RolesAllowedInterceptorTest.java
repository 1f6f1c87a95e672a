package fr.jalon.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.jalon.platform.AccessDeniedException;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.interceptor.InvocationContext;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.security.Principal;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The second wall: a service method refuses a caller without one of its roles, whatever URL led
 * there. (Payara does not enforce {@code @RolesAllowed} on CDI beans by itself.)
 */
class RolesAllowedInterceptorTest {

  @RolesAllowed("ADMIN")
  static class Service {
    public String administer() {
      return "fait";
    }

    @RolesAllowed({"FINANCE", "BOARD"})
    public String read() {
      return "lu";
    }

    @PermitAll
    public String open() {
      return "ouvert";
    }
  }

  private static Object call(String method, String user, Set<String> roles) throws Exception {
    RolesAllowedInterceptor interceptor = new RolesAllowedInterceptor();
    interceptor.securityContext = new Caller(user, roles);
    Method m = Service.class.getMethod(method);
    return interceptor.check(new Invocation(m, () -> m.invoke(new Service())));
  }

  @Test
  void aMethodRefusesCallersWithoutOneOfItsRoles() throws Exception {
    assertThat(call("read", "finance", Set.of("FINANCE"))).isEqualTo("lu");
    assertThatThrownBy(() -> call("read", "projet", Set.of("PROJECT_MANAGER"))).isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void theClassRolesApplyWhereTheMethodSaysNothing() throws Exception {
    assertThat(call("administer", "admin", Set.of("ADMIN"))).isEqualTo("fait");
    assertThatThrownBy(() -> call("administer", "finance", Set.of("FINANCE", "BOARD"))).isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void nobodyLoggedInIsRefusedExceptWherePermitted() throws Exception {
    assertThatThrownBy(() -> call("administer", null, Set.of())).isInstanceOf(AccessDeniedException.class);
    assertThat(call("open", null, Set.of())).isEqualTo("ouvert");
  }

  @Test
  void theSystemCallerPassesForStartUpWork() throws Exception {
    assertThat(SystemCaller.call(() -> {
      try {
        return call("administer", null, Set.of());
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    })).isEqualTo("fait");
    assertThat(SystemCaller.active()).isFalse();
  }

  @Test
  void theSystemCallerActingForAUserPassesAndNamesThatUserOnlyWhileItActs() {
    assertThat(SystemCaller.callAs("finance", () -> SystemCaller.active() + " " + SystemCaller.onBehalfOf())).isEqualTo("true finance");
    assertThat(SystemCaller.call(SystemCaller::onBehalfOf)).isNull();
    assertThat(SystemCaller.active()).isFalse();
    assertThat(SystemCaller.onBehalfOf()).isNull();
  }

  @Test
  void inAWebRequestTheServletRequestAnswersAndElsewhereTheSecurityContext() throws Exception {
    // The security context here says "finance", the request "board": which one answered shows.
    HttpServletRequest request = (HttpServletRequest) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
          case "isUserInRole" -> "BOARD".equals(args[0]);
          default -> throw new UnsupportedOperationException(method.getName());
        });
    CallerRoles.hold(request);
    try {
      assertThat(CallerRoles.has(new Caller("finance", Set.of("FINANCE")), "BOARD")).isTrue();
      assertThat(CallerRoles.has(new Caller("finance", Set.of("FINANCE")), "FINANCE")).isFalse();
    } finally {
      CallerRoles.release();
    }
    assertThat(CallerRoles.has(new Caller("finance", Set.of("FINANCE")), "FINANCE")).isTrue();
    assertThat(CallerRoles.has(new Caller("finance", Set.of("FINANCE")), "BOARD")).isFalse();
  }

  /** A caller with a name and roles. */
  record Caller(String name, Set<String> roles) implements SecurityContext {
    @Override
    public Principal getCallerPrincipal() {
      return name == null ? null : () -> name;
    }

    @Override
    public <T extends Principal> Set<T> getPrincipalsByType(Class<T> type) {
      return Set.of();
    }

    @Override
    public boolean isCallerInRole(String role) {
      return roles.contains(role);
    }

    @Override
    public Set<String> getAllDeclaredCallerRoles() {
      return roles;
    }

    @Override
    public boolean hasAccessToWebResource(String resource, String... methods) {
      return false;
    }

    @Override
    public AuthenticationStatus authenticate(HttpServletRequest request, HttpServletResponse response, AuthenticationParameters parameters) {
      return AuthenticationStatus.NOT_DONE;
    }
  }

  interface Work {
    Object run() throws Exception;
  }

  record Invocation(Method method, Work work) implements InvocationContext {
    @Override
    public Object getTarget() {
      return null;
    }

    @Override
    public Object getTimer() {
      return null;
    }

    @Override
    public Method getMethod() {
      return method;
    }

    @Override
    public Constructor<?> getConstructor() {
      return null;
    }

    @Override
    public Object[] getParameters() {
      return new Object[0];
    }

    @Override
    public void setParameters(Object[] parameters) {}

    @Override
    public Map<String, Object> getContextData() {
      return new HashMap<>();
    }

    @Override
    public Object proceed() throws Exception {
      return work.run();
    }
  }
}
