/**
 * Reports: the lifecycle every report type shares, the archive, and the generators.
 *
 * <p>{@link fr.jalon.reporting.Report} is one version of a report; {@link fr.jalon.reporting.ReportService}
 * moves it ({@code DRAFT → IN_REVIEW → SIGNED → SUBMITTED → ACCEPTED | TO_CORRECT}), records the
 * signatures {@link fr.jalon.reporting.SignatureRules} require, stores the files through the file
 * store with their SHA-256 and re-verifies them. An expense statement moves its expenses only through
 * {@code ExpenseService} (claim, lock, declare, reopen, verdicts): the expense capability knows
 * nothing of reports.
 *
 * <p><b>Extension point.</b> The types are {@link fr.jalon.reporting.ReportType}; a type can be
 * generated once a CDI bean implementing {@link fr.jalon.reporting.ReportGenerator} answers
 * {@code handles(type)} — {@link fr.jalon.reporting.ErdGenerator} (ERD, FINAL_ERD) and
 * {@link fr.jalon.reporting.TrancheRequestGenerator} (TRANCHE_REQUEST),
 * {@link fr.jalon.reporting.BudgetExecutionGenerator} (BUDGET_EXECUTION),
 * {@link fr.jalon.reporting.CofundingReportGenerator} (COFUNDING) and
 * {@link fr.jalon.reporting.ProgressReportGenerator} (PROGRESS, FINAL_PROGRESS, with the project
 * manager's {@link fr.jalon.reporting.ProgressNarrative narratives}). Other types plug in the same
 * way: one bean, a design under {@code reports/}, no change to the lifecycle, the archive or the
 * REST API. The
 * tranche conditions "report of type X accepted" are answered by {@link fr.jalon.reporting.ReportConditions}.
 * {@link fr.jalon.reporting.DisbursementForecastGenerator} (DISBURSEMENT_FORECAST) and
 * {@link fr.jalon.reporting.IndicatorsGenerator} (INDICATORS) plug in that way, and
 * {@link fr.jalon.reporting.FinalReportGenerator} (FINAL, the whole grant, with the project
 * manager's {@link fr.jalon.reporting.ContinuationNarrative continuation text}).
 *
 * <p><b>Periodic generation.</b> {@link fr.jalon.reporting.PeriodicReports} generates the drafts due
 * at each period end ({@link fr.jalon.reporting.DuePeriods}, rhythms in {@link fr.jalon.reporting.ScheduleSetting}),
 * exactly once per period through a claim row under a unique key ({@link fr.jalon.reporting.ReportRun}),
 * and notifies the project manager and finance ({@link fr.jalon.reporting.Notification});
 * {@link fr.jalon.reporting.ReportScheduler} runs it from the container's managed scheduled
 * executor. {@link fr.jalon.reporting.ArchiveSubmissions} tells the dashboard which periods are done.
 */
package fr.jalon.reporting;
