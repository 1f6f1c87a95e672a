package fr.jalon.reporting;

import static fr.jalon.platform.Roles.ADMIN;
import static fr.jalon.platform.Roles.BOARD;
import static fr.jalon.platform.Roles.FINANCE;
import static fr.jalon.platform.Roles.PROJECT_MANAGER;

import fr.jalon.audit.AuditContext;
import fr.jalon.expense.ExpenseService;
import fr.jalon.grant.GrantService;
import fr.jalon.platform.ConcurrentEditException;
import fr.jalon.platform.FileKind;
import fr.jalon.platform.FileStore;
import fr.jalon.platform.Messages;
import fr.jalon.platform.NotFoundException;
import fr.jalon.platform.RuleViolation;
import fr.jalon.platform.StoredFile;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The report lifecycle every type shares (DESIGN.md §2, rules 6 and 14): finance generates a
 * report (regenerates it while a draft), puts it in review (an expense statement then locks its
 * expenses), records the signatures, which freezes it, submits it (its expenses become DECLARED),
 * and records the answer: ACCEPTED, or TO_CORRECT which opens the next version. Everybody reads the
 * archive and may ask for a re-verification of the stored files.
 */
@ApplicationScoped
public class ReportService {
  private static final Logger LOG = Logger.getLogger(ReportService.class.getName());
  /** Stands for "no period" in the duplicate check of a tranche's report (Derby refuses LocalDate.MIN). */
  private static final LocalDate NO_DAY = LocalDate.of(1900, 1, 1);
  static final Set<FileKind> SCAN_KINDS = Set.of(FileKind.PDF, FileKind.PNG, FileKind.JPEG);

  @PersistenceContext EntityManager em;
  @Inject GrantService grants;
  @Inject ExpenseService expenses;
  @Inject ErdRepository lines;
  @Inject FileStore files;
  @Inject Clock clock;
  @Inject @Any Instance<ReportGenerator> generators;
  @Inject ReportService self;

  public record GenerateRequest(@NotNull ReportType type, LocalDate from, LocalDate to, Long trancheId) {}

  public record Transition(@NotNull ReportStatus target, LocalDate on, @Size(max = 1000) String note, @NotNull Integer version) {}

  public record Regenerate(@NotNull Integer version) {}

  public record Verdicts(@NotNull @jakarta.validation.constraints.Size(min = 1) @Valid List<ExpenseService.Verdict> verdicts) {}

  public record SignRequest(@NotNull SignatoryRole role, @NotNull String name, @NotNull String quality, @NotNull LocalDate signedOn, @NotNull Integer version) {}

  /** Every report, newest first: the archive. */
  @RolesAllowed({ADMIN, PROJECT_MANAGER, FINANCE, BOARD})
  public List<ReportRow> archive() {
    return em.createQuery("SELECT r FROM Report r WHERE r.grant.id = :g ORDER BY r.generatedAt DESC, r.id DESC", Report.class)
        .setParameter("g", grants.grant().id()).getResultList().stream().map(ReportRow::of).toList();
  }

  @RolesAllowed({ADMIN, PROJECT_MANAGER, FINANCE, BOARD})
  public ReportRow report(long id) {
    return ReportRow.of(find(id));
  }

  /** The types a report can be generated for now: those a generator answers for. */
  @RolesAllowed({ADMIN, PROJECT_MANAGER, FINANCE, BOARD})
  public List<ReportType> generatableTypes() {
    return Stream.of(ReportType.values()).filter(t -> generator(t) != null).toList();
  }

  /**
   * A new report, in DRAFT, with its files. A second live report of the same type and scope is
   * refused. Made in three steps so that a big statement holds no lock while its files are made:
   * the draft is created and its lines claimed and frozen in a short transaction, the files are
   * made from that committed data outside any transaction, then stored with the report's counts in
   * a second short transaction. A failure after the first step removes the draft and frees its
   * lines: a generation makes a whole draft or nothing. Called inside a transaction (the demo
   * loader), every step joins it, all or nothing as before.
   */
  @RolesAllowed(FINANCE)
  public ReportRow generate(@NotNull @Valid GenerateRequest request, Locale locale) {
    return generate(request, locale, null);
  }

