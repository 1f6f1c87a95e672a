package fr.jalon.security;

import fr.jalon.platform.AccessDeniedException;
import jakarta.annotation.Priority;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.security.enterprise.SecurityContext;
import java.lang.reflect.Method;

/**
 * Enforces {@code @RolesAllowed} on CDI beans, which Payara does not do by itself (only EJBs):
 * the URL rules are the first wall, this is the second. A method's annotation wins over its
 * class's; {@code @PermitAll} lets every caller in, logged in or not.
 */
@RolesAllowed({})
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 10)
public class RolesAllowedInterceptor {
  @Inject SecurityContext securityContext;

  @AroundInvoke
  public Object check(InvocationContext context) throws Exception {
    Method method = context.getMethod();
    if (!SystemCaller.active() && !allowed(method)) {
      throw new AccessDeniedException("Accès refusé à " + method.getDeclaringClass().getSimpleName() + "." + method.getName());
    }
    return context.proceed();
  }

  private boolean allowed(Method method) {
    if (method.isAnnotationPresent(PermitAll.class)) {
      return true;
    }
    if (method.isAnnotationPresent(DenyAll.class)) {
      return false;
    }
    RolesAllowed roles = method.getAnnotation(RolesAllowed.class);
    if (roles == null) {
      Class<?> type = method.getDeclaringClass();
      if (type.isAnnotationPresent(PermitAll.class)) {
        return true;
      }
      roles = type.getAnnotation(RolesAllowed.class);
    }
    if (roles == null) {
      return true;
    }
    if (securityContext.getCallerPrincipal() == null) {
      return false;
    }
    for (String role : roles.value()) {
      if (CallerRoles.has(securityContext, role)) {
        return true;
      }
    }
    return false;
  }
}
