package fr.jalon.reporting;

/**
 * Who signs a report: the beneficiary's legal representative (ordonnateur) certifies it; for an
 * expense statement the public accountant (public body) or the statutory auditor (private body)
 * attests the payments.
 */
public enum SignatoryRole {
  LEGAL_REPRESENTATIVE,
  PUBLIC_ACCOUNTANT,
  STATUTORY_AUDITOR
}
