/**
 * Expenses: each line of spending charged to the project, moved along the public-finance chain
 * (commitment, service done, liquidation, payment order, payment) under rules 1–5 and 7, with its
 * receipts, its provenance (typed, or imported from accounting), the list paged by keyset and its
 * exports.
 */
package fr.jalon.expense;
