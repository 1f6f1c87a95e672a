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
import fr.jalon.platform.FileKind;
import fr.jalon.platform.FileStore;
import fr.jalon.platform.Messages;
import fr.jalon.platform.NotFoundException;
import fr.jalon.platform.RuleViolation;
import fr.jalon.platform.StoredFile;
import jakarta.annotation.security.RolesAllowed;
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
  static final int CHUNK = 500;

  @PersistenceContext EntityManager em;
  @Inject GrantService grants;
  @Inject FileStore files;
  @Inject ImportWriter writer;
  @Inject AuditTrail audit;
  @Inject ExpenseRepository expenses;

  /** Which action and funding source the imported lines are charged to (PIA when none), and which entries are the project's. */
  /** Why an import is undone: kept in the audit trail. */
  public record UndoRequest(@jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 500) String reason) {}

  public record ImportRequest(@NotNull Long actionId, Long sourceId, FecSelection selection) implements java.io.Serializable {}

  /** Keeps the file (its SHA-256 recorded) and previews it. */
  @RolesAllowed(FINANCE)
  @Transactional
  public ImportPreview upload(@NotNull InputStream content, String fileName, @NotNull ImportRequest request) {
    run(request);
    StoredFile file = files.store(content, fileName == null ? "fec.txt" : fileName, Set.of(FileKind.TEXT), "file", AuditContext.actor());
    em.flush();
    return preview(file.id(), request);
  }

  /** What confirming would do; saves nothing. */
  @RolesAllowed(FINANCE)
  public ImportPreview preview(long fileId, @NotNull ImportRequest request) {
    StoredFile file = files.find(fileId);
    ImportRun run = run(request);
    List<ImportLine> shown = new ArrayList<>();
    int[] counts = new int[3];
    BigDecimal[] total = {BigDecimal.ZERO.setScale(2)};
    FecReader.Summary s = FecEntries.read(() -> open(file), selection(request), f -> {
      ImportLine line = run.classify(f, staged -> total[0] = total[0].add(staged.expense().amountIncl()));
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
    return new ImportPreview(file.id(), file.originalName(), file.sha256(), s.linesRead(), counts[0], counts[1], counts[2], total[0], shown);
  }

  /**
   * Imports the file: its lines are written staged (invisible) in chunks, each its own short
   * transaction, then all become visible at once. Nothing is visible after a failure.
   */
  @RolesAllowed(FINANCE)
  public ImportRow confirm(long fileId, @NotNull @Valid ImportRequest request) {
    ImportRun run = run(request);
    StoredFile file = files.find(fileId);
    Grant grant = grants.grant();
    long importId = writer.open(grant.id(), "FEC", file.originalName(), file.sha256(), AuditContext.now(), AuditContext.actor());
    try {
      int[] counts = new int[3];
      List<ImportRun.Staged> chunk = new ArrayList<>();
      FecReader.Summary s = FecEntries.read(() -> open(file), selection(request), f -> {
        counts[run.classify(f, chunk::add).outcome().ordinal()]++;
        if (chunk.size() >= CHUNK) {
          writer.stage(importId, List.copyOf(chunk));
          chunk.clear();
        }
      }, p -> counts[ImportLine.Outcome.REFUSED.ordinal()]++);
      if (!chunk.isEmpty()) {
        writer.stage(importId, List.copyOf(chunk));
      }
      return writer.confirm(importId, s.linesRead(), counts[0], counts[1], counts[2]);
    } catch (RuntimeException e) {
      writer.fail(importId);
      throw e;
    }
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
    Cofunding source = request.sourceId() == null
        ? em.createQuery("SELECT c FROM Cofunding c WHERE c.grant = :g AND c.kind = :k", Cofunding.class).setParameter("g", grant).setParameter("k", FunderKind.PIA)
            .setMaxResults(1).getResultStream().findFirst().orElse(null)
        : em.find(Cofunding.class, request.sourceId());
    if (source == null) {
      throw new RuleViolation("sourceId", "expense.source.required");
    }
    List<CostCategory> categories = em.createQuery("SELECT c FROM CostCategory c WHERE c.grant = :g", CostCategory.class).setParameter("g", grant).getResultList();
    long grantId = grant.id();
    return new ImportRun(grant, action, source, categories, selection(request), new ImportRun.Taken() {
      @Override
      public boolean sourceKey(String key) {
        return expenses.sourceKeyTaken(grantId, key);
      }

      @Override
      public boolean invoice(String supplier, String number, LocalDate date) {
        return !expenses.sameInvoice(grantId, supplier, number, date, null).isEmpty();
      }
    });
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
