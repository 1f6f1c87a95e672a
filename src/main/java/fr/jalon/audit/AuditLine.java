package fr.jalon.audit;

import java.time.LocalDateTime;

/** A row of the audit trail as the screens and the API show it. */
public record AuditLine(Long id, LocalDateTime at, String actor, String action, String entityType, String entityId, String summary, String changes) {}
