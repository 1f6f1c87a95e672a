package fr.jalon.reporting;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Makes the files of one report type. Each is a CDI bean; {@link ReportService} finds the one whose
 * {@link #handles} answers true for a report's type, so a new report type plugs in by adding a
 * bean, without touching the lifecycle.
 */
public interface ReportGenerator {
  boolean handles(ReportType type);

  /**
   * Generates the files of {@code report} (a draft, already persisted) into {@code folder}; may
   * refuse with a RuleViolation that names what is wrong, in French.
   */
  Generated generate(Report report, Path folder, Locale locale);

  /** What a generation made: how many lines, their eligible total (zero when none), one file per format. */
  record Generated(int lines, BigDecimal eligible, Map<ReportFormat, Path> files) {}
}
