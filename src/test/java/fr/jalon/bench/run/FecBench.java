package fr.jalon.bench.run;

import fr.jalon.bench.BenchSettings;
import fr.jalon.bench.generator.DatasetCache;
import fr.jalon.bench.generator.FecWriter;
import fr.jalon.bench.report.Results.FecImport;
import fr.jalon.bench.report.Samples;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The FEC import against its floor (issue 6): generated FEC files confirmed over HTTP by Jalon
 * started with {@code -Xmx512m} (preview first, untimed; the confirm timed from its POST until its
 * progress tells it confirmed, as it runs in the background, audit included), then the
 * same expense rows written by a plain JDBC batch insert (plain values in batches of 1,000; a credit
 * note alone with Jalon's staging statement, which finds the line it corrects; a commit every
 * 50,000 rows, then the import's status flip) into a fresh copy of the same database in this JVM:
 * same table, same indexes. One small file warms both up; each measured run imports another
 * file (other entry and invoice numbers), so nothing is "already there". Run by
 * {@link SmallHeapBench}, on the instance the expense statement is measured on first.
 */
public final class FecBench {
  /** The target: the confirm takes at most twice the plain insert. */
  public static final double MAX_RATIO = 2;
  public static final String HEAP = "-Xmx512m";
  static final int WARMUP_LINES = 2_000;
  private static final Pattern FILE_ID = Pattern.compile("\"fileId\"\\s*:\\s*(\\d+)");
  private static final Pattern CREATED = Pattern.compile("\"created\"\\s*:\\s*(\\d+)");
  private static final Pattern TO_CREATE = Pattern.compile("\"toCreate\"\\s*:\\s*(\\d+)");
  /** Jalon's staging statement, used here only for credit notes (it finds the line a note corrects). */
  private static final String INSERT_CORRECTION = "INSERT INTO EXPENSE (GRANT_ID, ACTION_ID, CATEGORY_ID, COFUNDING_ID, SUPPLIER_NAME, DESCRIPTION, INVOICE_NUMBER,"
      + " INVOICE_DATE, AMOUNT_EXCL, AMOUNT_VAT, AMOUNT_INCL, SHARE_CHARGED, ELIGIBLE_AMOUNT, STATUTORY_STAFF, STATUS, SORT_DATE, EXPENSE_YEAR, LIQUIDATED_ON,"
      + " PAID_ON, PAYMENT_ESTIMATED, CORRECTS_ID, PROVENANCE, SOURCE_KEY, IMPORT_ID, RECEIPT_COUNT, VERSION)"
      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
      + " (SELECT MAX(c.ID) FROM EXPENSE c WHERE c.IMPORT_ID = ? AND c.SOURCE_KEY = ?), 'FEC', ?, ?, 0, 0)";
  /** Every other row: the same columns with no correction, plain values. */
  private static final String INSERT = INSERT_CORRECTION.replace("(SELECT MAX(c.ID) FROM EXPENSE c WHERE c.IMPORT_ID = ? AND c.SOURCE_KEY = ?)", "CAST(? AS BIGINT)");

  private FecBench() {}

  /** The grant as the database holds it: what the files and the rows are made for. */
  record Plan(long grantId, long actionId, long sourceId, boolean recoversVat, LocalDate from, LocalDate to, Map<String, Long> categories) {}

  /** The files to confirm, the rows the generator meant them to give, and the floor's own copy of the database. */
  public record Prepared(Plan plan, String jdbcUrl, List<Path> files, List<List<FecWriter.Expected>> rows, int lines, int expenses) {}

  /**
   * Copies the cached dataset for the floor ({@code work/jdbc}) and writes the files: a small
   * warm-up file, then {@code runs} files of {@code lines} lines.
   */
  public static Prepared prepare(BenchSettings settings, DatasetCache.Cached cached, int lines, int runs, Path work) throws Exception {
    Path jdbcData = work.resolve("jdbc");
    DatasetCache.copyTo(cached, jdbcData);
    String url = "jdbc:derby:" + jdbcData.resolve("jalon-db");
    Plan plan;
    try (Connection c = DriverManager.getConnection(url)) {
      plan = plan(c);
    } finally {
      shutdown(url);
    }
    List<Path> files = new ArrayList<>();
    List<List<FecWriter.Expected>> rows = new ArrayList<>();
    int expenses = 0;
    for (int batch = 1; batch <= runs + 1; batch++) {
      Path file = work.resolve("fec-" + batch + ".txt");
      List<FecWriter.Expected> expected = new ArrayList<>();
      FecWriter.Written w = FecWriter.write(file, settings.seed(), batch, batch == 1 ? Math.min(WARMUP_LINES, lines) : lines, plan.from(), plan.to(), expected::add);
      files.add(file);
      rows.add(expected);
      if (batch > 1) {
        expenses = w.expenses();
      }
      Progress.log("FEC %d: %d lines, %d entries, %d expenses (%s)", batch, w.lines(), w.entries(), w.expenses(), file);
    }
    return new Prepared(plan, url, files, rows, lines, expenses);
  }

  /** Each file previewed then confirmed by Jalon as finance; returns the measured confirms (the first file is the warm-up). */
  public static List<Long> confirmAll(PayaraInstance instance, Prepared p) throws IOException, InterruptedException {
    HttpSession session = HttpSession.login(instance.base(), JalonRequests.FINANCE_USERNAME, JalonRequests.PASSWORD);
    List<Long> confirm = new ArrayList<>();
    for (int i = 0; i < p.files().size(); i++) {
      long millis = confirm(session, p.plan(), p.files().get(i), p.rows().get(i).size());
      Progress.log("FEC %d: confirmed by Jalon in %d ms%s", i + 1, millis, i == 0 ? " (warm-up)" : "");
      if (i > 0) {
        confirm.add(millis);
      }
    }
    return confirm;
  }

  /** The floor: the same rows by plain JDBC batches into the floor's copy, then the comparison. */
  public static FecImport floor(Prepared p, int size, List<Long> confirm) throws SQLException {
    List<Long> jdbc = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(p.jdbcUrl())) {
      c.setAutoCommit(false);
      for (int i = 0; i < p.rows().size(); i++) {
        long start = System.nanoTime();
        insert(c, p.plan(), p.files().get(i).getFileName().toString(), p.rows().get(i));
        long millis = (System.nanoTime() - start) / 1_000_000;
        Progress.log("FEC %d: plain JDBC batch insert in %d ms%s", i + 1, millis, i == 0 ? " (warm-up)" : "");
        if (i > 0) {
          jdbc.add(millis);
        }
      }
    } finally {
      shutdown(p.jdbcUrl());
    }
    return new FecImport(size, p.lines(), p.expenses(), HEAP, Samples.of(confirm), Samples.of(jdbc), MAX_RATIO);
  }

  private static long confirm(HttpSession session, Plan plan, Path file, int expected) throws IOException, InterruptedException {
    HttpResponse<String> preview = session.post("/api/imports/preview?action=" + plan.actionId() + "&source=" + plan.sourceId(), "text/plain",
        HttpRequest.BodyPublishers.ofFile(file), Map.of("X-File-Name", file.getFileName().toString()));
    Matcher id = FILE_ID.matcher(preview.body());
    if (preview.statusCode() != 200 || !id.find()) {
      throw new IllegalStateException("FEC preview answered HTTP " + preview.statusCode() + ": " + head(preview.body()));
    }
    Matcher toCreate = TO_CREATE.matcher(preview.body());
    if (toCreate.find() && Integer.parseInt(toCreate.group(1)) != expected) {
      Progress.log("warning: Jalon's preview of %s would create %s expenses, the generator meant %d", file.getFileName(), toCreate.group(1), expected);
    }
    String request = "{\"actionId\":" + plan.actionId() + ",\"sourceId\":" + plan.sourceId()
        + ",\"selection\":{\"accountPrefixes\":[],\"journals\":[],\"analyticCode\":null,\"categoryByPrefix\":{}}}";
    // Timed from the POST until the progress tells the import confirmed: the confirm runs in the background.
    long start = System.nanoTime();
    HttpResponse<String> answer = session.post("/api/imports/" + id.group(1) + "/confirm", "application/json", HttpRequest.BodyPublishers.ofString(request), Map.of());
    if (answer.statusCode() != 202) {
      throw new IllegalStateException("FEC confirm answered HTTP " + answer.statusCode() + ": " + head(answer.body()));
    }
    String state = waitForOutcome(session, answer.headers().firstValue("Location").map(l -> java.net.URI.create(l).getPath())
        .orElse("/api/imports/" + id.group(1) + "/progress"));
    long millis = (System.nanoTime() - start) / 1_000_000;
    Matcher created = CREATED.matcher(state);
    if (!state.contains("\"status\":\"CONFIRMED\"") || !created.find()) {
      throw new IllegalStateException("FEC confirm did not end confirmed: " + head(state));
    }
    if (Integer.parseInt(created.group(1)) != expected) {
      Progress.log("warning: Jalon created %s expenses from %s, the generator meant %d", created.group(1), file.getFileName(), expected);
    }
    return millis;
  }

  /** Polls the confirm's progress until it is over (confirmed or failed); its last state. */
  private static String waitForOutcome(HttpSession session, String progressPath) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(60);
    String lastLine = "";
    long lastLog = System.nanoTime();
    while (true) {
      HttpResponse<byte[]> progress = session.get(progressPath);
      String state = new String(progress.body(), java.nio.charset.StandardCharsets.UTF_8);
      if (progress.statusCode() != 200) {
        throw new IllegalStateException("FEC confirm progress answered HTTP " + progress.statusCode() + ": " + head(state));
      }
      if (state.contains("\"done\":true")) {
        return state;
      }
      if (System.nanoTime() - lastLog > java.util.concurrent.TimeUnit.SECONDS.toNanos(30)) {
        Matcher read = Pattern.compile("\"linesRead\":(\\d+).*\"pass\":(\\d+)").matcher(state);
        String line = read.find() ? "pass " + read.group(2) + ", " + read.group(1) + " lines read" : head(state);
        if (!line.equals(lastLine)) {
          Progress.log("FEC confirm: %s", line);
          lastLine = line;
        }
        lastLog = System.nanoTime();
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("FEC confirm still running after 60 minutes: " + head(state));
      }
      Thread.sleep(200);
    }
  }

  /** The floor: one import row, the rows in JDBC batches of 1,000 (credit notes one by one), a commit every 50,000, the status flip. */
  static void insert(Connection c, Plan plan, String fileName, List<FecWriter.Expected> rows) throws SQLException {
    long importId;
    try (PreparedStatement s = c.prepareStatement("INSERT INTO ACCOUNTING_IMPORT (GRANT_ID, FORMAT, FILE_NAME, SHA256, STATUS, IMPORTED_AT, IMPORTED_BY)"
        + " VALUES (?, 'FEC', ?, ?, 'STAGED', ?, 'bench')", Statement.RETURN_GENERATED_KEYS)) {
      s.setLong(1, plan.grantId());
      s.setString(2, "jdbc-" + fileName);
      s.setString(3, "0".repeat(64));
      s.setTimestamp(4, Timestamp.valueOf(LocalDateTime.now()));
      s.executeUpdate();
      try (ResultSet keys = s.getGeneratedKeys()) {
        keys.next();
        importId = keys.getLong(1);
      }
    }
    c.commit();
    BigDecimal hundred = new BigDecimal("100.00");
    try (PreparedStatement plain = c.prepareStatement(INSERT); PreparedStatement correction = c.prepareStatement(INSERT_CORRECTION)) {
      int n = 0;
      for (FecWriter.Expected e : rows) {
        // A credit note must find the line it corrects, which the batch may still hold: flush it first.
        PreparedStatement s = e.correctsSourceKey() == null ? plain : correction;
        if (s == correction) {
          plain.executeBatch();
        }
        Long category = plan.categories().get(e.categoryCode());
        boolean personnel = "PERS".equals(e.categoryCode());
        s.setLong(1, plan.grantId());
        s.setLong(2, plan.actionId());
        s.setLong(3, category);
        s.setLong(4, plan.sourceId());
        s.setString(5, e.supplierName());
        s.setString(6, e.description());
        s.setString(7, e.invoiceNumber());
        s.setDate(8, Date.valueOf(e.invoiceDate()));
        s.setBigDecimal(9, e.excl());
        s.setBigDecimal(10, e.vat());
        s.setBigDecimal(11, e.incl());
        s.setBigDecimal(12, hundred);
        s.setBigDecimal(13, (plan.recoversVat() ? e.excl() : e.incl()).setScale(2, RoundingMode.HALF_UP));
        if (personnel) {
          s.setBoolean(14, false);
        } else {
          s.setNull(14, Types.BOOLEAN);
        }
        s.setString(15, e.paidOn() != null ? "PAID" : "LIQUIDATED");
        s.setDate(16, Date.valueOf(e.invoiceDate()));
        s.setInt(17, e.invoiceDate().getYear());
        if (e.paidOn() == null) {
          s.setDate(18, Date.valueOf(e.invoiceDate()));
          s.setNull(19, Types.DATE);
        } else {
          s.setNull(18, Types.DATE);
          s.setDate(19, Date.valueOf(e.paidOn()));
        }
        s.setBoolean(20, false);
        if (s == correction) {
          s.setLong(21, importId);
          s.setString(22, e.correctsSourceKey());
          s.setString(23, e.sourceKey());
          s.setLong(24, importId);
          s.executeUpdate();
        } else {
          s.setNull(21, Types.BIGINT);
          s.setString(22, e.sourceKey());
          s.setLong(23, importId);
          s.addBatch();
        }
        if (++n % 1_000 == 0) {
          plain.executeBatch();
        }
        if (n % 50_000 == 0) {
          plain.executeBatch();
          c.commit();
        }
      }
      plain.executeBatch();
    }
    c.commit();
    try (PreparedStatement s = c.prepareStatement("UPDATE ACCOUNTING_IMPORT SET STATUS = 'CONFIRMED', CREATED_COUNT = ? WHERE ID = ?")) {
      s.setInt(1, rows.size());
      s.setLong(2, importId);
      s.executeUpdate();
    }
    c.commit();
  }

  static Plan plan(Connection c) throws SQLException {
    long grantId;
    long beneficiary;
    LocalDate start;
    LocalDate end;
    try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT ID, BENEFICIARY_ID, ELIGIBILITY_START, END_DATE FROM GRANT_AGREEMENT ORDER BY ID")) {
      r.next();
      grantId = r.getLong(1);
      beneficiary = r.getLong(2);
      start = r.getDate(3).toLocalDate();
      end = r.getDate(4).toLocalDate();
    }
    long action = single(c, "SELECT MIN(ID) FROM PLAN_ACTION WHERE PARENT_ID IS NOT NULL");
    long source = single(c, "SELECT MIN(ID) FROM COFUNDING WHERE KIND = 'PIA'");
    boolean recovers = single(c, "SELECT CASE WHEN RECOVERS_VAT THEN 1 ELSE 0 END FROM ORGANISATION WHERE ID = " + beneficiary) == 1;
    Map<String, Long> categories = new java.util.HashMap<>();
    try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT CODE, ID FROM COST_CATEGORY WHERE GRANT_ID = " + grantId)) {
      while (r.next()) {
        categories.put(r.getString(1), r.getLong(2));
      }
    }
    // Inside the grant's eligible period, never in the future (the file is imported today).
    LocalDate yesterday = LocalDate.now().minusDays(1);
    LocalDate to = end.isBefore(yesterday) ? end : yesterday;
    LocalDate from = start.plusDays(30);
    return new Plan(grantId, action, source, recovers, from, to.isAfter(from) ? to : from, categories);
  }

  private static long single(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
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
