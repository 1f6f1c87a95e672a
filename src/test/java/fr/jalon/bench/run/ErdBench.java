package fr.jalon.bench.run;

import fr.jalon.bench.report.Results.ErdStatement;
import fr.jalon.bench.report.Samples;
import fr.jalon.platform.Dates;
import fr.jalon.platform.Messages;
import fr.jalon.platform.ReportEngine;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;

/**
 * The busiest year's expense statement (ERD, issue 7) to PDF over HTTP, Jalon started with
 * {@code -Xmx512m} (its swap-file virtualizer keeps the filled pages on disk), against
 * JasperReports' own fill + export of the same rows handed over as a prepared list in this JVM:
 * the same compiled designs ({@code reports/erd.jasper} and {@code erd-totals.jasper}, from the
 * build's classes), the same parameters, the lines and totals read beforehand from the database
 * Jalon wrote them to, filled in memory (no virtualizer) and exported to one PDF file.
 *
 * <p>Jalon's figure is the honest end-to-end operation as finance: {@code POST
 * /api/reports/{id}/regenerate} (the statement's lines claimed and frozen, the PDF, XLSX and CSV
 * written and stored with their SHA-256, in one transaction), then {@code GET} of the PDF file. The
 * first generation ({@code POST /api/reports}) is the warm-up; the runs regenerate the same draft,
 * which does the same work.
 */
public final class ErdBench {
  /** The target: Jalon takes at most 1.5 times JasperReports' own fill + export. */
  public static final double MAX_RATIO = 1.5;
  private static final Pattern VERSION = Pattern.compile("\"version\"\\s*:\\s*(\\d+)");
  private static final Pattern LINE_COUNT = Pattern.compile("\"lineCount\"\\s*:\\s*(\\d+)");
  private static final Pattern FILE = Pattern.compile("\\{[^{}]*\"format\"\\s*:\\s*\"PDF\"[^{}]*\\}");
  private static final Pattern FILE_ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

  private ErdBench() {}

  /** The size of the statement: about this many lines. */
  public static final long TARGET_LINES = 100_000;

  /**
   * The period the statement covers: in the busiest year (the most paid lines that can enter a
   * statement), the months from January on until they hold at least {@link #TARGET_LINES} lines,
   * or the whole year when it holds fewer.
   */
  public record Plan(int year, int months, long lines) {
    LocalDate from() {
      return LocalDate.of(year, 1, 1);
    }

    LocalDate to() {
      return LocalDate.of(year, months, 1).withDayOfMonth(LocalDate.of(year, months, 1).lengthOfMonth());
    }

    /** The period as the bench prints it. */
    public String period() {
      return from() + " – " + to();
    }
  }

  /** What Jalon did: the report it generated and the times of the measured runs. */
  public record Jalon(long reportId, List<Long> millis, long pdfBytes, long rssAfterKiB) {}

