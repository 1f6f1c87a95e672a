/**
 * The action plan and its budget (annexe financière): axes, actions and sub-actions; cost
 * categories; versioned budgets of lines per action × category × funding source × year, edited as
 * a draft, approved by the administrator under rule 12 (fungibility), compared side by side.
 * Depends on {@code grant} (the grant, its funding sources, COPIL decisions), never the reverse.
 */
package fr.jalon.plan;
