/** The figures of a bench run: statistics, targets, and the JSON and Markdown result files. */
package fr.jalon.bench.report;
