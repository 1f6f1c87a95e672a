package fr.jalon.grant;

import java.math.BigDecimal;

/** The sum of one funding-plan line's receipts, as the database adds it up. */
public record ReceivedOnLine(Long cofundingId, BigDecimal received) {}
