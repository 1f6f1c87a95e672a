/**
 * Milestones (jalons) and deliverables (livrables): what the action plan promised and when, the
 * evidence that it was reached, the COPIL decision that validated it (rule 11: a NO_GO suspends
 * the later tranches until an amendment cites it), and the milestone conditions of the tranches.
 * Late and slipping are derived from the dates and the one clock, never stored.
 */
package fr.jalon.milestone;
