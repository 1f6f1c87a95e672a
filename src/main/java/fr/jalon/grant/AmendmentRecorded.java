package fr.jalon.grant;

/**
 * Fired in the transaction that records an amendment, so that capabilities depending on the grant
 * react without the grant depending on them (rule 11: an amendment citing a NO_GO decision lifts
 * the suspension of the tranches after that milestone).
 */
public record AmendmentRecorded(long amendmentId, long decisionId) {}
