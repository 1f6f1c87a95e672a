package fr.jalon.grant;

import java.time.LocalDate;

/**
 * An amendment as the administrator records it: {@code parameters} is the whole new parameter set
 * (null when only the budget changes), {@code budgetVersionId} the approved budget version it
 * approves (null when only parameters change).
 */
public record NewAmendment(
    LocalDate signedOn, LocalDate effectiveFrom, String object, Long decisionId, ParameterValues parameters, Long budgetVersionId) {}
