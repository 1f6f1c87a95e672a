package fr.jalon.accounting;

import static fr.jalon.platform.Roles.ADMIN;
import static fr.jalon.platform.Roles.BOARD;
import static fr.jalon.platform.Roles.FINANCE;
import static fr.jalon.platform.Roles.PROJECT_MANAGER;

import fr.jalon.audit.AuditContext;
import fr.jalon.audit.AuditTrail;
import fr.jalon.expense.ExpenseRepository;
import fr.jalon.grant.Cofunding;
import fr.jalon.grant.FunderKind;
import fr.jalon.grant.Grant;
import fr.jalon.grant.GrantService;
import fr.jalon.plan.Action;
import fr.jalon.plan.CostCategory;
import fr.jalon.expense.Provenance;
import fr.jalon.platform.FileKind;
import fr.jalon.platform.Settings;
import fr.jalon.platform.FileStore;
import fr.jalon.platform.Messages;
import fr.jalon.platform.NotFoundException;
import fr.jalon.platform.RuleViolation;
import fr.jalon.platform.StoredFile;
import fr.jalon.security.SystemCaller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Imports from accounting: upload a FEC and preview it (nothing saved but the file), confirm it all
 * or nothing (staged in chunks, made visible by one short status flip, one audit entry), the
 * history, and the undo.
 */
@ApplicationScoped
public class ImportService {
  @Inject fr.jalon.execution.ExecutionTotals totals;
  /** Expenses read, classified and staged per transaction: one JDBC batch, kept under Derby's 5,000 row locks past which it locks the whole table. */
  static final int CHUNK = 2000;

  @PersistenceContext EntityManager em;
  @Inject GrantService grants;
  @Inject FileStore files;
  @Inject ImportWriter writer;
  @Inject AuditTrail audit;
  @Inject ExpenseRepository expenses;

  @Inject ImportProgress progress;
  @Inject Settings settings;
  private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(ImportService.class.getName());

  /** Where confirms run, off the request thread (the server's default executor). */
  @jakarta.annotation.Resource ManagedExecutorService executor;