  /** Reads the busiest year and the months of it to take from a data folder's database (Jalon not running on it). */
  public static Plan plan(Path dataFolder) throws SQLException {
    String url = "jdbc:derby:" + dataFolder.resolve("jalon-db");
    String claimable = " FROM EXPENSE WHERE STATUS = 'PAID' AND RECEIPT_COUNT > 0 AND STATEMENT_ID IS NULL";
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      int year;
      try (ResultSet r = s.executeQuery("SELECT YEAR(PAID_ON), COUNT(*)" + claimable + " GROUP BY YEAR(PAID_ON) ORDER BY 2 DESC, 1 DESC")) {
        if (!r.next()) {
          throw new IllegalStateException("No paid expense with a receipt in " + dataFolder + ": nothing for an expense statement");
        }
        year = r.getInt(1);
      }
      long[] byMonth = new long[13];
      try (ResultSet r = s.executeQuery("SELECT MONTH(PAID_ON), COUNT(*)" + claimable + " AND YEAR(PAID_ON) = " + year + " GROUP BY MONTH(PAID_ON)")) {
        while (r.next()) {
          byMonth[r.getInt(1)] = r.getLong(2);
        }
      }
      Plan plan = months(year, byMonth);
      Progress.log("ERD period %s: %d paid lines with a receipt (busiest year %d)", plan.period(), plan.lines(), year);
      return plan;
    } finally {
      shutdown(url);
    }
  }

  /** The months of {@code year} from January on until they hold {@link #TARGET_LINES} lines ({@code byMonth[1..12]}), or all twelve. */
  static Plan months(int year, long[] byMonth) {
    long lines = 0;
    for (int month = 1; month <= 12; month++) {
      lines += byMonth[month];
      if (lines >= TARGET_LINES || month == 12) {
        return new Plan(year, month, lines);
      }
    }
    throw new IllegalStateException("unreachable");
  }

  /** One warm-up generation then {@code runs} regenerations, each followed by the PDF's download, as finance. */
  public static Jalon measure(PayaraInstance instance, Plan plan, int warmups, int runs) throws IOException, InterruptedException {
    HttpSession session = HttpSession.login(instance.base(), JalonRequests.FINANCE_USERNAME, JalonRequests.PASSWORD);
    long start = System.nanoTime();
    HttpResponse<String> created = session.post("/api/reports", "application/json",
        HttpRequest.BodyPublishers.ofString("{\"type\":\"ERD\",\"from\":\"" + plan.from() + "\",\"to\":\"" + plan.to() + "\"}"), Map.of());
    if (created.statusCode() != 201) {
      throw new IllegalStateException("ERD generation answered HTTP " + created.statusCode() + ": " + head(created.body()));
    }
    long reportId = reportId(created.body());
    long pdfBytes = download(session, reportId, created.body(), plan);
    Progress.log("ERD %s (%d lines): generated and downloaded by Jalon in %d ms (warm-up)", plan.period(), plan.lines(), (System.nanoTime() - start) / 1_000_000);
    String row = created.body();
    for (int i = 1; i < warmups; i++) {
      row = regenerate(session, reportId, row, plan);
    }
    List<Long> millis = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      start = System.nanoTime();
      row = regenerate(session, reportId, row, plan);
      pdfBytes = download(session, reportId, row, plan);
      long took = (System.nanoTime() - start) / 1_000_000;
      millis.add(took);
      Progress.log("ERD %s: regenerated and downloaded by Jalon in %d ms (%d bytes of PDF)", plan.period(), took, pdfBytes);
    }
    return new Jalon(reportId, millis, pdfBytes, instance.rssKiB());
  }

  private static String regenerate(HttpSession session, long reportId, String row, Plan plan) throws IOException, InterruptedException {
    HttpResponse<String> answer = session.post("/api/reports/" + reportId + "/regenerate", "application/json",
        HttpRequest.BodyPublishers.ofString("{\"version\":" + version(row) + "}"), Map.of());
    if (answer.statusCode() != 200) {
      throw new IllegalStateException("ERD regeneration answered HTTP " + answer.statusCode() + ": " + head(answer.body()));
    }
    return answer.body();
  }

  private static long download(HttpSession session, long reportId, String row, Plan plan) throws IOException, InterruptedException {
    long lines = lineCount(row);
    if (lines != plan.lines()) {
      throw new IllegalStateException("Jalon's ERD holds " + lines + " lines, the database " + plan.lines() + " paid lines with a receipt in " + plan.period());
    }
    String fileId = pdfFileId(row);
    HttpResponse<byte[]> pdf = session.get("/api/reports/" + reportId + "/files/" + fileId);
    byte[] body = pdf.body();
    if (pdf.statusCode() != 200 || body.length < 4 || !new String(body, 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1).equals("%PDF")) {
      throw new IllegalStateException("The ERD's PDF answered HTTP " + pdf.statusCode() + " with " + body.length + " bytes that are not a PDF");
    }
    return body.length;
  }

  /** The floor: the statement Jalon froze, read from its database, filled and exported by JasperReports in this JVM. */
  public static ErdStatement floor(Path dataFolder, int size, Plan plan, Jalon jalon, String jvmArgs, int warmups, int runs, Path work) throws Exception {
    String url = "jdbc:derby:" + dataFolder.resolve("jalon-db");
    List<Map<String, ?>> lines;
    List<Map<String, ?>> totals;
    Map<String, Object> heading;
    try (Connection c = DriverManager.getConnection(url)) {
      lines = lines(c, jalon.reportId());
      totals = totals(c, jalon.reportId());
      heading = heading(c, plan);
    } finally {
      shutdown(url);
    }
    if (lines.size() != plan.lines()) {
      throw new IllegalStateException("The ERD Jalon froze holds " + lines.size() + " lines, " + plan.lines() + " expected");
    }
    ReportEngine engine = new ReportEngine();
    Files.createDirectories(work);
    Path pdf = work.resolve("erd-floor.pdf");
    List<Long> millis = new ArrayList<>();
    for (int i = 0; i < warmups + runs; i++) {
      long start = System.nanoTime();
      fillAndExport(engine, heading, lines, totals, pdf);
      long took = (System.nanoTime() - start) / 1_000_000;
      Progress.log("ERD %s: JasperReports fill + export of the prepared rows in %d ms%s", plan.period(), took, i < warmups ? " (warm-up)" : "");
      if (i >= warmups) {
        millis.add(took);
      }
    }
    return new ErdStatement(size, plan.period(), lines.size(), jvmArgs, Samples.of(jalon.millis()), Samples.of(millis), jalon.pdfBytes(), Files.size(pdf),
        jalon.rssAfterKiB(), MAX_RATIO);
  }

  private static void fillAndExport(ReportEngine engine, Map<String, Object> heading, List<Map<String, ?>> lines, List<Map<String, ?>> totals, Path pdf)
      throws JRException, IOException {
    JasperPrint main = engine.fill("erd", heading, new JRMapCollectionDataSource(lines), Locale.FRENCH);
    Map<String, Object> t = new HashMap<>();
    t.put("title", Messages.get(Locale.FRENCH, "erd.totals.title"));
    t.put("periodLine", heading.get("periodLine"));
    t.put("certification", "Certifié exact.");
    t.put("signer1", "Représentant légal");
    t.put("signer2", "Agent comptable");
    JasperPrint last = engine.fill("erd-totals", t, new JRMapCollectionDataSource(totals), Locale.FRENCH);
    try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(pdf))) {
      engine.pdf(List.of(main, last), out);
    }
  }

  /** The frozen lines in print order, with the fields erd.jrxml reads, as Jalon hands them over. */
  static List<Map<String, ?>> lines(Connection c, long reportId) throws SQLException {
    List<Map<String, ?>> rows = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement("SELECT e.ID, l.ACTION_CODE, a.TITLE, l.CATEGORY_CODE, e.INVOICE_NUMBER, e.INVOICE_DATE, e.SUPPLIER_NAME,"
        + " e.DESCRIPTION, l.AMOUNT_EXCL, l.AMOUNT_INCL, l.ELIGIBLE_AMOUNT, e.PAID_ON, e.ORDER_NUMBER, k.INVOICE_NUMBER, k.SUPPLIER_NAME"
        + " FROM REPORT_LINE l JOIN EXPENSE e ON e.ID = l.EXPENSE_ID JOIN PLAN_ACTION a ON a.ID = e.ACTION_ID"
        + " LEFT JOIN EXPENSE k ON k.ID = e.CORRECTS_ID WHERE l.REPORT_ID = ? ORDER BY l.ACTION_CODE, e.PAID_ON, e.ID")) {
      s.setLong(1, reportId);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          Map<String, Object> row = new HashMap<>();
          row.put("actionCode", r.getString(2));
          row.put("actionTitle", r.getString(3));
          row.put("categoryCode", r.getString(4));
          row.put("invoiceNumber", r.getString(5));
          row.put("invoiceDate", r.getDate(6) == null ? null : Dates.format(r.getDate(6).toLocalDate()));
          row.put("supplier", r.getString(7));
          row.put("description", r.getString(8));
          row.put("amountExcl", r.getBigDecimal(9));
          row.put("amountIncl", r.getBigDecimal(10));
          row.put("eligibleAmount", r.getBigDecimal(11));
          row.put("paidOn", r.getDate(12) == null ? null : Dates.format(r.getDate(12).toLocalDate()));
          row.put("orderNumber", r.getString(13));
          row.put("corrects", r.getString(15) == null ? null : (r.getString(14) == null ? "" : r.getString(14) + " — ") + r.getString(15));
          rows.add(row);
        }
      }
    }
    return rows;
  }

  /** Per category, the grand total, then per action: this statement against the approved budget (no earlier statement in the bench's data). */
  static List<Map<String, ?>> totals(Connection c, long reportId) throws SQLException {
    List<Map<String, ?>> rows = new ArrayList<>();
    BigDecimal all = BigDecimal.ZERO.setScale(2);
    BigDecimal allBudget = BigDecimal.ZERO.setScale(2);
    for (String[] section : new String[][] {{"Par catégorie", "CATEGORY_CODE", "COST_CATEGORY", "LABEL", "CATEGORY_ID"}, {"Par action", "ACTION_CODE", "PLAN_ACTION", "TITLE", "ACTION_ID"}}) {
      Map<String, BigDecimal[]> sums = new LinkedHashMap<>();
      Map<String, String> labels = new HashMap<>();
      try (PreparedStatement s = c.prepareStatement("SELECT t.CODE, t." + section[3] + ", SUM(b.AMOUNT) FROM BUDGET_LINE b JOIN " + section[2] + " t ON t.ID = b."
          + section[4] + " JOIN BUDGET_VERSION v ON v.ID = b.BUDGET_VERSION_ID WHERE v.STATUS = 'APPROVED' GROUP BY t.CODE, t." + section[3] + " ORDER BY t.CODE");
          ResultSet r = s.executeQuery()) {
        while (r.next()) {
          labels.put(r.getString(1), r.getString(2));
          sums.put(r.getString(1), new BigDecimal[] {r.getBigDecimal(3), BigDecimal.ZERO.setScale(2)});
        }
      }
      try (PreparedStatement s = c.prepareStatement("SELECT " + section[1] + ", SUM(ELIGIBLE_AMOUNT) FROM REPORT_LINE WHERE REPORT_ID = ? GROUP BY " + section[1])) {
        s.setLong(1, reportId);
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            sums.computeIfAbsent(r.getString(1), k -> new BigDecimal[] {null, BigDecimal.ZERO.setScale(2)})[1] = r.getBigDecimal(2);
          }
        }
      }
      for (Map.Entry<String, BigDecimal[]> e : sums.entrySet()) {
        rows.add(total(section[0], e.getKey(), labels.get(e.getKey()), e.getValue()[0], e.getValue()[1], false));
        if (section[0].equals("Par catégorie")) {
          all = all.add(e.getValue()[1]);
          allBudget = allBudget.add(e.getValue()[0] == null ? BigDecimal.ZERO : e.getValue()[0]);
        }
      }
      if (section[0].equals("Par catégorie")) {
        rows.add(total(section[0], "Total", null, allBudget, all, true));
      }
    }
    return rows;
  }

  private static Map<String, ?> total(String section, String code, String label, BigDecimal budget, BigDecimal amount, boolean strong) {
    Map<String, Object> row = new HashMap<>();
    row.put("sectionLabel", section);
    row.put("code", code);
    row.put("label", label);
    row.put("budget", budget);
    row.put("thisStatement", amount);
    row.put("earlier", BigDecimal.ZERO.setScale(2));
    row.put("cumulative", amount);
    row.put("consumed", budget == null || budget.signum() == 0 ? null : amount.multiply(BigDecimal.valueOf(100)).divide(budget, 1, RoundingMode.HALF_UP));
    row.put("strong", strong);
    return row;
  }

  private static Map<String, Object> heading(Connection c, Plan plan) throws SQLException {
    Map<String, Object> p = new HashMap<>();
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT g.REFERENCE, g.TITLE, o.NAME, o.SIRET FROM GRANT_AGREEMENT g JOIN ORGANISATION o ON o.ID = g.BENEFICIARY_ID ORDER BY g.ID")) {
      r.next();
      p.put("title", Messages.get(Locale.FRENCH, "erd.title"));
      p.put("grantLine", r.getString(1) + " — " + r.getString(2));
      p.put("beneficiary", r.getString(3) + (r.getString(4) == null ? "" : " — SIRET " + r.getString(4)));
    }
    p.put("periodLine", Messages.get(Locale.FRENCH, "erd.period", Dates.format(plan.from()), Dates.format(plan.to())));
    p.put("versionLine", "État récapitulatif des dépenses — version 1");
    p.put("generatedOn", Dates.format(LocalDate.now()));
    return p;
  }

  static long lineCount(String row) {
    return Long.parseLong(group(LINE_COUNT, row, "lineCount"));
  }

  /** The report's entity version ("reportVersion" is another field). */
  static String version(String row) {
    return group(VERSION, row, "version");
  }

  static String pdfFileId(String row) {
    Matcher file = FILE.matcher(row);
    if (!file.find()) {
      throw new IllegalStateException("No PDF among the ERD's files: " + head(row));
    }
    return group(FILE_ID, file.group(), "file id");
  }

  static long reportId(String row) {
    // The report's own id: the first "id" that is not inside a nested signature or file object.
    int depth = 0;
    for (int i = 0; i < row.length(); i++) {
      char ch = row.charAt(i);
      if (ch == '{' || ch == '[') {
        depth++;
      } else if (ch == '}' || ch == ']') {
        depth--;
      } else if (depth == 1 && row.startsWith("\"id\"", i)) {
        Matcher m = FILE_ID.matcher(row).region(i, row.length());
        if (m.lookingAt()) {
          return Long.parseLong(m.group(1));
        }
      }
    }
    throw new IllegalStateException("No report id in " + head(row));
  }

  private static String group(Pattern p, String text, String what) {
    // Top-level fields only: "version" is unique to the report in its row.
    Matcher m = p.matcher(text);
    if (!m.find()) {
      throw new IllegalStateException("No " + what + " in " + head(text));
    }
    return m.group(1);
  }

  private static void shutdown(String url) {
    try {
      DriverManager.getConnection(url + ";shutdown=true").close();
    } catch (SQLException e) {
      // 08006: the database shut down cleanly.
    }
  }

  private static String head(String body) {
    return body.length() > 500 ? body.substring(0, 500) + "…" : body;
  }
}
