package fr.jalon.dashboard;

import fr.jalon.dashboard.Dashboard.MilestoneLine;
import fr.jalon.grant.FundingNature;
import fr.jalon.grant.TrancheStatus;
import fr.jalon.milestone.MilestoneDates;
import fr.jalon.milestone.MilestoneStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The dashboard's own reads: money received per year and the milestones to watch, as counts and short lists. */
@ApplicationScoped
public class DashboardRepository {
  /** How many milestones the dashboard lists at most. */
  static final int WATCHED = 8;

  private static final String OPEN = "m.status IN (fr.jalon.milestone.MilestoneStatus.PLANNED, fr.jalon.milestone.MilestoneStatus.IN_PROGRESS)";
  private static final String NOT_CLOSED = "m.status NOT IN (fr.jalon.milestone.MilestoneStatus.VALIDATED, fr.jalon.milestone.MilestoneStatus.ABANDONED)";
  private static final String LINE = "SELECT m.id, m.code, m.title, a.code, m.baselineDate, m.forecastDate, m.status FROM Milestone m JOIN m.action a WHERE m.grant.id = :g AND ";

  @PersistenceContext EntityManager em;

  protected DashboardRepository() {}

  /** Outside the container (persistence tests). */
  public DashboardRepository(EntityManager em) {
    this.em = em;
  }

  /** Money received per calendar year: the PIA tranches received and the cash receipts of the other funders. */
  public Map<Integer, BigDecimal> receivedByYear(long grantId) {
    Map<Integer, BigDecimal> byYear = new TreeMap<>();
    // A handful of tranches; one received without its date (older data) counts in its planned year.
    for (Object[] r : em.createQuery("SELECT t.receivedOn, t.plannedDate, t.receivedAmount FROM Tranche t WHERE t.grant.id = :g AND t.status = :received", Object[].class)
        .setParameter("g", grantId)
        .setParameter("received", TrancheStatus.RECEIVED)
        .getResultList()) {
      LocalDate day = r[0] != null ? (LocalDate) r[0] : (LocalDate) r[1];
      if (r[2] != null) {
        byYear.merge(day.getYear(), (BigDecimal) r[2], BigDecimal::add);
      }
    }
    for (Object[] r : em.createQuery("SELECT r.receivedOn, SUM(r.amount) FROM CofundingReceipt r WHERE r.cofunding.grant.id = :g AND r.cofunding.nature = :cash"
            + " GROUP BY r.receivedOn", Object[].class)
        .setParameter("g", grantId)
        .setParameter("cash", FundingNature.CASH)
        .getResultList()) {
      byYear.merge(((LocalDate) r[0]).getYear(), (BigDecimal) r[1], BigDecimal::add);
    }
    byYear.replaceAll((y, v) -> v.setScale(2));
    return byYear;
  }

  public long milestoneCount(long grantId) {
    return count(grantId, "1 = 1", null);
  }

  /** Late: today past the baseline and not reached (rule 11, as {@link MilestoneDates#late}). */
  public long lateCount(long grantId, LocalDate today) {
    return count(grantId, OPEN + " AND m.baselineDate < :today", today);
  }

  /** Slipping: the forecast past the baseline while still open. */
  public long slippingCount(long grantId) {
    return count(grantId, NOT_CLOSED + " AND m.forecastDate > m.baselineDate", null);
  }

  public long validatedCount(long grantId) {
    return count(grantId, "m.status = fr.jalon.milestone.MilestoneStatus.VALIDATED", null);
  }

  /** Late ones first (oldest baseline first), then slipping ones, then the next ones due; at most {@link #WATCHED}. */
  public List<MilestoneLine> watched(long grantId, LocalDate today) {
    Set<MilestoneLine> lines = new LinkedHashSet<>();
    lines.addAll(lines(grantId, OPEN + " AND m.baselineDate < :today ORDER BY m.baselineDate, m.code", today, today));
    lines.addAll(lines(grantId, NOT_CLOSED + " AND m.forecastDate > m.baselineDate ORDER BY m.forecastDate, m.code", null, today));
    lines.addAll(lines(grantId, NOT_CLOSED + " AND m.baselineDate >= :today ORDER BY m.baselineDate, m.code", today, today));
    return List.copyOf(new ArrayList<>(lines).subList(0, Math.min(WATCHED, lines.size())));
  }

  private List<MilestoneLine> lines(long grantId, String where, LocalDate todayParam, LocalDate today) {
    var q = em.createQuery(LINE + where, Object[].class).setParameter("g", grantId).setMaxResults(WATCHED);
    if (todayParam != null) {
      q.setParameter("today", todayParam);
    }
    return q.getResultList().stream().map(r -> {
      LocalDate baseline = (LocalDate) r[4];
      LocalDate forecast = (LocalDate) r[5];
      MilestoneStatus status = (MilestoneStatus) r[6];
      return new MilestoneLine((Long) r[0], (String) r[1], (String) r[2], (String) r[3], baseline, forecast, status, MilestoneDates.late(baseline, status, today),
          MilestoneDates.slipping(baseline, forecast, status));
    }).toList();
  }

  private long count(long grantId, String where, LocalDate today) {
    var q = em.createQuery("SELECT COUNT(m) FROM Milestone m WHERE m.grant.id = :g AND " + where, Long.class).setParameter("g", grantId);
    if (today != null) {
      q.setParameter("today", today);
    }
    return q.getSingleResult();
  }
}
