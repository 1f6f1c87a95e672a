/**
 * Imports from accounting: the FEC (read per entry, DESIGN.md §2) and CSV readers, the preview,
 * the staged all-or-nothing confirm, the history and the undo.
 */
package fr.jalon.accounting;
