package fr.jalon.platform;

import org.eclipse.persistence.sessions.SessionEvent;
import org.eclipse.persistence.sessions.SessionEventAdapter;

/**
 * Takes the data folder before EclipseLink's first connection. Payara deploys the persistence unit
 * (and connects) before the application's start-up code runs, so without this a second Jalon on
 * the same folder would fail deep inside Derby (XSDB6) and stay up answering 404.
 */
public class DataFolderSessionListener extends SessionEventAdapter {
  @Override
  public void preLogin(SessionEvent event) {
    Bootstrap.holdDataFolder(Settings.fromEnvironment());
  }
}
