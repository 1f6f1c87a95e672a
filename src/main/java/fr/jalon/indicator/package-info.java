/**
 * Indicators: what the CMQ reports to the ministry each school year (learners, apprentices,
 * teachers trained, partner companies…), their targets, their values with optional breakdowns,
 * and the derived ones Jalon computes itself (co-funding leverage, the share of a part).
 */
package fr.jalon.indicator;
