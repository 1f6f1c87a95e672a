package fr.jalon.grant;

import fr.jalon.platform.Faces;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The administrator's form for the grant. It keeps the version it was opened at: if another
 * administrator saved in between, saving says so instead of overwriting their change.
 */
@Named
@ViewScoped
public class GrantEditView implements Serializable {
  @Inject GrantService grants;

  private Form form;

  /** Mutable form state: Faces binds inputs to these fields. */
  public static class Form implements Serializable {
    public String reference, title, programme, operatorName, ministry;
    public LocalDate signatureDate, eligibilityStart, endDate;
    public BigDecimal maxPiaAmount, eligibleBudget;
    public BigDecimal maxPiaRate, maxPublicAidRate, minCofundingRatio, advanceCap, interimCap, interimCapLong, fungibilityThreshold, flatRateOverheads, procurementThreshold;
    public Integer longGrantMonths, finalPaymentGraceDays, reportDueDays;
    public boolean statutoryStaffEligible, separatePaymentOrder;
    public ReportingPeriod reportingPeriod;
    public Integer version;
    public String beneficiaryName, beneficiarySiret;
    public LegalForm beneficiaryLegalForm;
    public boolean beneficiaryRecoversVat;

    /** An empty form with the usual parameters, for the first grant of an installation. */
    static Form blank() {
      Form f = new Form();
      f.applyParameters(ParameterValues.defaults());
      f.programme = "PIA 3 · Territoires d’innovation pédagogique · Campus des métiers et des qualifications";
      f.operatorName = "Caisse des Dépôts et Consignations";
      f.beneficiaryLegalForm = LegalForm.EPLE;
      return f;
    }

    static Form of(GrantSheet s) {
      Form f = new Form();
      f.reference = s.reference();
      f.title = s.title();
      f.programme = s.programme();
      f.operatorName = s.operatorName();
      f.ministry = s.ministry();
      f.signatureDate = s.signatureDate();
      f.eligibilityStart = s.eligibilityStart();
      f.endDate = s.endDate();
      f.maxPiaAmount = s.maxPiaAmount();
      f.eligibleBudget = s.eligibleBudget();
      f.applyParameters(s.parameters());
      f.version = s.version();
      return f;
    }

    void applyParameters(ParameterValues p) {
      maxPiaRate = p.maxPiaRate();
      maxPublicAidRate = p.maxPublicAidRate();
      minCofundingRatio = p.minCofundingRatio();
      advanceCap = p.advanceCap();
      interimCap = p.interimCap();
      interimCapLong = p.interimCapLong();
      longGrantMonths = p.longGrantMonths();
      fungibilityThreshold = p.fungibilityThreshold();
      flatRateOverheads = p.flatRateOverheads();
      statutoryStaffEligible = p.statutoryStaffEligible();
      procurementThreshold = p.procurementThreshold();
      separatePaymentOrder = p.separatePaymentOrder();
      finalPaymentGraceDays = p.finalPaymentGraceDays();
      reportDueDays = p.reportDueDays();
      reportingPeriod = p.reportingPeriod();
    }

    GrantChange toChange() {
      return new GrantChange(reference, title, programme, operatorName, ministry, signatureDate, eligibilityStart, endDate, maxPiaAmount, eligibleBudget,
          parameterValues(), version);
    }

    ParameterValues parameterValues() {
      return new ParameterValues(maxPiaRate, maxPublicAidRate, minCofundingRatio, advanceCap, interimCap, interimCapLong, longGrantMonths, fungibilityThreshold,
          flatRateOverheads, statutoryStaffEligible, procurementThreshold, separatePaymentOrder, finalPaymentGraceDays, reportDueDays, reportingPeriod);
    }

    public ReportingPeriod[] getReportingPeriods() {
      return ReportingPeriod.values();
    }

