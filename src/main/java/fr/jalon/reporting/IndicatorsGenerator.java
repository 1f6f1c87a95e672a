package fr.jalon.reporting;

import fr.jalon.indicator.IndicatorRow;
import fr.jalon.indicator.IndicatorService;
import fr.jalon.indicator.SchoolYear;
import fr.jalon.platform.Dates;
import fr.jalon.platform.Messages;
import fr.jalon.platform.ReportEngine;
import fr.jalon.platform.Xlsx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;

/**
 * Suivi des indicateurs (DESIGN.md §2), for the school year ending on the report's period end:
 * each indicator with its target, its value, the achievement (value ÷ target) and whether it is
 * reached, then the breakdown of each value. Everything comes from {@link IndicatorService#table}.
 * PDF (design {@code reports/indicators.jrxml}) and XLSX.
 */
@ApplicationScoped
public class IndicatorsGenerator implements ReportGenerator {
  public static final String DESIGN = "indicators";

  @Inject IndicatorService indicators;
  @Inject ReportEngine engine;
  @Inject Clock clock;

  @Override
  public boolean handles(ReportType type) {
    return type == ReportType.INDICATORS;
  }

  /** The school year a report covers: the one its period ends in (31 August ends 2024-2025). */
  static SchoolYear schoolYear(Report report) {
    LocalDate end = report.periodTo() != null ? report.periodTo() : report.periodFrom();
    return SchoolYear.of(end);
  }

  @Override
  public Generated generate(Report report, Path folder, Locale locale) {
    SchoolYear year = schoolYear(report);
    List<IndicatorRow> rows = indicators.table(year);
    Map<ReportFormat, Path> files = new EnumMap<>(ReportFormat.class);
    try {
      Path pdf = folder.resolve("indicators.pdf");
      try (OutputStream out = Files.newOutputStream(pdf)) {
        engine.pdf(DESIGN, parameters(report, year, rows, locale), new JRMapCollectionDataSource(lines(rows, locale)), locale, out);
      }
      files.put(ReportFormat.PDF, pdf);
      Path xlsx = folder.resolve("indicators.xlsx");
      try (OutputStream out = Files.newOutputStream(xlsx)) {
        xlsx(rows, locale, out);
      }
      files.put(ReportFormat.XLSX, xlsx);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Generated(rows.size(), BigDecimal.ZERO.setScale(2), files);
  }

  Map<String, Object> parameters(Report report, SchoolYear year, List<IndicatorRow> rows, Locale locale) {
    Map<String, Object> p = new HashMap<>();
    p.put("title", Messages.get(locale, "indicatorsReport.title", year.label()));
    p.put("grantLine", report.grant().reference() + " — " + report.grant().title());
    p.put("beneficiary", report.grant().beneficiary().name());
    p.put("yearLine", Messages.get(locale, "indicatorsReport.year", year.label(), Dates.format(year.firstDay(), locale), Dates.format(year.lastDay(), locale)));
    p.put("versionLine", Messages.get(locale, "erd.version", Messages.get(locale, "reportType." + report.type().name()), report.reportVersion()));
    p.put("generatedOn", Dates.format(LocalDate.now(clock), locale));
    long reached = rows.stream().filter(IndicatorRow::reached).count();
    long measured = rows.stream().filter(r -> r.value() != null && r.target() != null).count();
    p.put("summary", Messages.get(locale, "indicatorsReport.summary", rows.size(), measured, reached));
    return p;
  }

  /** The PDF's lines: the indicators against their targets, then each value's breakdown. */
  List<Map<String, ?>> lines(List<IndicatorRow> rows, Locale locale) {
    List<Map<String, ?>> lines = new ArrayList<>();
    String main = Messages.get(locale, "indicatorsReport.section.targets");
    String[] mh = Messages.get(locale, "indicatorsReport.targets.header").split("\\|");
    for (IndicatorRow r : rows) {
      lines.add(line(main, mh, r.code(), r.label() + (r.unit() == null || r.unit().isBlank() ? "" : " (" + r.unit() + ")"), r.target(), r.value(),
          r.achievement() == null ? null : r.achievement() + " %", r.value() == null ? Messages.get(locale, "indicatorsReport.notRecorded")
              : r.target() == null ? "" : Messages.get(locale, r.reached() ? "indicatorsReport.reached" : "indicatorsReport.notReached")));
    }
    String parts = Messages.get(locale, "indicatorsReport.section.breakdown");
    String[] ph = Messages.get(locale, "indicatorsReport.breakdown.header").split("\\|");
    for (IndicatorRow r : rows) {
      for (IndicatorRow.Part part : r.parts()) {
        BigDecimal share = r.value() == null || r.value().signum() == 0 ? null : part.amount().multiply(new BigDecimal("100")).divide(r.value(), 1, java.math.RoundingMode.HALF_UP);
        lines.add(line(parts, ph, r.code(), part.label(), part.amount(), null, share == null ? null : String.format(locale, "%.1f %%", share), null));
      }
    }
    return lines;
  }

  private static Map<String, ?> line(String section, String[] head, String code, String label, BigDecimal n1, BigDecimal n2, String t1, String t2) {
    Map<String, Object> m = new HashMap<>();
    m.put("section", section);
    for (int i = 0; i < 6; i++) {
      m.put("h" + i, i < head.length ? head[i] : null);
    }
    m.put("code", code);
    m.put("label", label);
    m.put("n1", n1);
    m.put("n2", n2);
    m.put("t1", t1);
    m.put("t2", t2);
    return m;
  }

  void xlsx(List<IndicatorRow> rows, Locale locale, OutputStream out) throws IOException {
    try (Xlsx book = new Xlsx(out)) {
      book.sheet(Messages.get(locale, "indicatorsReport.section.targets"));
      book.row(List.of(Messages.get(locale, "indicatorsReport.xlsx.header").split("\\|")), true);
      for (IndicatorRow r : rows) {
        book.row(java.util.Arrays.asList(r.code(), r.label(), r.unit(), r.baseline(), r.target(), r.value(), r.achievement(),
            r.value() == null || r.target() == null ? null : Messages.get(locale, r.reached() ? "indicatorsReport.reached" : "indicatorsReport.notReached"), r.comment()), false);
      }
      book.sheet(Messages.get(locale, "indicatorsReport.section.breakdown"));
      book.row(List.of(Messages.get(locale, "indicatorsReport.breakdown.header").split("\\|")), true);
      for (IndicatorRow r : rows) {
        for (IndicatorRow.Part part : r.parts()) {
          book.row(java.util.Arrays.asList(r.code(), part.label(), part.amount()), false);
        }
      }
    }
  }
}
