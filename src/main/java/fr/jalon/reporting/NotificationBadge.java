package fr.jalon.reporting;

import fr.jalon.platform.AccessDeniedException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The unread count shown in the page header, read once per request. */
@Named
@RequestScoped
public class NotificationBadge {
  @Inject NotificationService notifications;
  private Long unread;

  public long getUnread() {
    if (unread == null) {
      try {
        unread = notifications.unread();
      } catch (AccessDeniedException e) {
        unread = 0L;
      }
    }
    return unread;
  }
}
