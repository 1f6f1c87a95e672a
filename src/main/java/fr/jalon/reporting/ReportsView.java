package fr.jalon.reporting;

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
import java.util.stream.Collectors;

/**
 * The archive of reports: everybody reads it, downloads the files and re-verifies them; finance
 * generates, moves each report along its lifecycle and records the signatures.
 */
@Named
@ViewScoped
public class ReportsView implements Serializable {
  @Inject ReportService reports;

  private List<ReportRow> rows;
  private List<ReportType> types;
  private ReportType type = ReportType.ERD;
  private LocalDate from;
  private LocalDate to;
  private Long trancheId;
  private LocalDate on;
  private String note;
  private Long signId;
  private SignatoryRole role;
  private String name;
  private String quality;
  private LocalDate signedOn;

  public List<ReportRow> getRows() {
    if (rows == null) {
      rows = reports.archive();
    }
    return rows;
  }

  public List<ReportType> getTypes() {
    if (types == null) {
      types = reports.generatableTypes();
    }
    return types;
  }

  public void generate() {
    try {
      ReportRow made = reports.generate(new ReportService.GenerateRequest(type, from, to, trancheId), Faces.locale());
      Faces.info("reports.saved");
      rows = null;
      signId = made.id();
    } catch (RuntimeException e) {
      Faces.show(e, "generateForm");
    }
  }

  public void regenerate(ReportRow r) {
    try {
      reports.regenerate(r.id(), new ReportService.Regenerate(r.version()), Faces.locale());
      Faces.info("reports.saved");
      rows = null;
    } catch (RuntimeException e) {
      Faces.show(e, "tableForm");
    }
  }

  public void move(ReportRow r, String target) {
    try {
      reports.transition(r.id(), new ReportService.Transition(ReportStatus.valueOf(target), on, note, r.version()), Faces.locale());
      Faces.info("reports.saved");
      rows = null;
      note = null;
    } catch (RuntimeException e) {
      Faces.show(e, "tableForm");
    }
  }

  public void verify(ReportRow r) {
    try {
      Verification v = reports.verify(r.id());
      if (v.intact()) {
        Faces.info("reports.verify.intact");
      } else {
        String altered = v.files().stream().filter(f -> !f.intact()).map(Verification.FileCheck::name).collect(Collectors.joining(", "));
        if (Boolean.FALSE.equals(v.dataIntact())) {
          altered = altered.isEmpty() ? Faces.text("reports.verify.dataAltered") : altered + ", " + Faces.text("reports.verify.dataAltered");
        }
        Faces.error(null, Faces.text("reports.verify.altered", altered));
      }
    } catch (RuntimeException e) {
      Faces.show(e, "tableForm");
    }
  }

  public void sign() {
    try {
      ReportRow r = reports.report(signId);
      reports.sign(signId, new ReportService.SignRequest(role, name, quality, signedOn, r.version()));
      Faces.info("reports.saved");
      rows = null;
      name = quality = null;
      role = null;
    } catch (RuntimeException e) {
      Faces.show(e, "signForm");
    }
  }

  /** The reports in review, for the signature form. */
  public List<ReportRow> getInReview() {
    return getRows().stream().filter(r -> r.status() == ReportStatus.IN_REVIEW).toList();
  }

  public List<SignatoryRole> getRoles() {
    return List.of(SignatoryRole.values());
  }

  public String scope(ReportRow r) {
    if (r.periodFrom() != null) {
      return date(r.periodFrom()) + " – " + date(r.periodTo());
    }
    return Faces.text("reports.tranche") + " " + r.trancheId();
  }

  public String date(LocalDate d) {
    return d == null ? "" : Dates.format(d, Faces.locale());
  }

  public String money(BigDecimal b) {
    return Money.format(b, Faces.locale());
  }

  public String label(ReportRow r) {
    return Faces.text("reportType." + r.type().name()) + " v" + r.reportVersion();
  }

  public ReportType getType() { return type; }
  public void setType(ReportType type) { this.type = type; }
  public LocalDate getFrom() { return from; }
  public void setFrom(LocalDate from) { this.from = from; }
  public LocalDate getTo() { return to; }
  public void setTo(LocalDate to) { this.to = to; }
  public Long getTrancheId() { return trancheId; }
  public void setTrancheId(Long trancheId) { this.trancheId = trancheId; }
  public LocalDate getOn() { return on; }
  public void setOn(LocalDate on) { this.on = on; }
  public String getNote() { return note; }
  public void setNote(String note) { this.note = note; }
  public Long getSignId() { return signId; }
  public void setSignId(Long signId) { this.signId = signId; }
  public SignatoryRole getRole() { return role; }
  public void setRole(SignatoryRole role) { this.role = role; }
  public String getName() { return name; }
  public void setName(String name) { this.name = name; }
  public String getQuality() { return quality; }
  public void setQuality(String quality) { this.quality = quality; }
  public LocalDate getSignedOn() { return signedOn; }
  public void setSignedOn(LocalDate signedOn) { this.signedOn = signedOn; }
}
