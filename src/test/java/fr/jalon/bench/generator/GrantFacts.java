package fr.jalon.bench.generator;

import fr.jalon.grant.ParameterValues;
import java.math.BigDecimal;
import java.time.LocalDate;

/** What the grant step made, for the steps that follow (partners, users, later the budget). */
public record GrantFacts(
    long grantId,
    long beneficiaryId,
    String reference,
    String region,
    String town,
    LocalDate signatureDate,
    LocalDate eligibilityStart,
    LocalDate endDate,
    BigDecimal maxPiaAmount,
    BigDecimal eligibleBudget,
    ParameterValues parameters) {}