  /** As {@link #generate(GenerateRequest, Locale)}; {@code ready}, if any, runs in the transaction that stores the files (a periodic run's notification). */
  @RolesAllowed(FINANCE)
  public ReportRow generate(@NotNull @Valid GenerateRequest request, Locale locale, Consumer<ReportRow> ready) {
    ReportGenerator generator = generator(request.type());
    if (generator == null) {
      throw new RuleViolation("type", "report.type.noGenerator", Messages.get("reportType." + request.type().name()));
    }
    Draft draft = steps().open(wholeGrant(request), generator);
    try {
      return make(draft, generator, locale, ready);
    } catch (RuntimeException e) {
      try {
        steps().abandon(draft.id());
      } catch (RuntimeException undo) {
        // Left as a draft without files, its lines claimed and frozen: regenerating it completes it.
        e.addSuppressed(undo);
      }
      throw e;
    }
  }

  /** A draft being generated: its id, and the version its first step left, which the last step expects. */
  public record Draft(long id, int version) {}

  /** First step of a generation: the new draft, checked against the live ones, with what its generator claims and freezes. */
  @RolesAllowed(FINANCE)
  @Transactional
  public Draft open(GenerateRequest request, ReportGenerator generator) {
    Report report = new Report(grants.grant(), request.type(), request.from(), request.to(), request.trancheId(), LocalDateTime.now(clock), AuditContext.actor());
    List<Report> same = em.createQuery("SELECT r FROM Report r WHERE r.grant = :g AND r.type = :t AND r.status <> :corrected"
            + " AND ((r.periodFrom = :from AND r.periodTo = :to) OR r.trancheId = :tranche)", Report.class)
        .setParameter("g", report.grant()).setParameter("t", report.type()).setParameter("corrected", ReportStatus.TO_CORRECT)
        .setParameter("from", report.periodFrom() == null ? NO_DAY : report.periodFrom()).setParameter("to", report.periodTo() == null ? NO_DAY : report.periodTo())
        .setParameter("tranche", report.trancheId() == null ? -1L : report.trancheId()).getResultList();
    if (!same.isEmpty()) {
      throw new RuleViolation("type", "report.exists", same.get(0).reportVersion(), Messages.get("report.status." + same.get(0).status().name()));
    }
    em.persist(report);
    em.flush();
    return prepare(report, generator);
  }

  /**
   * First step of a regeneration: the draft loses its files (they no longer match what it holds)
   * and its generator claims and freezes again. The version moves on, so a second regeneration
   * asked with the same version is refused, and this one's files are refused if anything changed
   * the draft meanwhile.
   */
  @RolesAllowed(FINANCE)
  @Transactional
  public Draft reopen(long id, Integer version, ReportGenerator generator) {
    Report report = find(id);
    checkVersion(report, version);
    if (report.status() != ReportStatus.DRAFT) {
      throw new RuleViolation("status", "report.regenerate.notDraft", report.status().name());
    }
    return prepare(report, generator);
  }

  private Draft prepare(Report report, ReportGenerator generator) {
    for (ReportFile old : List.copyOf(report.files())) {
      em.remove(old);
      files.discard(old.file());
    }
    report.replaceFiles(List.of());
    ReportGenerator.Counts counts = generator.prepare(report);
    report.regenerated(counts == null ? 0 : counts.lines(), counts == null ? BigDecimal.ZERO : counts.eligible(), LocalDateTime.now(clock), AuditContext.actor());
    em.flush();
    // The version moves on even when no column does (same counts, same instant): the files that follow are tied to it.
    em.createNativeQuery("UPDATE REPORT SET VERSION = VERSION + 1 WHERE ID = ?").setParameter(1, report.id()).executeUpdate();
    em.refresh(report);
    return new Draft(report.id(), report.version());
  }

