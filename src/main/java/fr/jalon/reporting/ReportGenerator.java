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
   * What must be taken and frozen before the files are made, in a short transaction of its own
   * (an expense statement claims its expenses and copies its lines); may refuse with a
   * RuleViolation. Returns how many lines it froze and their eligible total, or null (nothing to freeze).
   */
  default Counts prepare(Report report) {
    return null;
  }

  /**
   * Generates the files of {@code report} (a draft, already committed) into {@code folder}, outside
   * any transaction of the lifecycle: it reads committed data and holds no lock for long. May
   * refuse with a RuleViolation that names what is wrong, in French.
   */
  Generated generate(Report report, Path folder, Locale locale);

  /** How many lines a generation froze and their eligible total. */
  record Counts(int lines, BigDecimal eligible) {}

  /** What a generation made: how many lines, their eligible total (zero when none), one file per format. */
  record Generated(int lines, BigDecimal eligible, Map<ReportFormat, Path> files) {}
}
