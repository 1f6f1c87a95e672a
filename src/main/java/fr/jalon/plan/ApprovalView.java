package fr.jalon.plan;

import fr.jalon.plan.PlanRecords.Approval;
import fr.jalon.plan.PlanRecords.ApprovalReview;
import fr.jalon.platform.Faces;
import fr.jalon.platform.Money;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;

/** Rule 12 before approving: per category and per action what moved since the baseline; the administrator approves. */
@Named
@ViewScoped
public class ApprovalView implements Serializable {
  @Inject BudgetService budget;

  private Long versionId;
  private ApprovalReview review;
  private Long decisionId;

  @PostConstruct
  void init() {
    String v = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("v");
    try {
      versionId = v == null ? null : Long.valueOf(v);
    } catch (NumberFormatException e) {
      versionId = null;
    }
    if (versionId == null) {
      versionId = budget.defaultVersion().map(PlanRecords.VersionRow::id).orElse(null);
    }
  }

  public ApprovalReview getReview() {
    if (review == null && versionId != null) {
      review = budget.review(versionId);
    }
    return review;
  }

  public void approve() {
    try {
      budget.approve(versionId, new Approval(decisionId, null));
      review = null;
      Faces.info("approval.approved");
    } catch (RuntimeException e) {
      Faces.show(e, "approvalForm");
    }
  }

  public String money(BigDecimal amount) {
    return Money.format(amount, Faces.locale());
  }

  public String percent(BigDecimal rate) {
    return Money.percent(rate, Faces.locale());
  }

  public Long getVersionId() { return versionId; }
  public Long getDecisionId() { return decisionId; }
  public void setDecisionId(Long v) { decisionId = v; }
}
