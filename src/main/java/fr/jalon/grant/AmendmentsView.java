package fr.jalon.grant;

import fr.jalon.platform.Dates;
import fr.jalon.platform.Faces;
import fr.jalon.platform.Money;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The amendments page: everybody reads them; the administrator records the next one. */
@Named
@ViewScoped
public class AmendmentsView implements Serializable {
  @Inject AmendmentService amendments;
  @Inject GrantService grants;
  @Inject CopilService copil;

  private List<AmendmentLine> list;
  private LocalDate signedOn;
  private LocalDate effectiveFrom;
  private String object;
  private Long decisionId;
  private boolean changeParameters;
  private GrantEditView.Form parameters;
  private Long budgetVersionId;
  // Read once per view (Faces evaluates a getter several times per render); a recorded amendment reloads them.
  private List<DecisionSummary> decisions;
  private List<AmendmentService.BudgetVersionChoice> budgetVersions;

  public List<AmendmentLine> getList() {
    if (list == null) {
      list = amendments.list();
    }
    return list;
  }

  /** Starts the form again, with the parameters in force as the starting point of the change. */
  public void start() {
    signedOn = null;
    effectiveFrom = null;
    object = null;
    decisionId = null;
    changeParameters = false;
    budgetVersionId = null;
    parameters = new GrantEditView.Form();
    parameters.applyParameters(grants.current().parameters());
  }

  public void save() {
    try {
      ParameterValues values = changeParameters ? getParameters().parameterValues() : null;
      AmendmentLine saved = amendments.record(new NewAmendment(signedOn, effectiveFrom, object, decisionId, values, budgetVersionId));
      list = null;
      budgetVersions = null;
      start();
      Faces.info("amendment.saved", saved.number());
    } catch (RuntimeException e) {
      Faces.show(e, "amendmentForm");
    }
  }

  /** The COPIL decisions, newest first. */
  public List<DecisionSummary> getDecisions() {
    if (decisions == null) {
      decisions = copil.decisions().reversed();
    }
    return decisions;
  }

  public List<AmendmentService.BudgetVersionChoice> getBudgetVersions() {
    if (budgetVersions == null) {
      budgetVersions = amendments.approvableBudgetVersions();
    }
    return budgetVersions;
  }

  /** A parameter value as the grant page shows it. */
  public String value(ParameterChange change, Object value) {
    if (value == null) {
      return Faces.text("param.none");
    }
    if (value instanceof Boolean b) {
      return Faces.text(b ? "yes" : "no");
    }
    if (value instanceof ReportingPeriod p) {
      return Faces.text("reportingPeriod." + p.name());
    }
    if (value instanceof BigDecimal d) {
      return change.isRate() ? Money.percent(d, Faces.locale()) : Money.format(d, Faces.locale());
    }
    return value.toString();
  }

  public String date(LocalDate date) {
    return Dates.format(date, Faces.locale());
  }

  public LocalDate getSignedOn() { return signedOn; }
  public void setSignedOn(LocalDate v) { signedOn = v; }
  public LocalDate getEffectiveFrom() { return effectiveFrom; }
  public void setEffectiveFrom(LocalDate v) { effectiveFrom = v; }
  public String getObject() { return object; }
  public void setObject(String v) { object = v; }
  public Long getDecisionId() { return decisionId; }
  public void setDecisionId(Long v) { decisionId = v; }
  public boolean isChangeParameters() { return changeParameters; }
  public void setChangeParameters(boolean v) { changeParameters = v; }
  public Long getBudgetVersionId() { return budgetVersionId; }
  public void setBudgetVersionId(Long v) { budgetVersionId = v; }

  public GrantEditView.Form getParameters() {
    if (parameters == null) {
      start();
    }
    return parameters;
  }
}
