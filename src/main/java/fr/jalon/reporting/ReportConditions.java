package fr.jalon.reporting;

import fr.jalon.grant.ConditionEvaluator;
import fr.jalon.grant.ConditionKind;
import fr.jalon.platform.Dates;
import fr.jalon.platform.Messages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Locale;
import java.util.Optional;

/**
 * Answers the tranches' REPORT_ACCEPTED conditions live (rules 9 and 10): met when the latest
 * version of a report of that type is ACCEPTED, e.g. the balance tranche's FINAL_PROGRESS and FINAL_ERD.
 */
@ApplicationScoped
public class ReportConditions implements ConditionEvaluator {
  @PersistenceContext EntityManager em;

  @Override
  public Optional<Verdict> evaluate(ConditionKind kind, Long milestoneId, String reportType) {
    if (kind != ConditionKind.REPORT_ACCEPTED || reportType == null) {
      return Optional.empty();
    }
    ReportType type;
    try {
      type = ReportType.valueOf(reportType.trim());
    } catch (IllegalArgumentException unknown) {
      return Optional.of(new Verdict(false, Messages.get(Locale.FRENCH, "report.condition.unknownType", reportType)));
    }
    String label = Messages.get(Locale.FRENCH, "reportType." + type.name());
    Optional<Report> latest = em.createQuery("SELECT r FROM Report r WHERE r.type = :t ORDER BY r.reportVersion DESC, r.id DESC", Report.class)
        .setParameter("t", type).setMaxResults(1).getResultStream().findFirst();
    if (latest.isEmpty()) {
      return Optional.of(new Verdict(false, Messages.get(Locale.FRENCH, "report.condition.none", label)));
    }
    Report r = latest.get();
    if (r.status() == ReportStatus.ACCEPTED) {
      return Optional.of(new Verdict(true, Messages.get(Locale.FRENCH, "report.condition.accepted", label, r.reportVersion(), Dates.format(r.answeredOn()))));
    }
    return Optional.of(new Verdict(false, Messages.get(Locale.FRENCH, "report.condition.open", label, r.reportVersion(), Messages.get(Locale.FRENCH, "report.status." + r.status().name()))));
  }
}