    public String getReference() { return reference; }
    public void setReference(String v) { reference = v; }
    public String getTitle() { return title; }
    public void setTitle(String v) { title = v; }
    public String getProgramme() { return programme; }
    public void setProgramme(String v) { programme = v; }
    public String getOperatorName() { return operatorName; }
    public void setOperatorName(String v) { operatorName = v; }
    public String getMinistry() { return ministry; }
    public void setMinistry(String v) { ministry = v; }
    public LocalDate getSignatureDate() { return signatureDate; }
    public void setSignatureDate(LocalDate v) { signatureDate = v; }
    public LocalDate getEligibilityStart() { return eligibilityStart; }
    public void setEligibilityStart(LocalDate v) { eligibilityStart = v; }
    public LocalDate getEndDate() { return endDate; }
    public void setEndDate(LocalDate v) { endDate = v; }
    public BigDecimal getMaxPiaAmount() { return maxPiaAmount; }
    public void setMaxPiaAmount(BigDecimal v) { maxPiaAmount = v; }
    public BigDecimal getEligibleBudget() { return eligibleBudget; }
    public void setEligibleBudget(BigDecimal v) { eligibleBudget = v; }
    public BigDecimal getMaxPiaRate() { return maxPiaRate; }
    public void setMaxPiaRate(BigDecimal v) { maxPiaRate = v; }
    public BigDecimal getMaxPublicAidRate() { return maxPublicAidRate; }
    public void setMaxPublicAidRate(BigDecimal v) { maxPublicAidRate = v; }
    public BigDecimal getMinCofundingRatio() { return minCofundingRatio; }
    public void setMinCofundingRatio(BigDecimal v) { minCofundingRatio = v; }
    public BigDecimal getAdvanceCap() { return advanceCap; }
    public void setAdvanceCap(BigDecimal v) { advanceCap = v; }
    public BigDecimal getInterimCap() { return interimCap; }
    public void setInterimCap(BigDecimal v) { interimCap = v; }
    public BigDecimal getInterimCapLong() { return interimCapLong; }
    public void setInterimCapLong(BigDecimal v) { interimCapLong = v; }
    public BigDecimal getFungibilityThreshold() { return fungibilityThreshold; }
    public void setFungibilityThreshold(BigDecimal v) { fungibilityThreshold = v; }
    public BigDecimal getFlatRateOverheads() { return flatRateOverheads; }
    public void setFlatRateOverheads(BigDecimal v) { flatRateOverheads = v; }
    public BigDecimal getProcurementThreshold() { return procurementThreshold; }
    public void setProcurementThreshold(BigDecimal v) { procurementThreshold = v; }
    public Integer getLongGrantMonths() { return longGrantMonths; }
    public void setLongGrantMonths(Integer v) { longGrantMonths = v; }
    public Integer getFinalPaymentGraceDays() { return finalPaymentGraceDays; }
    public void setFinalPaymentGraceDays(Integer v) { finalPaymentGraceDays = v; }
    public Integer getReportDueDays() { return reportDueDays; }
    public void setReportDueDays(Integer v) { reportDueDays = v; }
    public boolean isStatutoryStaffEligible() { return statutoryStaffEligible; }
    public void setStatutoryStaffEligible(boolean v) { statutoryStaffEligible = v; }
    public boolean isSeparatePaymentOrder() { return separatePaymentOrder; }
    public void setSeparatePaymentOrder(boolean v) { separatePaymentOrder = v; }
    public ReportingPeriod getReportingPeriod() { return reportingPeriod; }
    public void setReportingPeriod(ReportingPeriod v) { reportingPeriod = v; }
    public Integer getVersion() { return version; }
    public String getBeneficiaryName() { return beneficiaryName; }
    public void setBeneficiaryName(String v) { beneficiaryName = v; }
    public String getBeneficiarySiret() { return beneficiarySiret; }
    public void setBeneficiarySiret(String v) { beneficiarySiret = v; }
    public LegalForm getBeneficiaryLegalForm() { return beneficiaryLegalForm; }
    public void setBeneficiaryLegalForm(LegalForm v) { beneficiaryLegalForm = v; }
    public boolean isBeneficiaryRecoversVat() { return beneficiaryRecoversVat; }
    public void setBeneficiaryRecoversVat(boolean v) { beneficiaryRecoversVat = v; }
  }

  private Boolean creating;
  private boolean parametersFrozen;

  public Form getForm() {
    if (form == null) {
      GrantSheet sheet = grants.currentIfAny().orElse(null);
      form = sheet == null ? Form.blank() : Form.of(sheet);
      parametersFrozen = sheet != null && sheet.parametersFrozen();
      creating = form.version == null;
    }
    return form;
  }

  /** Rule 13: after the first tranche request (or an amendment) the parameters change only by amendment. */
  public boolean isParametersFrozen() {
    getForm();
    return parametersFrozen;
  }

  /** True on a new installation: the form records the grant instead of changing it. */
  public boolean isCreating() {
    getForm();
    return creating;
  }

  public void save() {
    try {
      GrantSheet saved;
      if (isCreating()) {
        saved = grants.create(new NewGrant(form.toChange(),
            new NewGrant.Beneficiary(form.beneficiaryName, form.beneficiarySiret, form.beneficiaryLegalForm, form.beneficiaryRecoversVat)));
        creating = false;
      } else {
        saved = grants.revise(getForm().toChange());
      }
      form = Form.of(saved);
      parametersFrozen = saved.parametersFrozen();
      Faces.info("grant.saved");
    } catch (RuntimeException e) {
      Faces.show(e, "grantForm");
    }
  }

  /** Discards this form and starts again from what is saved now (after a conflict). */
  public void reload() {
    form = null;
    getForm();
  }

  public LegalForm[] getLegalForms() {
    return LegalForm.values();
  }

}
