package fr.jalon.dashboard;

import fr.jalon.dashboard.ReportCalendar.ReportType;
import java.time.LocalDate;

/**
 * Tells the dashboard whether the report of one period has been submitted. The reporting
 * capability answers it from its archive, as a CDI bean found through
 * {@code Instance<ReportSubmissions>}; until one exists the dashboard says submissions are not
 * tracked and lists only the latest past period of each type as late.
 */
public interface ReportSubmissions {
  boolean submitted(ReportType type, LocalDate periodEnd);
}