  /** Second step, outside any transaction of this service: the files, from committed data; then the third step stores them. */
  private ReportRow make(Draft draft, ReportGenerator generator, Locale locale, Consumer<ReportRow> ready) {
    Path folder = null;
    try {
      folder = Files.createTempDirectory("jalon-report-");
      long started = System.nanoTime();
      ReportGenerator.Generated made = generator.generate(steps().find(draft.id()), folder, locale);
      long generated = System.nanoTime();
      ReportRow row = steps().store(draft, made, ready);
      LOG.info(() -> String.format("Rapport %d : fichiers faits en %d ms, enregistrés en %d ms", draft.id(), (generated - started) / 1_000_000,
          (System.nanoTime() - generated) / 1_000_000));
      return row;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      delete(folder);
    }
  }

  /** Third step: the files and the counts, if the draft is still the one the first step left. */
  @RolesAllowed(FINANCE)
  @Transactional
  public ReportRow store(Draft draft, ReportGenerator.Generated made, Consumer<ReportRow> ready) {
    Report report = find(draft.id());
    checkVersion(report, draft.version());
    report.regenerated(made.lines(), made.eligible(), LocalDateTime.now(clock), AuditContext.actor());
    List<ReportFile> stored = new ArrayList<>();
    for (Map.Entry<ReportFormat, Path> f : made.files().entrySet()) {
      StoredFile file = files.storeGenerated(f.getValue(), fileName(report, f.getKey()), f.getKey().contentType(), AuditContext.actor());
      ReportFile rf = new ReportFile(report, f.getKey(), file);
      em.persist(rf);
      stored.add(rf);
    }
    report.replaceFiles(stored);
    em.flush();
    ReportRow row = ReportRow.of(report);
    if (ready != null) {
      ready.accept(row);
    }
    return row;
  }

  /** Undoes a new draft whose files could not be made: its lines are freed and it is removed. */
  @RolesAllowed(FINANCE)
  @Transactional
  public void abandon(long id) {
    Report report = em.find(Report.class, id);
    if (report == null || report.status() != ReportStatus.DRAFT) {
      return;
    }
    if (report.type().statement()) {
      expenses.releaseStatement(id);
    }
    lines.forget(id);
    for (ReportFile f : List.copyOf(report.files())) {
      em.remove(f);
    }
    em.remove(report);
    em.flush();
  }

  /**
   * This bean through its proxy, so that each step runs in its own transaction (the bean itself in
   * tests outside the container). The steps are public: the container intercepts no other method.
   */
  private ReportService steps() {
    return self == null ? this : self;
  }

  /** The final report covers the whole grant: without dates it takes the grant's period, and any other period is refused. */
  private GenerateRequest wholeGrant(GenerateRequest request) {
    if (request.type() != ReportType.FINAL) {
      return request;
    }
    fr.jalon.grant.Grant grant = grants.grant();
    LocalDate from = grant.eligibilityStart();
    LocalDate to = grant.endDate();
    if ((request.from() != null && !request.from().equals(from)) || (request.to() != null && !request.to().equals(to))) {
      throw new RuleViolation("from", "report.final.period", Messages.get("reportType." + request.type().name()), fr.jalon.platform.Dates.format(from),
          fr.jalon.platform.Dates.format(to));
    }
    return new GenerateRequest(request.type(), from, to, null);
  }

  /**
   * Makes a draft's files again from the data as it stands now, in the steps of {@link
   * #generate}. A failure while the files are made leaves the draft without files, holding and
   * showing the lines it claimed: it cannot go to review until a regeneration succeeds.
   */
  @RolesAllowed(FINANCE)
  public ReportRow regenerate(long id, @NotNull @Valid Regenerate request, Locale locale) {
    ReportGenerator generator = generator(steps().find(id).type());
    return make(steps().reopen(id, request.version(), generator), generator, locale, null);
  }