  /** Why an import is undone: kept in the audit trail. */
  public record UndoRequest(@jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 500) String reason) {}

  /**
   * Which action and funding source (PIA when none) the imported lines are charged to, which
   * entries of a FEC are the project's and how accounts map to categories; for a CSV, its column
   * mapping ({@code csv} not null makes the file a CSV); {@code profile} names the CSV mapping saved
   * at confirmation.
   */
  public record ImportRequest(@NotNull Long actionId, Long sourceId, FecSelection selection, CsvMapping csv, String profile) implements java.io.Serializable {
    /** A FEC's request. (JSON-B reads records through their one constructor: no other.) */
    public static ImportRequest fec(Long actionId, Long sourceId, FecSelection selection) {
      return new ImportRequest(actionId, sourceId, selection, null, null);
    }

    boolean isCsv() {
      return csv != null;
    }

    String profileName() {
      return !isCsv() ? ImportProfile.FEC : profile == null || profile.isBlank() ? DEFAULT_PROFILE : profile.trim();
    }
  }

  /** A file received for import: kept by the file store, its format told from its first line; for a CSV, its head. */
  public record Uploaded(long fileId, String fileName, String sha256, long size, String format, CsvReader.Head head) implements java.io.Serializable {}

  public static final String DEFAULT_PROFILE = "défaut";

  /** Keeps the file (its SHA-256 recorded) and previews it. */
  @RolesAllowed(FINANCE)
  @Transactional
  public ImportPreview upload(@NotNull InputStream content, String fileName, @NotNull ImportRequest request) {
    run(request);
    StoredFile file = store(content, fileName == null || fileName.isBlank() ? "fec.txt" : fileName);
    em.flush();
    return preview(file.id(), request);
  }

  /** Keeps the file within the import size limit (JALON_IMPORT_MAX_MB) and tells its format. */
  @RolesAllowed(FINANCE)
  @Transactional
  public Uploaded receive(@NotNull InputStream content, String fileName) {
    StoredFile file = store(content, fileName);
    em.flush();
    try (InputStream in = open(file)) {
      byte[] head = in.readNBytes(64 * 1024);
      String first = new String(head, java.nio.charset.StandardCharsets.ISO_8859_1).lines().findFirst().orElse("").toLowerCase(java.util.Locale.ROOT);
      boolean fec = first.contains("journalcode") && first.contains("ecriturenum");
      return new Uploaded(file.id(), file.originalName(), file.sha256(), file.sizeBytes(), fec ? ImportProfile.FEC : ImportProfile.CSV,
          fec ? null : CsvReader.sniff(new java.io.ByteArrayInputStream(head)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The request for a CSV: the mapping saved under {@code profile}, or one guessed from the file's
   * headers when none is saved; the action and source given, else the saved ones.
   */
  @RolesAllowed(FINANCE)
  public ImportRequest csvRequest(long fileId, String profile, Long actionId, Long sourceId) {
    String name = profile == null || profile.isBlank() ? DEFAULT_PROFILE : profile.trim();
    boolean saved = csvProfiles().contains(name);
    ImportRequest base = savedSettings(ImportProfile.CSV, name);
    CsvMapping csv = base.csv();
    if (!saved) {
      StoredFile file = files.find(fileId);
      try (InputStream in = open(file)) {
        CsvReader.Head head = CsvReader.sniff(in);
        csv = CsvMapping.guess(head.separator(), head.encoding(), head.decimalComma(), head.headers());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new ImportRequest(actionId != null ? actionId : base.actionId(), sourceId != null ? sourceId : base.sourceId(), base.selection(), csv, name);
  }

  /** The largest file an import takes, in MB. */
  public long maxMegabytes() {
    return settings.importMaxBytes() / (1024 * 1024);
  }

  private StoredFile store(InputStream content, String fileName) {
    return files.store(content, fileName == null || fileName.isBlank() ? "import.txt" : fileName, Set.of(FileKind.TEXT), "file", AuditContext.actor(),
        settings.importMaxBytes(), "import.file.tooLarge");
  }

  /** What confirming would do; saves nothing. */
  @RolesAllowed(FINANCE)
  public ImportPreview preview(long fileId, @NotNull ImportRequest request) {
    StoredFile file = files.find(fileId);
    ImportRun run = run(request);
    List<ImportLine> shown = new ArrayList<>();
    int[] counts = new int[3];
    BigDecimal[] total = {BigDecimal.ZERO.setScale(2)};
    int linesRead = read(file, request, progress.start(file.id(), file.sizeBytes(), passes(request)), (f, action, siret) -> {
      ImportLine line = run.classify(f, action, siret, staged -> total[0] = total[0].add(staged.expense().amountIncl()));
      counts[line.outcome().ordinal()]++;
      if (shown.size() < ImportPreview.SHOWN) {
        shown.add(line);
      }
    }, p -> {
      counts[ImportLine.Outcome.REFUSED.ordinal()]++;
      if (shown.size() < ImportPreview.SHOWN) {
        shown.add(new ImportLine(p.lineNumber(), ImportLine.Outcome.REFUSED, p.column(), p.reason(), null, null, null, null, null, null, null, null, false));
      }
    });
    shown.sort(java.util.Comparator.comparingInt(ImportLine::lineNumber));
    return new ImportPreview(file.id(), file.originalName(), file.sha256(), linesRead, counts[0], counts[1], counts[2], total[0], shown);
  }

  /** An expense read from a file, with the action code (CSV) and the supplier's SIRET (CSV) it names, or nulls. */
  private interface ReadExpense {
    void accept(FecExpense expense, String actionCode, String supplierSiret);
  }

  /** Reads a FEC (two passes) or a CSV (one), its progress followed by {@code tracker}. */
  private int read(StoredFile file, ImportRequest request, ImportProgress.Tracker tracker, ReadExpense expenses, java.util.function.Consumer<FecProblem> problems) {
    try {
      if (request.isCsv()) {
        try (InputStream in = tracker.pass(open(file))) {
          return CsvReader.read(in, request.csv(), "CSV|" + file.sha256().substring(0, 16) + "|", l -> expenses.accept(l.expense(), l.actionCode(), l.supplierSiret()), problems);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return FecEntries.read(() -> tracker.pass(open(file)), selection(request), f -> expenses.accept(f, null, null), problems).linesRead();
    } finally {
      tracker.done();
    }
  }

  private static int passes(ImportRequest request) {
    return request.isCsv() ? 1 : 2;
  }

  /** How far the reading of {@code fileId} has gone, or null when it is not being read. */
  @RolesAllowed(FINANCE)
  public ImportProgress.State progress(long fileId) {
    return progress.of(fileId);
  }

  /**
   * Starts importing the file in the background and returns at once (a 500,000-line FEC takes
   * minutes: on the request thread, the server's request timeout cut it). The request is checked
   * first (a wrong action or source is refused now); who confirms and when is taken here, where the
   * request tells it, and the work runs as that user. {@link #progress(long)} follows it to its
   * outcome. Refused while a confirm of the same file runs.
   */
  @RolesAllowed(FINANCE)
  public ImportProgress.State start(long fileId, @NotNull @Valid ImportRequest request, java.util.Locale locale) {
    Job job = job(fileId, request, locale);
    try {
      executor.execute(() -> {
        try {
          SystemCaller.callAs(job.by(), () -> confirm(job));
        } catch (RuntimeException | Error reported) {
          // told to whoever follows the progress, and logged when unexpected
        }
      });
    } catch (java.util.concurrent.RejectedExecutionException e) {
      job.tracker().failed(Messages.get(job.locale(), "import.confirm.failed", e.getMessage()), null);
      throw e;
    }
    return job.tracker().state();
  }

  /**
   * Imports the file and returns once done (the demo's imports at start-up): as {@link #start}, on
   * the caller's thread.
   */
  @RolesAllowed(FINANCE)
  public ImportRow confirm(long fileId, @NotNull @Valid ImportRequest request) {
    return confirm(job(fileId, request, Messages.FRENCH));
  }

  /** A confirm about to run, with what the caller's request tells: the grant, who, when, the language of the messages. */
  private record Job(ImportRun run, StoredFile file, ImportRequest request, long grantId, LocalDateTime at, String by, java.util.Locale locale,
      ImportProgress.Tracker tracker) {}

  private Job job(long fileId, ImportRequest request, java.util.Locale locale) {
    ImportRun run = run(request);
    StoredFile file = files.find(fileId);
    long grantId = grants.grant().id();
    ImportProgress.Tracker tracker = progress.startConfirm(file.id(), file.sizeBytes(), passes(request));
    return new Job(run, file, request, grantId, AuditContext.now(), AuditContext.actor(), locale == null ? Messages.FRENCH : locale, tracker);
  }

  /**
   * The lines are written staged (invisible) in chunks, each its own short transaction, then all
   * become visible at once. Nothing is visible after a failure. The selection and mapping used are
   * saved for the next import.
   */
  private ImportRow confirm(Job job) {
    ImportRequest request = job.request();
    ImportProgress.Tracker tracker = job.tracker();
    String format = request.isCsv() ? ImportProfile.CSV : ImportProfile.FEC;
    Long importId = null;
    ImportRow row;
    try {
      long id = writer.open(job.grantId(), format, job.file().originalName(), job.file().sha256(), job.at(), job.by());
      importId = id;
      int[] counts = new int[3];
      List<ImportRun.Read> chunk = new ArrayList<>(CHUNK);
      int linesRead = read(job.file(), request, tracker, (f, action, siret) -> {
        chunk.add(new ImportRun.Read(f, action, siret));
        if (chunk.size() >= CHUNK) {
          tracker.staged(writer.stage(id, job.run(), chunk, counts));
          chunk.clear();
        }
      }, p -> counts[ImportLine.Outcome.REFUSED.ordinal()]++);
      if (!chunk.isEmpty()) {
        tracker.staged(writer.stage(id, job.run(), chunk, counts));
      }
      row = writer.confirm(id, linesRead, counts[0], counts[1], counts[2]);
    } catch (RuntimeException | Error e) {
      fail(job, importId, e);
      throw e;
    }
    try {
      writer.saveProfile(job.grantId(), format, request.profileName(), request, job.at(), job.by());
    } catch (RuntimeException e) {
      // The import is confirmed and visible: only next time's pre-filled settings are missing.
      LOG.log(java.util.logging.Level.WARNING, "Réglages d’import non enregistrés après l’import " + row.id(), e);
    }
    tracker.confirmed(row);
    return row;
  }

  /** The import marked failed (its staged lines stay invisible) and the reason told to whoever follows it. */
  private void fail(Job job, Long importId, Throwable e) {
    Throwable cause = fr.jalon.platform.ProblemMappers.Unexpected.unwrap(e);
    try {
      if (importId != null) {
        writer.fail(importId);
      }
    } catch (RuntimeException again) {
      e.addSuppressed(again);
    }
    RuleViolation refusal = cause instanceof RuleViolation v ? v : cause instanceof RuleViolation.Several s ? s.first() : null;
    if (refusal != null) {
      job.tracker().failed(refusal.message(job.locale()), refusal.field());
    } else {
      LOG.log(java.util.logging.Level.SEVERE, "Import du fichier " + job.file().id() + " échoué", e);
      job.tracker().failed(Messages.get(job.locale(), "import.confirm.failed", String.valueOf(cause.getMessage())), null);
    }
  }

  /**
   * The settings saved for {@code format} ({@code FEC}, or {@code CSV} under {@code name}), or,
   * when none is saved, the defaults: the PIA line, every entry, each category's own account prefixes.
   */
  @RolesAllowed({ADMIN, PROJECT_MANAGER, FINANCE, BOARD})
  public ImportRequest savedSettings(@NotNull String format, String name) {
    Grant grant = grants.grant();
    String f = format.toUpperCase(java.util.Locale.ROOT);
    String n = ImportProfile.FEC.equals(f) ? ImportProfile.FEC : name == null || name.isBlank() ? DEFAULT_PROFILE : name.trim();
    return em.createQuery("SELECT p FROM ImportProfile p WHERE p.grant = :g AND p.format = :f AND p.name = :n", ImportProfile.class)
        .setParameter("g", grant).setParameter("f", f).setParameter("n", n).getResultStream().findFirst().map(ImportProfile::request)
        .orElseGet(() -> new ImportRequest(null, piaLine(grant).map(Cofunding::id).orElse(null), new FecSelection(List.of(), List.of(), null, defaultMapping(grant)),
            ImportProfile.CSV.equals(f) ? new CsvMapping(';', null, true, null, java.util.Map.of()) : null, ImportProfile.CSV.equals(f) ? n : null));
  }

  /** The names of the CSV mappings saved for the grant. */
  @RolesAllowed({ADMIN, PROJECT_MANAGER, FINANCE, BOARD})
  public List<String> csvProfiles() {
    return em.createQuery("SELECT p.name FROM ImportProfile p WHERE p.grant = :g AND p.format = :f ORDER BY p.name", String.class)
        .setParameter("g", grants.grant()).setParameter("f", ImportProfile.CSV).getResultList();
  }

  /** Saves the settings of {@code format} (and {@code name} for a CSV) for the next import. */
  @RolesAllowed(FINANCE)
  public ImportRequest saveSettings(@NotNull String format, String name, @NotNull @Valid ImportRequest request) {
    String f = format.toUpperCase(java.util.Locale.ROOT);
    if (!ImportProfile.FEC.equals(f) && !ImportProfile.CSV.equals(f)) {
      throw new NotFoundException(Messages.get("import.notFound"));
    }
    if (ImportProfile.CSV.equals(f) && request.csv() == null) {
      throw new RuleViolation("csv", "import.csv.mappingRequired");
    }
    ImportRequest r = ImportProfile.FEC.equals(f) ? ImportRequest.fec(request.actionId(), request.sourceId(), request.selection()) : request;
    String n = ImportProfile.FEC.equals(f) ? ImportProfile.FEC : name == null || name.isBlank() ? DEFAULT_PROFILE : name.trim();
    if (n.length() > 60) {
      throw new RuleViolation("profile", "field.tooLong", 60);
    }
    writer.saveProfile(grants.grant().id(), f, n, r, AuditContext.now(), AuditContext.actor());
    return savedSettings(f, n);
  }

  private java.util.Map<String, String> defaultMapping(Grant grant) {
    java.util.Map<String, String> mapping = new java.util.TreeMap<>();
    for (CostCategory c : em.createQuery("SELECT c FROM CostCategory c WHERE c.grant = :g ORDER BY c.sortOrder", CostCategory.class).setParameter("g", grant).getResultList()) {
      if (c.eligible() && !c.flatRate() && c.accountPrefixes() != null) {
        for (String prefix : c.accountPrefixes().split("[,; ]+")) {
          if (!prefix.isBlank()) {
            mapping.putIfAbsent(prefix.trim(), c.code());
          }
        }
      }
    }
    return mapping;
  }

  private java.util.Optional<Cofunding> piaLine(Grant grant) {
    return em.createQuery("SELECT c FROM Cofunding c WHERE c.grant = :g AND c.kind = :k ORDER BY c.id", Cofunding.class).setParameter("g", grant).setParameter("k", FunderKind.PIA)
        .setMaxResults(1).getResultStream().findFirst();
  }

  @RolesAllowed({ADMIN, PROJECT_MANAGER, FINANCE, BOARD})
  public List<ImportRow> history() {
    return em.createQuery("SELECT i FROM AccountingImport i WHERE i.grant = :g AND i.status <> fr.jalon.accounting.ImportStatus.FAILED ORDER BY i.importedAt DESC, i.id DESC",
            AccountingImport.class)
        .setParameter("g", grants.grant())
        .getResultStream()
        .map(ImportRow::of)
        .toList();
  }

  /** Hides an import's lines again (none is in a statement yet: statements are not tracked so far). */
  @RolesAllowed(FINANCE)
  @Transactional
  public ImportRow undo(long id, @NotNull @Valid UndoRequest request) {
    AccountingImport i = em.find(AccountingImport.class, id);
    if (i == null || !i.grant().id().equals(grants.grant().id())) {
      throw new NotFoundException(Messages.get("import.notFound"));
    }
    if (i.status() != ImportStatus.CONFIRMED) {
      throw new RuleViolation("status", "import.undo.notConfirmed");
    }
    // Once a statement holds one of its lines, the import is part of what was (or will be) declared.
    long inStatement = ((Number) em.createNativeQuery("SELECT COUNT(*) FROM EXPENSE WHERE IMPORT_ID = ? AND STATEMENT_ID IS NOT NULL")
        .setParameter(1, id).getSingleResult()).longValue();
    if (inStatement > 0) {
      throw new RuleViolation("status", "import.undo.inStatement", inStatement);
    }
    i.undo();
    em.flush();
    totals.importHidden(id);
    audit.record("IMPORT_UNDO", "AccountingImport", String.valueOf(id), "Import « " + i.fileName() + " » annulé : " + i.created() + " dépenses retirées — " + request.reason().trim(),
        "sha256: " + i.sha256());
    return ImportRow.of(i);
  }

  private ImportRun run(ImportRequest request) {
    Grant grant = grants.grant();
    Action action = request.actionId() == null ? null : em.find(Action.class, request.actionId());
    if (action == null || !action.grant().id().equals(grant.id())) {
      throw new RuleViolation("actionId", "import.action.required");
    }
    Cofunding source = request.sourceId() == null ? piaLine(grant).orElse(null) : em.find(Cofunding.class, request.sourceId());
    if (source == null || !source.grant().id().equals(grant.id())) {
      throw new RuleViolation("sourceId", "expense.source.required");
    }
    List<CostCategory> categories = em.createQuery("SELECT c FROM CostCategory c WHERE c.grant = :g", CostCategory.class).setParameter("g", grant).getResultList();
    long grantId = grant.id();
    ImportRun.Taken taken = new ImportRun.Taken() {
      @Override
      public boolean sourceKey(String key) {
        return expenses.sourceKeyTaken(grantId, key);
      }

      @Override
      public boolean invoice(String supplier, String number, LocalDate date) {
        return expenses.invoiceTaken(grantId, supplier, number, date);
      }

      @Override
      public fr.jalon.grant.Organisation supplier(String siret) {
        return em.createQuery("SELECT o FROM Organisation o WHERE o.siret = :s ORDER BY o.id", fr.jalon.grant.Organisation.class).setParameter("s", siret).setMaxResults(1)
            .getResultStream().findFirst().orElse(null);
      }
    };
    if (!request.isCsv()) {
      return new ImportRun(grant, action, source, categories, selection(request), taken);
    }
    java.util.Map<String, Action> byCode = new java.util.HashMap<>();
    em.createQuery("SELECT a FROM Action a WHERE a.grant = :g", Action.class).setParameter("g", grant).getResultList()
        .forEach(a -> byCode.put(a.code().toUpperCase(java.util.Locale.ROOT), a));
    CsvMapping csv = request.csv();
    return new ImportRun(grant, action, source, categories, selection(request), taken, Provenance.CSV, byCode, field -> csvColumn(csv, field));
  }

  /** The CSV column behind an expense field, for refusals. */
  static String csvColumn(CsvMapping csv, String field) {
    CsvField f = switch (field == null ? "" : field) {
      case "invoiceNumber" -> CsvField.INVOICE_NUMBER;
      case "invoiceDate" -> CsvField.INVOICE_DATE;
      case "supplier", "name" -> CsvField.SUPPLIER;
      case "siret" -> CsvField.SUPPLIER_SIRET;
      case "description" -> CsvField.DESCRIPTION;
      case "amountExcl" -> CsvField.AMOUNT_EXCL;
      case "amountVat" -> CsvField.AMOUNT_VAT;
      case "amountIncl" -> CsvField.AMOUNT_INCL;
      case "category", "CompteNum" -> CsvField.ACCOUNT;
      case "paidOn" -> CsvField.PAYMENT_DATE;
      case "action" -> CsvField.ACTION_CODE;
      default -> null;
    };
    if (f == null) {
      return field;
    }
    return csv.column(f) != null ? csv.column(f) : f.label();
  }

  private static FecSelection selection(ImportRequest r) {
    return r.selection() == null ? FecSelection.everything() : r.selection();
  }

  private InputStream open(StoredFile file) {
    try {
      return Files.newInputStream(files.pathOf(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
