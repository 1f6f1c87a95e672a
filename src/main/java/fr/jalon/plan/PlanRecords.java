package fr.jalon.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/** The read side of the plan and the budget: records for pages and REST, made by queries. */
public final class PlanRecords {
  private PlanRecords() {}

  /** One node of the action plan, with its depth (1 axis, 2 action, 3 sub-action) and whether money is planned on it. */
  public record ActionRow(Long id, Long parentId, String code, String title, String description, Long leadOrganisationId, String leadOrganisation,
      LocalDate startDate, LocalDate endDate, boolean closed, int version, int depth, boolean hasBudget) implements java.io.Serializable {}

  /** What a form or a JSON body sends to create or change an action. */
  public record ActionForm(Long parentId, String code, String title, String description, Long leadOrganisationId, LocalDate startDate, LocalDate endDate,
      Integer version, Boolean closed) implements java.io.Serializable {}

  public record CategoryRow(Long id, String code, String label, boolean eligible, boolean flatRate, String accountPrefixes, int sortOrder, int version) implements java.io.Serializable {}

  public record CategoryForm(String code, String label, Boolean eligible, String accountPrefixes, Integer version) implements java.io.Serializable {}

  public record Source(Long id, String label, String kind) implements java.io.Serializable {}

  public record VersionRow(Long id, int number, String label, BudgetStatus status, Integer basedOnNumber, LocalDateTime createdAt, String createdBy,
      LocalDate approvedOn, String approvedBy, String decisionReference, int version) implements java.io.Serializable {}

  /** One stored cell as read for the grid. */
  public record Cell(Long actionId, Long categoryId, Long sourceId, int year, BigDecimal amount) implements java.io.Serializable {}

  /** A cell to write: the coordinates and the new amount (zero keeps the row). */
  public record CellChange(Long actionId, Long categoryId, Long sourceId, Integer year, BigDecimal amount) implements java.io.Serializable {}

  /** A row to add to a draft: action × category × funding source, at zero for every year. */
  public record RowKey(Long actionId, Long categoryId, Long sourceId) implements java.io.Serializable {}

  /** One grid row: action × category × source, one amount per year of the grant, and its total. */
  public record GridRow(Long actionId, String actionCode, Long categoryId, String categoryCode, String categoryLabel, boolean flatRate, Long sourceId,
      String sourceLabel, BigDecimal[] amounts, @jakarta.json.bind.annotation.JsonbTransient BigDecimal[] sum) implements java.io.Serializable {
    public String key() {
      return actionId + "-" + categoryId + "-" + sourceId;
    }

    public BigDecimal total() {
      return sum[0];
    }
  }

  /** The rows of one action with its subtotal per year. */
  public record GridGroup(Long actionId, String actionCode, String actionTitle, List<GridRow> rows, BigDecimal[] yearTotals, @jakarta.json.bind.annotation.JsonbTransient BigDecimal[] sum) implements java.io.Serializable {
    public BigDecimal total() {
      return sum[0];
    }
  }

  /** The whole grid of one version: groups by action, totals per year and the grand total. */
  public record Grid(VersionRow version, List<Integer> years, List<GridGroup> groups, BigDecimal[] yearTotals, @jakarta.json.bind.annotation.JsonbTransient BigDecimal[] sum, boolean editable) implements java.io.Serializable {
    public BigDecimal total() {
      return sum[0];
    }

    public int lineCount() {
      return groups.stream().mapToInt(g -> g.rows().size()).sum();
    }
  }

  /** Per action × category, the totals of two versions and their difference. */
  public record CompareRow(String actionCode, String actionTitle, String categoryCode, BigDecimal left, BigDecimal right) implements java.io.Serializable {
    public BigDecimal difference() {
      return right.subtract(left);
    }
  }

  public record Comparison(VersionRow left, VersionRow right, List<CompareRow> rows, BigDecimal leftTotal, BigDecimal rightTotal) implements java.io.Serializable {
    public BigDecimal difference() {
      return rightTotal.subtract(leftTotal);
    }
  }

  /** What the approval page shows: the version, its baseline, rule 12's verdict, the decisions to cite. */
  public record ApprovalReview(VersionRow version, VersionRow baseline, Fungibility.Result fungibility, BigDecimal eligibleTotal, List<DecisionRow> decisions) implements java.io.Serializable {
    public boolean needsDecision() {
      return fungibility.needsDecision();
    }
  }

  public record DecisionRow(Long id, String reference, LocalDate heldOn, String summary) implements java.io.Serializable {
    public String citation() {
      return reference + " — " + fr.jalon.platform.Dates.format(heldOn);
    }
  }

  /** What the administrator sends to approve: the decision when rule 12 asks for one. */
  public record Approval(Long decisionId, Integer version) implements java.io.Serializable {}

  public record NewRevision(String label) implements java.io.Serializable {}
}
