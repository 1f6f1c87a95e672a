/**
 * The audit trail: who changed what, when, with old and new values. Every entity change is
 * recorded by one EclipseLink listener in the same transaction; bulk operations, imports and
 * failed logins write one explicit entry.
 */
package fr.jalon.audit;
