package fr.jalon.audit;

import fr.jalon.platform.Dates;
import fr.jalon.platform.Faces;
import fr.jalon.platform.Page;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** The audit trail page: newest first, paged in the database. */
@Named
@ViewScoped
public class AuditView implements Serializable {
  @Inject AuditTrail trail;

  private final LazyDataModel<AuditLine> lines = new LazyDataModel<>() {
    @Override
    public int count(Map<String, FilterMeta> filterBy) {
      return (int) trail.page(0, 1, filterOf(filterBy)).total();
    }

    @Override
    public List<AuditLine> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
      Page<AuditLine> page = trail.page(first, pageSize, filterOf(filterBy));
      setRowCount((int) page.total());
      return page.items();
    }

    @Override
    public String getRowKey(AuditLine line) {
      return String.valueOf(line.id());
    }

    @Override
    public AuditLine getRowData(String rowKey) {
      return null;
    }
  };

  public LazyDataModel<AuditLine> getLines() {
    return lines;
  }

  /** Screen labels for the recorded attribute names, from the same bundle keys the forms use. */
  private static final Map<String, String> LABELS = Map.ofEntries(
      Map.entry("reference", "grant.reference"), Map.entry("title", "grant.titleField"), Map.entry("programme", "grant.programme"),
      Map.entry("operatorName", "grant.operator"), Map.entry("ministry", "grant.ministry"), Map.entry("beneficiary", "grant.beneficiary"),
      Map.entry("signatureDate", "grant.signatureDate"), Map.entry("eligibilityStart", "grant.eligibilityStart"), Map.entry("endDate", "grant.endDate"),
      Map.entry("maxPiaAmount", "grant.maxPiaAmount"), Map.entry("eligibleBudget", "grant.eligibleBudget"),
      Map.entry("signedAgreement", "grant.signedAgreement"), Map.entry("effectiveFrom", "param.effectiveFrom"),
      Map.entry("maxPiaRate", "param.maxPiaRate"), Map.entry("maxPublicAidRate", "param.maxPublicAidRate"),
      Map.entry("minCofundingRatio", "param.minCofundingRatio"), Map.entry("advanceCap", "param.advanceCap"),
      Map.entry("interimCap", "param.interimCap"), Map.entry("interimCapLong", "param.interimCapLong"),
      Map.entry("longGrantMonths", "param.longGrantMonths"), Map.entry("fungibilityThreshold", "param.fungibilityThreshold"),
      Map.entry("flatRateOverheads", "param.flatRateOverheads"), Map.entry("statutoryStaffEligible", "param.statutoryStaffEligible"),
      Map.entry("procurementThreshold", "param.procurementThreshold"), Map.entry("separatePaymentOrder", "param.separatePaymentOrder"),
      Map.entry("finalPaymentGraceDays", "param.finalPaymentGraceDays"), Map.entry("reportDueDays", "param.reportDueDays"),
      Map.entry("reportingPeriod", "param.reportingPeriod"), Map.entry("username", "users.username"), Map.entry("displayName", "users.displayName"),
      Map.entry("email", "users.email"), Map.entry("roles", "users.roles"), Map.entry("active", "users.active"),
      Map.entry("mustChangePassword", "users.mustChange"), Map.entry("name", "users.displayName"),
      Map.entry("legalForm", "grant.legalForm"), Map.entry("recoversVat", "grant.vat"), Map.entry("siren", "audit.field.siren"),
      Map.entry("siret", "audit.field.siret"), Map.entry("createdAt", "audit.field.createdAt"));

  /** The record's kind in the reader's words: "Convention PIA3-…" rather than "Grant PIA3-…". */
  public String record(AuditLine line) {
    if (line.entityType() == null) {
      return line.summary();
    }
    String kind = Faces.text("audit.type." + line.entityType());
    return (kind.startsWith("audit.type.") ? line.entityType() : kind) + " " + (line.entityId() == null ? "" : line.entityId());
  }

  /** "field: old → new" lines with the screen's label for each field. */
  public String changes(AuditLine line) {
    if (line.changes() == null || line.changes().isBlank()) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    for (String change : line.changes().split("\n")) {
      int colon = change.indexOf(": ");
      String attribute = colon < 0 ? change : change.substring(0, colon);
      String key = LABELS.get(attribute);
      String label = key == null ? attribute : Faces.text(key);
      out.append(colon < 0 ? change : label + " : " + change.substring(colon + 2)).append('\n');
    }
    return out.toString().strip();
  }

  public String time(LocalDateTime at) {
    return Dates.format(at, Faces.locale());
  }

  private static String filterOf(Map<String, FilterMeta> filterBy) {
    FilterMeta global = filterBy == null ? null : filterBy.get(FilterMeta.GLOBAL_FILTER_KEY);
    return global == null || global.getFilterValue() == null ? null : global.getFilterValue().toString();
  }
}
