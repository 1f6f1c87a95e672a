package fr.jalon.reporting;

import java.util.EnumSet;
import java.util.Set;

/**
 * Every report Jalon knows (DESIGN.md §2, "Reports for the ministry and the operator"), with what
 * it covers, the formats it comes in and whether it holds expenses (an expense statement). A type
 * can be generated once a {@link ReportGenerator} bean answers for it; see package-info.
 */
public enum ReportType {
  /** État récapitulatif des dépenses for a period. */
  ERD(Scope.PERIOD, true, EnumSet.of(ReportFormat.PDF, ReportFormat.XLSX, ReportFormat.CSV)),
  /** The final ERD over the whole grant: the balance tranche waits for it (rule 9). */
  FINAL_ERD(Scope.PERIOD, true, EnumSet.of(ReportFormat.PDF, ReportFormat.XLSX, ReportFormat.CSV)),
  /** Demande de versement: one pack for a tranche. */
  TRANCHE_REQUEST(Scope.TRANCHE, false, EnumSet.of(ReportFormat.PDF)),
  /** Rapport d'avancement (yearly). */
  PROGRESS(Scope.PERIOD, false, EnumSet.of(ReportFormat.PDF)),
  /** The final progress report: the balance tranche waits for it (rule 9). */
  FINAL_PROGRESS(Scope.PERIOD, false, EnumSet.of(ReportFormat.PDF)),
  /** État des cofinancements. */
  COFUNDING(Scope.PERIOD, false, EnumSet.of(ReportFormat.PDF, ReportFormat.XLSX)),
  /** Exécution budgétaire. */
  BUDGET_EXECUTION(Scope.PERIOD, false, EnumSet.of(ReportFormat.PDF, ReportFormat.XLSX)),
  /** Indicators against targets. */
  INDICATORS(Scope.PERIOD, false, EnumSet.of(ReportFormat.PDF, ReportFormat.XLSX)),
  /** Prévisionnel de décaissement: forecast spending and tranche calls per year. */
  DISBURSEMENT_FORECAST(Scope.PERIOD, false, EnumSet.of(ReportFormat.PDF, ReportFormat.XLSX)),
  /** Rapport final. */
  FINAL(Scope.PERIOD, false, EnumSet.of(ReportFormat.PDF, ReportFormat.XLSX));

  /** What a report of the type is about: a period (from/to) or a tranche. */
  public enum Scope {
    PERIOD,
    TRANCHE
  }

  private final Scope scope;
  private final boolean statement;
  private final Set<ReportFormat> formats;

  ReportType(Scope scope, boolean statement, Set<ReportFormat> formats) {
    this.scope = scope;
    this.statement = statement;
    this.formats = formats;
  }

  public Scope scope() {
    return scope;
  }

  /** True for an expense statement: it holds paid expenses, locks them in review and declares them on submission (rule 6). */
  public boolean statement() {
    return statement;
  }

  public Set<ReportFormat> formats() {
    return formats;
  }
}
