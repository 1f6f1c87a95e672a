/**
 * Imports from accounting: the FEC (read per entry, DESIGN.md §2) and CSV (column mapping) readers,
 * the preview with the reading's progress, the staged all-or-nothing confirm, the history and the
 * undo, the selection and mappings saved per grant, and the import page.
 */
package fr.jalon.accounting;
