package fr.jalon.security;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.util.Nonbinding;

/**
 * Makes {@code @RolesAllowed} an interceptor binding (whatever roles it lists) so that
 * {@link RolesAllowedInterceptor} runs on every CDI bean method it annotates.
 */
public class SecurityExtension implements Extension {
  void register(@Observes BeforeBeanDiscovery discovery) {
    discovery.configureInterceptorBinding(RolesAllowed.class).methods().forEach(m -> m.add(Nonbinding.Literal.INSTANCE));
  }
}
