package fr.jalon.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file store's size limits: an import file above JALON_IMPORT_MAX_MB is refused in French, and nothing of it is left behind. */
class FileStoreLimitTest {
  @Test
  void anImportAboveItsLimitIsRefusedNamingTheSettingAndLeavesNothing(@TempDir Path data) throws Exception {
    FileStore store = new FileStore();
    store.settings = new Settings(data, Settings.Mode.DEMO, Optional.empty(), 20L * 1024 * 1024, 1024L * 1024);
    InputStream twoMegabytes = new InputStream() {
      long left = 2L * 1024 * 1024;

      @Override
      public int read() {
        return left-- > 0 ? 'a' : -1;
      }
    };
    assertThatThrownBy(() -> store.store(twoMegabytes, "grand.csv", Set.of(FileKind.TEXT), "file", "finance", store.settings.importMaxBytes(), "import.file.tooLarge"))
        .isInstanceOf(RuleViolation.class)
        .hasMessage("Fichier trop volumineux : un import accepte au plus 1 Mo (réglage JALON_IMPORT_MAX_MB).");
    try (var files = Files.list(store.settings.fileStoreFolder())) {
      assertThat(files).isEmpty();
    }
  }
}
