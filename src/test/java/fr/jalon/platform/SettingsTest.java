package fr.jalon.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {
  private static Settings from(Map<String, String> env) {
    return Settings.from(env, key -> null);
  }

  @Test
  void productionModeAndDataFolderByDefault() {
    Settings s = from(Map.of());
    assertThat(s.mode()).isEqualTo(Settings.Mode.PRODUCTION);
    assertThat(s.dataFolder()).isEqualTo(Path.of("data").toAbsolutePath().normalize());
    assertThat(s.firstAdminPassword()).isEmpty();
    assertThat(s.uploadMaxBytes()).isEqualTo(20L * 1024 * 1024);
  }

  @Test
  void environmentChoosesModeFolderAndLimits() {
    Settings s = from(Map.of("JALON_MODE", "demo", "JALON_DATA", "/srv/jalon", "JALON_UPLOAD_MAX_MB", "5", "JALON_ADMIN_PASSWORD", "un mot de passe long"));
    assertThat(s.demo()).isTrue();
    assertThat(s.dataFolder()).isEqualTo(Path.of("/srv/jalon"));
    assertThat(s.uploadMaxBytes()).isEqualTo(5L * 1024 * 1024);
    assertThat(s.firstAdminPassword()).contains("un mot de passe long");
  }

  @Test
  void aSystemPropertyWinsOverTheEnvironment() {
    Settings s = Settings.from(Map.of("JALON_MODE", "production"), key -> "JALON_MODE".equals(key) ? "demo" : null);
    assertThat(s.demo()).isTrue();
  }

  @Test
  void anUnknownModeStopsTheStartWithAFrenchMessage() {
    assertThatThrownBy(() -> from(Map.of("JALON_MODE", "test"))).isInstanceOf(StartupException.class).hasMessageContaining("valeurs admises");
    assertThatThrownBy(() -> from(Map.of("JALON_UPLOAD_MAX_MB", "beaucoup"))).isInstanceOf(StartupException.class).hasMessageContaining("JALON_UPLOAD_MAX_MB");
  }

  @Test
  void importsTakeUpTo200MbByDefaultOrWhatJalonImportMaxMbSays() {
    assertThat(from(Map.of()).importMaxBytes()).isEqualTo(200L * 1024 * 1024);
    assertThat(from(Map.of("JALON_IMPORT_MAX_MB", "500")).importMaxBytes()).isEqualTo(500L * 1024 * 1024);
    assertThatThrownBy(() -> from(Map.of("JALON_IMPORT_MAX_MB", "deux cents"))).isInstanceOf(StartupException.class).hasMessageContaining("JALON_IMPORT_MAX_MB");
    assertThatThrownBy(() -> from(Map.of("JALON_IMPORT_MAX_MB", "0"))).isInstanceOf(StartupException.class).hasMessageContaining("entre 1 et 2048");
    assertThatThrownBy(() -> from(Map.of("JALON_IMPORT_MAX_MB", "4096"))).isInstanceOf(StartupException.class).hasMessageContaining("entre 1 et 2048");
  }

  @Test
  void aHeldDataFolderIsRefusedWithAClearMessage(@org.junit.jupiter.api.io.TempDir Path folder) {
    try (DataFolderLock first = DataFolderLock.acquire(folder)) {
      assertThatThrownBy(() -> DataFolderLock.acquire(folder)).isInstanceOf(StartupException.class)
          .hasMessageContaining("déjà utilisé par un autre processus Jalon");
    }
    DataFolderLock.acquire(folder).close();
  }
}
