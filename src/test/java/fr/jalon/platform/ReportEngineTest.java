package fr.jalon.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import net.sf.jasperreports.engine.JasperReport;
import org.junit.jupiter.api.Test;

/** Reports come compiled from the build; a design without its .jasper is still compiled on use. */
class ReportEngineTest {

  @Test
  void theBuildCompilesEveryDesignOfTheReportsFolder() throws IOException {
    try (Stream<Path> designs = Files.list(Path.of("reports"))) {
      assertThat(designs.filter(p -> p.toString().endsWith(".jrxml")))
          .isNotEmpty()
          .allSatisfy(p -> assertThat(ReportEngine.class.getResource("/reports/" + p.getFileName().toString().replace(".jrxml", ".jasper")))
              .as("compiled %s", p.getFileName()).isNotNull());
    }
  }

  @Test
  void aCompiledReportIsLoadedAndCached() {
    ReportEngine engine = new ReportEngine();
    JasperReport report = engine.design("fiche-convention");
    assertThat(report.getName()).isNotBlank();
    assertThat(engine.design("fiche-convention")).isSameAs(report);
  }
}
