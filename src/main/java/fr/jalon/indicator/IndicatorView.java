package fr.jalon.indicator;

import fr.jalon.platform.Faces;
import fr.jalon.platform.Money;
import fr.jalon.platform.NotFoundException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonValue;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One indicator: its trend against its targets, and the project manager's forms for targets and values. */
@Named
@ViewScoped
public class IndicatorView implements Serializable {
  @Inject IndicatorService indicators;

  private Long id;
  private IndicatorDetail detail;
  private IndicatorsView.DefinitionForm definition;
  private List<Cell> targets;
  private Integer valueYear;
  private BigDecimal amount;
  private String comment;
  private List<Cell> parts;
  // Read once per view: Faces evaluates a getter several times per render.
  private List<SchoolYear> schoolYears;
  private List<IndicatorService.SourceChoice> sources;

  /** One editable number of a form: a school year's target, or a part of the value's breakdown. */
  public static class Cell implements Serializable {
    private final Object key;
    private final String label;
    private BigDecimal amount;

    Cell(Object key, String label, BigDecimal amount) {
      this.key = key;
      this.label = label;
      this.amount = amount;
    }

    public String getLabel() { return label; }
    public BigDecimal getAmount() { return amount; }
    public void setAmount(BigDecimal v) { amount = v; }
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  /** Loads the indicator named by the page's {@code id} parameter (a 404 page otherwise). */
  public void load() {
    if (id == null) {
      throw new NotFoundException(Faces.text("indicator.notFound"));
    }
    refresh(indicators.detail(id));
  }

  private void refresh(IndicatorDetail d) {
    detail = d;
    definition = IndicatorsView.DefinitionForm.of(d);
    targets = d.series().stream().map(p -> new Cell(p.schoolYear(), p.label(), p.target())).toList();
    if (valueYear == null) {
      valueYear = indicators.currentSchoolYear().startYear();
    }
    pickYear();
  }

  /** Fills the value form with what is recorded for the chosen school year. */
  public void pickYear() {
    IndicatorDetail.Point point = detail.series().stream().filter(p -> p.schoolYear() == valueYear).findFirst().orElse(null);
    amount = point == null || detail.derivation() != null ? null : point.value();
    comment = point == null ? null : point.comment();
    parts = detail.breakdown().stream()
        .map(part -> new Cell(part, part, point == null ? null : point.parts().stream().filter(p -> p.label().equals(part)).map(IndicatorRow.Part::amount).findFirst().orElse(null)))
        .toList();
  }

  public void saveDefinition() {
    try {
      refresh(indicators.redefine(id, definition.toDefinition()));
      Faces.info("indicator.saved");
    } catch (RuntimeException e) {
      Faces.show(e, "definitionForm");
    }
  }

  public void saveTargets() {
    try {
      Map<Integer, BigDecimal> byYear = new LinkedHashMap<>();
      targets.forEach(c -> byYear.put((Integer) c.key, c.amount));
      refresh(indicators.setTargets(id, byYear));
      Faces.info("indicator.targets.saved");
    } catch (RuntimeException e) {
      Faces.show(e, "targetsForm");
    }
  }

  public void saveValue() {
    try {
      Map<String, BigDecimal> byPart = new LinkedHashMap<>();
      parts.forEach(c -> byPart.put((String) c.key, c.amount));
      refresh(indicators.recordValue(id, new NewIndicatorValue(valueYear, amount, byPart, comment)));
      Faces.info("indicator.value.saved", new SchoolYear(valueYear).label());
    } catch (RuntimeException e) {
      Faces.show(e, "valueForm");
    }
  }

  /** The trend chart (Chart.js): values as bars, targets as a line, over the grant's school years. */
  public String getChart() {
    JsonArrayBuilder labels = Json.createArrayBuilder();
    JsonArrayBuilder values = Json.createArrayBuilder();
    JsonArrayBuilder goals = Json.createArrayBuilder();
    for (IndicatorDetail.Point p : detail.series()) {
      labels.add(p.label());
      values.add(p.value() == null ? JsonValue.NULL : Json.createValue(p.value()));
      goals.add(p.target() == null ? JsonValue.NULL : Json.createValue(p.target()));
    }
    return Json.createObjectBuilder()
        .add("type", "bar")
        .add("data", Json.createObjectBuilder()
            .add("labels", labels)
            .add("datasets", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("type", "bar").add("label", Faces.text("indicator.value")).add("data", values)
                    .add("backgroundColor", "#2f6fb0"))
                .add(Json.createObjectBuilder().add("type", "line").add("label", Faces.text("indicator.target")).add("data", goals)
                    .add("borderColor", "#d9822b").add("backgroundColor", "#d9822b").add("borderDash", Json.createArrayBuilder().add(6).add(4))
                    .add("spanGaps", true).add("fill", false))))
        .add("options", Json.createObjectBuilder()
            .add("animation", false)
            .add("maintainAspectRatio", false)
            .add("scales", Json.createObjectBuilder().add("y", Json.createObjectBuilder().add("beginAtZero", true))))
        .build()
        .toString();
  }

  public IndicatorDetail getDetail() {
    return detail;
  }

  public IndicatorsView.DefinitionForm getDefinition() {
    return definition;
  }

  public List<Cell> getTargets() {
    return targets;
  }

  public List<SchoolYear> getSchoolYears() {
    if (schoolYears == null) {
      schoolYears = indicators.schoolYears();
    }
    return schoolYears;
  }

  public List<IndicatorService.SourceChoice> getSources() {
    if (sources == null) {
      sources = indicators.withBreakdown().stream().filter(s -> s.id() != detail.id()).toList();
    }
    return sources;
  }

  public String quantity(BigDecimal value) {
    return Money.quantity(value, Faces.locale());
  }

  public Integer getValueYear() { return valueYear; }
  public void setValueYear(Integer v) { valueYear = v; }
  public BigDecimal getAmount() { return amount; }
  public void setAmount(BigDecimal v) { amount = v; }
  public String getComment() { return comment; }
  public void setComment(String v) { comment = v; }
  public List<Cell> getParts() { return parts; }
}
