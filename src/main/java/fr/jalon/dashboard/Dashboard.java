package fr.jalon.dashboard;

import fr.jalon.dashboard.ReportCalendar.ReportType;
import fr.jalon.dashboard.ReportCalendar.Warning;
import fr.jalon.execution.Figure;
import fr.jalon.grant.TrancheKind;
import fr.jalon.grant.TrancheStatus;
import fr.jalon.milestone.MilestoneStatus;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What the board's dashboard shows, as {@code GET /api/dashboard} serves it. Expense amounts are
 * eligible amounts; planned amounts come from the approved budget in force. Every list carries the
 * ids the page needs to link each figure to the lines behind it. {@code received} is the money
 * received over the grant (PIA tranches and the other funders' cash), the sum of the years'.
 */
public record Dashboard(
    String grantReference,
    String grantTitle,
    LocalDate today,
    Figures total,
    BigDecimal received,
    List<YearFigures> years,
    List<LineFigures> categories,
    List<LineFigures> actions,
    CofundingFigures cofunding,
    TrancheFigures tranches,
    MilestoneFigures milestones,
    ReportFigures reports,
    IndicatorFigures indicators) implements Serializable {

  /**
   * Budget against actual (the budget execution figures): planned, committed, paid, declared and
   * accepted eligible amounts; still to pay = committed − paid; available = planned − committed;
   * consumption rate = paid ÷ planned in percent, rounded down (null without a plan).
   */
  public record Figures(BigDecimal planned, BigDecimal committed, BigDecimal paid, BigDecimal declared, BigDecimal accepted, BigDecimal stillToPay,
      BigDecimal available, BigDecimal consumptionRate, boolean overBudget) implements Serializable {
    public static Figures of(BigDecimal planned, BigDecimal committed, BigDecimal paid, BigDecimal declared, BigDecimal accepted) {
      Figure f = new Figure(null, null, null, null, null, null, null, planned, committed, paid, declared, accepted);
      return new Figures(planned, committed, paid, declared, accepted, f.stillToPay(), f.available(), f.consumptionRate(), f.overBudget());
    }
  }

  /** One year of the grant: planned, committed and paid (a paid expense counts in its payment year), money received that year. */
  public record YearFigures(int year, BigDecimal planned, BigDecimal committed, BigDecimal paid, BigDecimal received) implements Serializable {}

  /** One category or one action with its figures; {@code id} filters the expense list. */
  public record LineFigures(Long id, String code, String label, Figures figures) implements Serializable {}

  /** Rule 8's co-funding ratio on commitments and on money received, against the grant's minimum. */
  public record CofundingFigures(
      BigDecimal plannedEligibleCost,
      BigDecimal totalCommitted,
      BigDecimal totalReceived,
      BigDecimal nonPiaCommitted,
      BigDecimal inKindCommitted,
      BigDecimal ratioCommitted,
      BigDecimal ratioReceived,
      BigDecimal minimumRatio,
      boolean ratioCommittedOk,
      boolean ratioReceivedOk) implements Serializable {}

  /** The PIA tranches with their conditions as evaluated now. */
  public record TrancheFigures(BigDecimal maxPiaAmount, BigDecimal piaReceived, BigDecimal spendRatio, List<TrancheLine> tranches) implements Serializable {}

  public record TrancheLine(Long id, int number, TrancheKind kind, TrancheStatus status, BigDecimal plannedAmount, LocalDate plannedDate,
      BigDecimal receivedAmount, LocalDate receivedOn, List<Condition> conditions) implements Serializable {}

  public record Condition(String text, boolean met) implements Serializable {}

  /** Counts, then the milestones to look at: late first, then slipping, then the next ones due. */
  public record MilestoneFigures(long total, long late, long slipping, long validated, List<MilestoneLine> watched) implements Serializable {}

  public record MilestoneLine(Long id, String code, String title, String actionCode, LocalDate baselineDate, LocalDate forecastDate,
      MilestoneStatus status, boolean late, boolean slipping) implements Serializable {}

  /** The reports due, late first; {@code submissionsTracked} false while no report archive tells what was submitted. */
  public record ReportFigures(List<ReportDue> due, boolean submissionsTracked) implements Serializable {}

  public record ReportDue(ReportType type, LocalDate periodStart, LocalDate periodEnd, LocalDate dueDate, long daysLeft, Warning warning) implements Serializable {}

  /** The key indicators of one school year against their targets. */
  public record IndicatorFigures(int schoolYear, String schoolYearLabel, List<IndicatorLine> indicators) implements Serializable {}

  public record IndicatorLine(Long id, String code, String label, String unit, BigDecimal target, BigDecimal value, BigDecimal achievement, boolean reached)
      implements Serializable {}
}
