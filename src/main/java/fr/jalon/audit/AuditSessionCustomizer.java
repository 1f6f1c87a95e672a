package fr.jalon.audit;

import org.eclipse.persistence.sessions.SessionCustomizer;
import org.eclipse.persistence.descriptors.ClassDescriptor;
import org.eclipse.persistence.sessions.Session;

/** Registers the {@link AuditListener} on every entity that implements {@link Audited}. */
public class AuditSessionCustomizer implements SessionCustomizer {
  @Override
  public void customize(Session session) {
    AuditListener listener = new AuditListener();
    for (ClassDescriptor descriptor : session.getDescriptors().values()) {
      if (Audited.class.isAssignableFrom(descriptor.getJavaClass())) {
        descriptor.getEventManager().addListener(listener);
      }
    }
  }
}
