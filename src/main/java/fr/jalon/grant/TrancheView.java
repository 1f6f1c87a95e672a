package fr.jalon.grant;

import fr.jalon.platform.Faces;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The tranche page: every role reads the schedule and its live conditions; the administrator
 * schedules, suspends and cancels; finance requests and records receipts.
 */
@Named
@ViewScoped
public class TrancheView extends FundingPage {
  @Inject TrancheService tranches;
  @Inject Clock clock;

  private TrancheOverview overview;
  private TrancheRow selected;

  // Schedule form (new or edited tranche)
  private boolean creating;
  private Integer number;
  private TrancheKind kind = TrancheKind.INTERIM;
  private BigDecimal plannedAmount;
  private LocalDate plannedDate;
  private BigDecimal minSpendRatio;
  private String milestones;
  private String reports;

  // Request, receipt, suspension or cancellation
  private BigDecimal amount;
  private LocalDate day;
  private String reference;
  private String reason;
  private boolean cancelling;

  public TrancheOverview getOverview() {
    if (overview == null) {
      overview = tranches.overview(Faces.locale());
    }
    return overview;
  }

  public void startNew() {
    creating = true;
    selected = null;
    number = getOverview().tranches().stream().mapToInt(TrancheRow::number).max().orElse(0) + 1;
    kind = TrancheKind.INTERIM;
    plannedAmount = null;
    plannedDate = LocalDate.now(clock);
    minSpendRatio = null;
    milestones = reports = null;
  }

  public void startEdit(TrancheRow row) {
    creating = false;
    selected = row;
    number = row.number();
    kind = row.kind();
    plannedAmount = row.plannedAmount();
    plannedDate = row.plannedDate();
    minSpendRatio = row.minSpendRatio();
    milestones = row.conditions().stream().filter(c -> c.kind() == ConditionKind.MILESTONE_VALIDATED).map(c -> String.valueOf(c.milestoneId())).collect(Collectors.joining(", "));
    reports = row.conditions().stream().filter(c -> c.kind() == ConditionKind.REPORT_ACCEPTED).map(Tranche.ConditionSpec::reportType).collect(Collectors.joining(", "));
  }

  public void saveSchedule() {
    try {
      List<Tranche.ConditionSpec> conditions = conditions();
      if (creating) {
        tranches.schedule(new TrancheService.NewTranche(number, kind, plannedAmount, plannedDate, minSpendRatio, conditions), Faces.locale());
      } else {
        tranches.reschedule(selected.id(), new TrancheService.TrancheChange(selected.version(), kind, plannedAmount, plannedDate, minSpendRatio, conditions), Faces.locale());
      }
      Faces.info("tranche.saved", number);
      overview = null;
    } catch (RuntimeException e) {
      Faces.show(e, "scheduleForm");
    }
  }

  private List<Tranche.ConditionSpec> conditions() {
    List<Tranche.ConditionSpec> specs = new ArrayList<>();
    for (String m : split(milestones)) {
      try {
        specs.add(new Tranche.ConditionSpec(ConditionKind.MILESTONE_VALIDATED, Long.valueOf(m), null));
      } catch (NumberFormatException e) {
        throw new fr.jalon.platform.RuleViolation("milestones", "tranche.condition.milestone.required");
      }
    }
    split(reports).forEach(r -> specs.add(new Tranche.ConditionSpec(ConditionKind.REPORT_ACCEPTED, null, r)));
    return specs;
  }

  private static List<String> split(String csv) {
    return csv == null ? List.of() : Arrays.stream(csv.split("[,;\\s]+")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  public void startRequest(TrancheRow row) {
    selected = row;
    amount = row.plannedAmount();
    day = LocalDate.now(clock);
  }

  public void request() {
    try {
      tranches.request(selected.id(), new TrancheService.TrancheRequest(amount, day), Faces.locale());
      Faces.info("tranche.requested.saved", selected.number());
      overview = null;
    } catch (RuntimeException e) {
      Faces.show(e, "requestForm");
    }
  }

  public void startReceipt(TrancheRow row) {
    selected = row;
    amount = row.requestedAmount();
    day = LocalDate.now(clock);
    reference = null;
  }

  public void recordReceipt() {
    try {
      tranches.recordReceipt(selected.id(), new TrancheService.TrancheReceipt(amount, day, reference), Faces.locale());
      Faces.info("tranche.received.saved", selected.number());
      overview = null;
    } catch (RuntimeException e) {
      Faces.show(e, "receiptForm");
    }
  }

  public void startStatus(TrancheRow row, boolean cancel) {
    selected = row;
    cancelling = cancel;
    reason = null;
  }

  public void changeStatus() {
    try {
      if (cancelling) {
        tranches.cancel(selected.id(), new TrancheService.StatusChange(reason), Faces.locale());
        Faces.info("tranche.cancelled.saved", selected.number());
      } else {
        tranches.suspend(selected.id(), new TrancheService.StatusChange(reason), Faces.locale());
        Faces.info("tranche.suspended.saved", selected.number());
      }
      overview = null;
    } catch (RuntimeException e) {
      Faces.show(e, "statusForm");
    }
  }

  /** The severity of a status tag. */
  public String severity(TrancheStatus status) {
    return switch (status) {
      case RECEIVED -> "success";
      case CONDITIONS_MET, REQUESTED -> "info";
      case SUSPENDED -> "danger";
      case CANCELLED -> "secondary";
      default -> "warning";
    };
  }

  public TrancheKind[] getKinds() {
    return TrancheKind.values();
  }

  public TrancheRow getSelected() { return selected; }
  public boolean isCreating() { return creating; }
  public boolean isCancelling() { return cancelling; }
  public Integer getNumber() { return number; }
  public void setNumber(Integer v) { number = v; }
  public TrancheKind getKind() { return kind; }
  public void setKind(TrancheKind v) { kind = v; }
  public BigDecimal getPlannedAmount() { return plannedAmount; }
  public void setPlannedAmount(BigDecimal v) { plannedAmount = v; }
  public LocalDate getPlannedDate() { return plannedDate; }
  public void setPlannedDate(LocalDate v) { plannedDate = v; }
  public BigDecimal getMinSpendRatio() { return minSpendRatio; }
  public void setMinSpendRatio(BigDecimal v) { minSpendRatio = v; }
  public String getMilestones() { return milestones; }
  public void setMilestones(String v) { milestones = v; }
  public String getReports() { return reports; }
  public void setReports(String v) { reports = v; }
  public BigDecimal getAmount() { return amount; }
  public void setAmount(BigDecimal v) { amount = v; }
  public LocalDate getDay() { return day; }
  public void setDay(LocalDate v) { day = v; }
  public String getReference() { return reference; }
  public void setReference(String v) { reference = v; }
  public String getReason() { return reason; }
  public void setReason(String v) { reason = v; }
}
