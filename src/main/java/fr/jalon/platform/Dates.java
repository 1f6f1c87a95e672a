package fr.jalon.platform;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates the French way, {@code 29/11/2026}; English screens use ISO, {@code 2026-11-29}. */
public final class Dates {
  private static final DateTimeFormatter FRENCH = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final DateTimeFormatter FRENCH_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");
  private static final DateTimeFormatter ISO_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private Dates() {}

  public static String format(LocalDate date, Locale locale) {
    if (date == null) {
      return "";
    }
    return "en".equals(locale.getLanguage()) ? date.toString() : FRENCH.format(date);
  }

  public static String format(LocalDate date) {
    return format(date, Locale.FRENCH);
  }

  public static String format(LocalDateTime time, Locale locale) {
    if (time == null) {
      return "";
    }
    return "en".equals(locale.getLanguage()) ? ISO_TIME.format(time) : FRENCH_TIME.format(time);
  }
}
