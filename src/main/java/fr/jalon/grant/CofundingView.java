package fr.jalon.grant;

import fr.jalon.platform.Faces;
import fr.jalon.platform.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** The funding plan page: every role reads it; finance (and the administrator) adds lines and receipts. */
@Named
@ViewScoped
public class CofundingView extends FundingPage {
  @Inject CofundingService cofunding;
  @Inject GrantService grants;
  @Inject Clock clock;

  private CofundingSummary summary;
  private List<Organisation> organisations;

  // New line
  private Long funderId;
  private String newFunderName, newFunderSiret;
  private LegalForm newFunderLegalForm = LegalForm.COMPANY;
  private FunderKind kind = FunderKind.REGION;
  private FundingNature nature = FundingNature.CASH;
  private BigDecimal committed;
  private String decisionReference, expectedSchedule;
  private LocalDate decisionDate;

  // Line being edited
  private CofundingLine editing;
  private BigDecimal editCommitted;
  private FundingNature editNature;
  private String editDecisionReference, editExpectedSchedule;
  private LocalDate editDecisionDate;

  // Receipts of the selected line
  private CofundingLine selected;
  private List<CofundingReceiptRow> receipts;
  private LocalDate receivedOn;
  private BigDecimal amount;
  private String reference;

  public CofundingSummary getSummary() {
    if (summary == null) {
      summary = cofunding.summary();
    }
    return summary;
  }

  public List<Organisation> getOrganisations() {
    if (organisations == null) {
      organisations = grants.organisations();
    }
    return organisations;
  }

  public void add() {
    try {
      CofundingService.NewFunder newFunder = funderId == null && newFunderName != null && !newFunderName.isBlank()
          ? new CofundingService.NewFunder(newFunderName, newFunderSiret, newFunderLegalForm, Boolean.FALSE)
          : null;
      cofunding.add(new CofundingService.NewLine(funderId, newFunder, kind, nature, committed, decisionReference, decisionDate, expectedSchedule));
      Faces.info("cofunding.saved");
      funderId = null;
      newFunderName = newFunderSiret = decisionReference = expectedSchedule = null;
      committed = null;
      decisionDate = null;
      summary = null;
      organisations = null;
    } catch (RuntimeException e) {
      Faces.show(e, "addForm");
    }
  }

  public void edit(CofundingLine line) {
    editing = line;
    editCommitted = line.committed();
    editNature = line.nature();
    editDecisionReference = line.decisionReference();
    editDecisionDate = line.decisionDate();
    editExpectedSchedule = line.expectedSchedule();
  }

  public void save() {
    try {
      cofunding.change(editing.id(), new CofundingService.LineChange(editing.version(), editCommitted, editNature, editDecisionReference, editDecisionDate, editExpectedSchedule));
      Faces.info("cofunding.saved");
      editing = null;
      summary = null;
    } catch (RuntimeException e) {
      Faces.show(e, "editForm");
    }
  }

  public void select(CofundingLine line) {
    selected = line;
    receipts = cofunding.receipts(line.id());
    receivedOn = LocalDate.now(clock);
    amount = null;
    reference = null;
  }

  public void receive() {
    try {
      CofundingReceiptRow saved = cofunding.receive(selected.id(), new CofundingService.NewReceipt(receivedOn, amount, reference));
      Faces.info("cofunding.receipt.saved", new Messages.Amount(saved.amount()));
      summary = null;
      selected = cofunding.line(selected.id());
      receipts = cofunding.receipts(selected.id());
      amount = null;
      reference = null;
    } catch (RuntimeException e) {
      Faces.show(e, "receiptForm");
    }
  }

  public CofundingLine getEditing() {
    return editing;
  }

  public CofundingLine getSelected() {
    return selected;
  }

  public List<CofundingReceiptRow> getReceipts() {
    return receipts;
  }

  public FunderKind[] getKinds() {
    return FunderKind.values();
  }

  public FundingNature[] getNatures() {
    return FundingNature.values();
  }

  public LegalForm[] getLegalForms() {
    return LegalForm.values();
  }

  // Faces binds inputs through getters and setters.
  public Long getFunderId() { return funderId; }
  public void setFunderId(Long v) { funderId = v; }
  public String getNewFunderName() { return newFunderName; }
  public void setNewFunderName(String v) { newFunderName = v; }
  public String getNewFunderSiret() { return newFunderSiret; }
  public void setNewFunderSiret(String v) { newFunderSiret = v; }
  public LegalForm getNewFunderLegalForm() { return newFunderLegalForm; }
  public void setNewFunderLegalForm(LegalForm v) { newFunderLegalForm = v; }
  public FunderKind getKind() { return kind; }
  public void setKind(FunderKind v) { kind = v; }
  public FundingNature getNature() { return nature; }
  public void setNature(FundingNature v) { nature = v; }
  public BigDecimal getCommitted() { return committed; }
  public void setCommitted(BigDecimal v) { committed = v; }
  public String getDecisionReference() { return decisionReference; }
  public void setDecisionReference(String v) { decisionReference = v; }
  public LocalDate getDecisionDate() { return decisionDate; }
  public void setDecisionDate(LocalDate v) { decisionDate = v; }
  public String getExpectedSchedule() { return expectedSchedule; }
  public void setExpectedSchedule(String v) { expectedSchedule = v; }
  public BigDecimal getEditCommitted() { return editCommitted; }
  public void setEditCommitted(BigDecimal v) { editCommitted = v; }
  public FundingNature getEditNature() { return editNature; }
  public void setEditNature(FundingNature v) { editNature = v; }
  public String getEditDecisionReference() { return editDecisionReference; }
  public void setEditDecisionReference(String v) { editDecisionReference = v; }
  public LocalDate getEditDecisionDate() { return editDecisionDate; }
  public void setEditDecisionDate(LocalDate v) { editDecisionDate = v; }
  public String getEditExpectedSchedule() { return editExpectedSchedule; }
  public void setEditExpectedSchedule(String v) { editExpectedSchedule = v; }
  public LocalDate getReceivedOn() { return receivedOn; }
  public void setReceivedOn(LocalDate v) { receivedOn = v; }
  public BigDecimal getAmount() { return amount; }
  public void setAmount(BigDecimal v) { amount = v; }
  public String getReference() { return reference; }
  public void setReference(String v) { reference = v; }
}
