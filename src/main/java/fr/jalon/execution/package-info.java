/**
 * Budget execution, the read side used by the dashboard and the reports: planned / committed /
 * paid / declared / accepted per year × category × action × funding source, still to pay and
 * available, over-budget lines.
 *
 * <p>{@link fr.jalon.execution.ExecutionTotals} keeps a table of totals of the visible expenses
 * (count and sums per grant × action × category × funding source × status × year), changed in the
 * same transaction as every change that moves an expense's money or status; {@link
 * fr.jalon.execution.ExecutionFigures} reads it beside the budget in force with aggregate queries,
 * never loading an expense.
 *
 * <p>The year an expense counts in: the year of its payment date once it is paid (or further along
 * the chain), otherwise its own year — the invoice date's year, else the commitment date's. The
 * table also keeps the expense's own year, which the expense list filters on.
 */
package fr.jalon.execution;
