package fr.jalon.accounting;

/** A refused line of a file: its number, the column concerned (may be null) and the reason, in French. */
public record FecProblem(int lineNumber, String column, String reason) implements java.io.Serializable {}
