package fr.jalon.reporting;

import fr.jalon.grant.Grant;
import fr.jalon.platform.Dates;
import fr.jalon.platform.Messages;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The rows of a tabular report design (budget execution, co-funding, progress): each row has its
 * section, the section's column headings, a label, up to eight values already formatted and an
 * optional bar (a share from 0 to 1, drawn as a bar in the PDF).
 */
final class ReportTable {
  static final int COLUMNS = 8;
  private static final int BAR_WIDTH = 24;
  private final List<Map<String, ?>> rows = new ArrayList<>();
  private String section;
  private List<String> headings = List.of();

  ReportTable section(String title, List<String> columnHeadings) {
    this.section = title;
    this.headings = columnHeadings;
    return this;
  }

  ReportTable row(String label, List<String> values, Double bar) {
    Map<String, Object> r = new HashMap<>();
    r.put("section", section);
    r.put("label", label);
    for (int i = 0; i < COLUMNS; i++) {
      r.put("h" + (i + 1), i < headings.size() ? headings.get(i) : null);
      r.put("v" + (i + 1), i < values.size() ? values.get(i) : null);
    }
    r.put("bar", bar == null ? null : "█".repeat((int) Math.round(Math.max(0, Math.min(1, bar)) * BAR_WIDTH)));
    rows.add(r);
    return this;
  }

  /** A row whose long text (a narrative) runs under its label on the whole width; a blank label prints the text alone. */
  ReportTable text(String label, String text) {
    row(label, List.of(), null);
    @SuppressWarnings("unchecked")
    Map<String, Object> last = (Map<String, Object>) rows.get(rows.size() - 1);
    if (label == null || label.isBlank()) {
      last.put("label", null);
    }
    last.put("text", text == null || text.isBlank() ? null : text.strip());
    return this;
  }

  ReportTable row(String label, List<String> values) {
    return row(label, values, null);
  }

  List<Map<String, ?>> rows() {
    return rows;
  }

  /** The heading every design shows: title, grant, beneficiary, period, version, date of generation. */
  static Map<String, Object> heading(Report report, String title, LocalDate today, Locale l) {
    Grant grant = report.grant();
    Map<String, Object> p = new HashMap<>();
    p.put("title", title);
    p.put("grantLine", grant.reference() + " — " + grant.title());
    p.put("beneficiary", grant.beneficiary().name());
    p.put("periodLine", Messages.get(l, "erd.period", Dates.format(report.periodFrom(), l), Dates.format(report.periodTo(), l)));
    p.put("versionLine", Messages.get(l, "erd.version", Messages.get(l, "reportType." + report.type().name()), report.reportVersion()));
    p.put("generatedOn", Dates.format(today, l));
    p.put("signature", Messages.get(l, "signatory." + SignatoryRole.LEGAL_REPRESENTATIVE.name()));
    p.put("signed", report.signatures().stream().filter(s -> s.role() == SignatoryRole.LEGAL_REPRESENTATIVE).findFirst()
        .map(s -> s.name() + " — " + s.quality() + " — " + Messages.get(l, "erd.signedOn", Dates.format(s.signedOn(), l))).orElse(null));
    return p;
  }

  interface Writer {
    void write(OutputStream out) throws IOException;
  }

  static Path write(Path folder, String prefix, String extension, Writer writer) throws IOException {
    Path file = Files.createTempFile(folder, prefix, "." + extension);
    try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file))) {
      writer.write(out);
    }
    return file;
  }
}