  /**
   * One step of the lifecycle. Review locks a statement's expenses (back to draft frees them);
   * SIGNED needs the required signatures and freezes the data with its SHA-256; SUBMITTED declares
   * the expenses; TO_CORRECT frees them and opens the next version, generated at once when it can be.
   */
  @RolesAllowed(FINANCE)
  public ReportRow transition(long id, @NotNull @Valid Transition t, Locale locale) {
    Moved moved = steps().move(id, t);
    if (moved.next() != null) {
      ReportGenerator generator = generator(moved.row().type());
      try {
        make(steps().reopen(moved.next(), steps().find(moved.next()).version(), generator), generator, locale, null);
      } catch (RuleViolation | RuleViolation.Several refused) {
        // The next version stays an empty draft until the refused lines are put right; regenerating it says why.
      } catch (RuntimeException failed) {
        // The answer is recorded; the next version stays a draft without files, which regenerating completes.
        LOG.log(Level.WARNING, "Version suivante du rapport " + id + " non générée", failed);
      }
    }
    return moved.row();
  }

  /** A transition made: the report, and the next version opened by TO_CORRECT (null otherwise). */
  public record Moved(ReportRow row, Long next) {}

  /** The transition itself, in one short transaction; the next version's files are made after it. */
  @RolesAllowed(FINANCE)
  @Transactional
  public Moved move(long id, Transition t) {
    Report report = find(id);
    checkVersion(report, t.version());
    LocalDate today = LocalDate.now(clock);
    report.moveTo(t.target(), t.on(), t.note(), today);
    boolean statement = report.type().statement();
    Long next = null;
    switch (t.target()) {
      case IN_REVIEW -> {
        if (report.files().isEmpty()) {
          throw new RuleViolation("status", "report.review.noFiles");
        }
        if (statement) {
          expenses.lockStatement(report.id(), true);
        }
      }
      case DRAFT -> {
        if (statement) {
          expenses.lockStatement(report.id(), false);
        }
      }
      case SIGNED -> report.freeze(statement ? lines.dataSha256(report.id()) : null, LocalDateTime.now(clock));
      case SUBMITTED -> {
        if (statement) {
          expenses.declare(report.id());
        }
      }
      case TO_CORRECT -> {
        if (statement) {
          expenses.reopenStatement(report.id());
        }
        Report nextVersion = report.nextVersion(LocalDateTime.now(clock), AuditContext.actor());
        em.persist(nextVersion);
        em.flush();
        next = nextVersion.id();
      }
      case ACCEPTED -> {
        // The operator's verdicts on each line are recorded separately (recordVerdicts).
      }
    }
    em.flush();
    return new Moved(ReportRow.of(report), next);
  }

  /** Records a signature on a report in review: the right signatory for the type and legal form, two different people. */
  @RolesAllowed(FINANCE)
  @Transactional
  public ReportRow sign(long id, @NotNull @Valid SignRequest s) {
    Report report = find(id);
    checkVersion(report, s.version());
    report.sign(s.role(), s.name(), s.quality(), s.signedOn(), AuditContext.actor(), LocalDateTime.now(clock), LocalDate.now(clock));
    em.flush();
    return ReportRow.of(report);
  }

  /** Keeps the scanned signed page of a signature (PDF or image). */
  @RolesAllowed(FINANCE)
  @Transactional
  public ReportRow attachScan(long id, long signatureId, @NotNull InputStream content, String fileName) {
    Report report = find(id);
    ReportSignature signature = report.signatures().stream().filter(s -> s.id() == signatureId).findFirst()
        .orElseThrow(() -> new NotFoundException(Messages.get("report.signature.notFound")));
    if (report.status() != ReportStatus.IN_REVIEW) {
      throw new RuleViolation("status", "report.sign.notInReview");
    }
    signature.attachScan(files.store(content, fileName, SCAN_KINDS, "scan", AuditContext.actor()));
    em.flush();
    return ReportRow.of(report);
  }

  /** The operator's verdicts on the lines of a submitted statement (rule 6). */
  @RolesAllowed(FINANCE)
  @Transactional
  public int recordVerdicts(long id, @NotNull @Valid Verdicts request) {
    List<ExpenseService.Verdict> verdicts = request.verdicts();
    Report report = find(id);
    if (!report.type().statement()) {
      throw new RuleViolation("type", "report.verdict.notStatement");
    }
    if (report.status() != ReportStatus.SUBMITTED && report.status() != ReportStatus.ACCEPTED) {
      throw new RuleViolation("status", "report.verdict.notSubmitted");
    }
    return expenses.recordVerdicts(report.id(), verdicts);
  }

