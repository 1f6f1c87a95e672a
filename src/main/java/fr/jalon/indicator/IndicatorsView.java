package fr.jalon.indicator;

import fr.jalon.platform.Faces;
import fr.jalon.platform.Money;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;

/** The indicators of one school year, and the project manager's form for a new indicator. */
@Named
@ViewScoped
public class IndicatorsView implements Serializable {
  @Inject IndicatorService indicators;

  private Integer schoolYear;
  private List<IndicatorRow> rows;
  // Read once per view: Faces evaluates a getter several times per render.
  private List<SchoolYear> schoolYears;
  private List<IndicatorService.SourceChoice> sources;
  private final DefinitionForm form = new DefinitionForm();

  /** The definition form's state; also used by the indicator page to edit one. */
  public static class DefinitionForm implements Serializable {
    public String code, label, unit, breakdownParts, sourcePart;
    public IndicatorKind kind = IndicatorKind.OUTPUT;
    public BigDecimal baseline;
    public Derivation derivation;
    public Long sourceIndicatorId;
    public Integer version;

    IndicatorDefinition toDefinition() {
      return new IndicatorDefinition(code, label, unit, kind, baseline, breakdownParts, derivation, sourceIndicatorId, sourcePart, version);
    }

    static DefinitionForm of(IndicatorDetail d) {
      DefinitionForm f = new DefinitionForm();
      f.code = d.code();
      f.label = d.label();
      f.unit = d.unit();
      f.kind = d.kind();
      f.baseline = d.baseline();
      f.breakdownParts = String.join(" ; ", d.breakdown());
      f.derivation = d.derivation();
      f.sourceIndicatorId = d.sourceIndicatorId();
      f.sourcePart = d.sourcePart();
      f.version = d.version();
      return f;
    }

    public String getCode() { return code; }
    public void setCode(String v) { code = v; }
    public String getLabel() { return label; }
    public void setLabel(String v) { label = v; }
    public String getUnit() { return unit; }
    public void setUnit(String v) { unit = v; }
    public String getBreakdownParts() { return breakdownParts; }
    public void setBreakdownParts(String v) { breakdownParts = v; }
    public String getSourcePart() { return sourcePart; }
    public void setSourcePart(String v) { sourcePart = v; }
    public IndicatorKind getKind() { return kind; }
    public void setKind(IndicatorKind v) { kind = v; }
    public BigDecimal getBaseline() { return baseline; }
    public void setBaseline(BigDecimal v) { baseline = v; }
    public Derivation getDerivation() { return derivation; }
    public void setDerivation(Derivation v) { derivation = v; }
    public Long getSourceIndicatorId() { return sourceIndicatorId; }
    public void setSourceIndicatorId(Long v) { sourceIndicatorId = v; }
  }

  public Integer getSchoolYear() {
    if (schoolYear == null) {
      schoolYear = indicators.latestRecordedSchoolYear().startYear();
    }
    return schoolYear;
  }

  public void setSchoolYear(Integer year) {
    this.schoolYear = year;
    this.rows = null;
  }

  public List<SchoolYear> getSchoolYears() {
    if (schoolYears == null) {
      schoolYears = indicators.schoolYears();
    }
    return schoolYears;
  }

  public List<IndicatorRow> getRows() {
    if (rows == null) {
      rows = indicators.table(new SchoolYear(getSchoolYear()));
    }
    return rows;
  }

  public DefinitionForm getForm() {
    return form;
  }

  public List<IndicatorService.SourceChoice> getSources() {
    if (sources == null) {
      sources = indicators.withBreakdown();
    }
    return sources;
  }

  public void define() {
    try {
      IndicatorDetail created = indicators.define(form.toDefinition());
      rows = null;
      Faces.info("indicator.defined", created.code());
      Faces.redirect("/indicator/indicator.xhtml?id=" + created.id());
    } catch (RuntimeException e) {
      Faces.show(e, "defineForm");
    }
  }

  public IndicatorKind[] getKinds() {
    return IndicatorKind.values();
  }

  public Derivation[] getDerivations() {
    return Derivation.values();
  }

  public String quantity(BigDecimal value) {
    return Money.quantity(value, Faces.locale());
  }

  /** "112 filles · 98 garçons". */
  public String parts(List<IndicatorRow.Part> parts) {
    return String.join(" · ", parts.stream().map(p -> p.label() + " " + quantity(p.amount())).toList());
  }
}
