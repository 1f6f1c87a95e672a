package fr.jalon.grant;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What an administrator may change on the grant, with the version they started from (a stale
 * version is a conflict, never a silent overwrite).
 */
public record GrantChange(
    String reference,
    String title,
    String programme,
    String operatorName,
    String ministry,
    LocalDate signatureDate,
    LocalDate eligibilityStart,
    LocalDate endDate,
    BigDecimal maxPiaAmount,
    BigDecimal eligibleBudget,
    ParameterValues parameters,
    Integer version) {}
