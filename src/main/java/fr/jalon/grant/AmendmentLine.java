package fr.jalon.grant;

import java.time.LocalDate;
import java.util.List;

/** An amendment as screens and the API list it, with its parameter changes before → after. */
public record AmendmentLine(
    long id,
    int number,
    LocalDate signedOn,
    LocalDate effectiveFrom,
    String object,
    long decisionId,
    String decisionReference,
    LocalDate decisionDate,
    Long budgetVersionId,
    String budgetVersion,
    List<ParameterChange> parameterChanges) {}
