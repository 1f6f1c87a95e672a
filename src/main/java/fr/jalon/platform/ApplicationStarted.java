package fr.jalon.platform;

/**
 * Fired once the database is migrated, before Jalon takes requests. Observers order themselves
 * with {@code @Priority}: the first administrator before the demo data.
 */
public record ApplicationStarted(Settings settings) {}