  /** A page of the lines a statement declares, each with its verdict (rule 6). */
  @RolesAllowed({ADMIN, PROJECT_MANAGER, FINANCE, BOARD})
  public fr.jalon.platform.Page<StatementLine> statementLines(long id, int first, int size) {
    Report report = find(id);
    if (!report.type().statement()) {
      throw new RuleViolation("type", "report.verdict.notStatement");
    }
    return new fr.jalon.platform.Page<>(lines.statementLines(report.id(), first, size), lines.statementLineCount(report.id()), first, size);
  }

  /** Every expense a statement declares, for one verdict on all its lines. */
  @RolesAllowed(FINANCE)
  public List<Long> statementExpenseIds(long id) {
    return lines.statementExpenseIds(find(id).id());
  }

  /** Rule 14: recomputes the SHA-256 of each stored file (and of a frozen statement's data). */
  @RolesAllowed({ADMIN, PROJECT_MANAGER, FINANCE, BOARD})
  public Verification verify(long id) {
    Report report = find(id);
    List<Verification.FileCheck> checks = report.files().stream()
        .map(f -> new Verification.FileCheck(f.file().id(), f.format(), f.file().originalName(), f.file().sha256(), files.verify(f.file())))
        .sorted(Comparator.comparing(Verification.FileCheck::format)).toList();
    Boolean data = report.dataSha256() == null ? null : report.dataSha256().equals(lines.dataSha256(report.id()));
    boolean intact = checks.stream().allMatch(Verification.FileCheck::intact) && !Boolean.FALSE.equals(data);
    return new Verification(report.id(), LocalDateTime.now(clock), intact, data, checks);
  }

  /** A file of a report, or of a signature's scan, for download. */
  @RolesAllowed({ADMIN, PROJECT_MANAGER, FINANCE, BOARD})
  public StoredFile file(long id, long fileId) {
    Report report = find(id);
    return Stream.concat(report.files().stream().map(ReportFile::file), report.signatures().stream().map(ReportSignature::scan))
        .filter(f -> f != null && f.id() == fileId).findFirst()
        .orElseThrow(() -> new NotFoundException(Messages.get("report.file.notFound")));
  }

  /** The latest version of a type accepted, if any (rule 9's conditions). */
  @RolesAllowed({ADMIN, PROJECT_MANAGER, FINANCE, BOARD})
  public java.util.Optional<ReportRow> latest(ReportType type) {
    return em.createQuery("SELECT r FROM Report r WHERE r.grant.id = :g AND r.type = :t ORDER BY r.reportVersion DESC, r.id DESC", Report.class)
        .setParameter("g", grants.grant().id()).setParameter("t", type).setMaxResults(1).getResultStream().findFirst().map(ReportRow::of);
  }

  static String fileName(Report r, ReportFormat format) {
    String scope = r.periodFrom() != null ? r.periodFrom() + "_" + r.periodTo() : "tranche-" + r.trancheId();
    return Messages.get(Locale.FRENCH, "report.file." + r.type().name()) + "_" + scope + "_v" + r.reportVersion() + "." + format.extension();
  }

  ReportGenerator generator(ReportType type) {
    for (ReportGenerator g : generators) {
      if (g.handles(type)) {
        return g;
      }
    }
    return null;
  }

  private static void checkVersion(Report report, Integer version) {
    if (version == null || version != report.version()) {
      throw new ConcurrentEditException(String.valueOf(report.auditKey()));
    }
  }

  Report find(long id) {
    Report r = em.find(Report.class, id);
    if (r == null || !r.grant().id().equals(grants.grant().id())) {
      throw new NotFoundException(Messages.get("report.notFound"));
    }
    return r;
  }

  private static void delete(Path folder) {
    if (folder == null) {
      return;
    }
    try (Stream<Path> all = Files.walk(folder)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // A leftover temporary folder holds nothing the application reads.
    }
  }
}
