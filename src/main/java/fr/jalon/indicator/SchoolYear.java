package fr.jalon.indicator;

import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;

/** A school year, September to August, named by the year it starts: 2023 is 2023-2024. */
public record SchoolYear(int startYear) implements Comparable<SchoolYear> {

  public static SchoolYear of(LocalDate day) {
    return new SchoolYear(day.getMonthValue() >= Month.SEPTEMBER.getValue() ? day.getYear() : day.getYear() - 1);
  }

  /** Every school year that overlaps the period from {@code first} to {@code last}. */
  public static List<SchoolYear> covering(LocalDate first, LocalDate last) {
    List<SchoolYear> years = new ArrayList<>();
    for (int y = of(first).startYear; y <= of(last).startYear; y++) {
      years.add(new SchoolYear(y));
    }
    return years;
  }

  public LocalDate firstDay() {
    return LocalDate.of(startYear, Month.SEPTEMBER, 1);
  }

  public LocalDate lastDay() {
    return LocalDate.of(startYear + 1, Month.AUGUST, 31);
  }

  /** "2023-2024". */
  public String label() {
    return startYear + "-" + (startYear + 1);
  }

  @Override
  public int compareTo(SchoolYear other) {
    return Integer.compare(startYear, other.startYear);
  }

  @Override
  public String toString() {
    return label();
  }
}
