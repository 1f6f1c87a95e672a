package fr.jalon.platform;

import jakarta.persistence.EntityManager;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/** Platform services outside the container, for other capabilities' persistence tests. */
public final class PlatformFixtures {
  private PlatformFixtures() {}

  public static FileStore fileStore(EntityManager em, Path dataFolder, Clock clock) {
    FileStore files = new FileStore();
    files.em = em;
    files.settings = new Settings(dataFolder, Settings.Mode.PRODUCTION, Optional.empty(), 10L * 1024 * 1024, 200L * 1024 * 1024);
    files.clock = clock;
    return files;
  }
}
