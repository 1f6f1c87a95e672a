package fr.jalon.dashboard;

import fr.jalon.dashboard.Dashboard.YearFigures;
import fr.jalon.platform.Dates;
import fr.jalon.platform.Faces;
import fr.jalon.platform.Money;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;

/** The board's dashboard page: the figures read once per view, the chart, and the links to the lines behind each figure. */
@Named
@ViewScoped
public class DashboardView implements Serializable {
  @Inject DashboardService service;
  @Inject fr.jalon.reporting.ReportService reports;

  private Dashboard dashboard;
  private fr.jalon.reporting.ReportRow latestExecution;
  private boolean latestExecutionRead;

  @PostConstruct
  void load() {
    dashboard = service.read(Faces.locale());
  }

  public Dashboard getDashboard() {
    return dashboard;
  }

  /** The budget execution report generated last (any status), read once per view; null when there is none. */
  public fr.jalon.reporting.ReportRow getLatestExecution() {
    if (!latestExecutionRead) {
      latestExecution = reports.archive().stream().filter(r -> r.type() == fr.jalon.reporting.ReportType.BUDGET_EXECUTION).findFirst().orElse(null);
      latestExecutionRead = true;
    }
    return latestExecution;
  }

  /** The PDF of {@link #getLatestExecution()}, or null. */
  public fr.jalon.reporting.ReportRow.File getLatestExecutionPdf() {
    fr.jalon.reporting.ReportRow r = getLatestExecution();
    return r == null ? null : r.files().stream().filter(f -> f.format() == fr.jalon.reporting.ReportFormat.PDF).findFirst().orElse(null);
  }

  /** Planned, committed and paid per year as bars, money received as a line (Chart.js). */
  public String getChart() {
    JsonArrayBuilder labels = Json.createArrayBuilder();
    JsonArrayBuilder planned = Json.createArrayBuilder();
    JsonArrayBuilder committed = Json.createArrayBuilder();
    JsonArrayBuilder paid = Json.createArrayBuilder();
    JsonArrayBuilder received = Json.createArrayBuilder();
    for (YearFigures y : dashboard.years()) {
      labels.add(String.valueOf(y.year()));
      planned.add(y.planned());
      committed.add(y.committed());
      paid.add(y.paid());
      received.add(y.received());
    }
    return Json.createObjectBuilder()
        .add("type", "bar")
        .add("data", Json.createObjectBuilder()
            .add("labels", labels)
            .add("datasets", Json.createArrayBuilder()
                .add(bar(Faces.text("dashboard.planned"), planned, "#b8c4d6"))
                .add(bar(Faces.text("dashboard.committed"), committed, "#d9822b"))
                .add(bar(Faces.text("dashboard.paid"), paid, "#2f6fb0"))
                .add(Json.createObjectBuilder().add("type", "line").add("label", Faces.text("dashboard.received")).add("data", received)
                    .add("borderColor", "#2e8b57").add("backgroundColor", "#2e8b57").add("fill", false))))
        .add("options", Json.createObjectBuilder()
            .add("animation", false)
            .add("maintainAspectRatio", false)
            .add("scales", Json.createObjectBuilder().add("y", Json.createObjectBuilder().add("beginAtZero", true))))
        .build()
        .toString();
  }

  private static jakarta.json.JsonObjectBuilder bar(String label, JsonArrayBuilder data, String colour) {
    return Json.createObjectBuilder().add("type", "bar").add("label", label).add("data", data).add("backgroundColor", colour);
  }

  /** The expense list filtered as the figure; {@code paid}: the lines paid and beyond (declared, answered). */
  public String expenses(Long categoryId, Long actionId, Integer year, boolean paid) {
    StringBuilder q = new StringBuilder();
    param(q, "category", categoryId);
    param(q, "action", actionId);
    param(q, "year", year);
    param(q, "paid", paid ? Boolean.TRUE : null);
    return "/expense/expenses.xhtml" + (q.length() == 0 ? "" : "?" + q);
  }

  private static void param(StringBuilder q, String name, Object value) {
    if (value != null) {
      q.append(q.length() == 0 ? "" : "&").append(name).append('=').append(value);
    }
  }

  /** Width of a consumption bar, in percent, kept between 0 and 100. */
  public int barWidth(BigDecimal rate) {
    return rate == null ? 0 : Math.max(0, Math.min(100, rate.intValue()));
  }

  public String money(BigDecimal amount) {
    return Money.format(amount, Faces.locale());
  }

  public String percent(BigDecimal rate) {
    return rate == null ? "—" : Money.percent(rate, Faces.locale());
  }

  public String quantity(BigDecimal value) {
    return value == null ? "—" : Money.quantity(value, Faces.locale());
  }

  public String day(LocalDate date) {
    return date == null ? "" : Dates.format(date, Faces.locale());
  }
}
