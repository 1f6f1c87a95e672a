package fr.jalon.grant;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One receipt of a funding-plan line, as lists and the API show it. */
public record CofundingReceiptRow(Long id, Long cofundingId, LocalDate receivedOn, BigDecimal amount, String reference) {}
