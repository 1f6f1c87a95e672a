package fr.jalon.platform;

import java.util.List;

/** One page of a list read from the database, with the total count of the whole list. */
public record Page<T>(List<T> items, long total, int first, int size) {}
