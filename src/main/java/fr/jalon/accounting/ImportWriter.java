package fr.jalon.accounting;

import fr.jalon.audit.AuditTrail;
import fr.jalon.grant.Grant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The import's short transactions, each its own: open the import, write one chunk of staged
 * (invisible) lines, then flip the import to {@code CONFIRMED} with its one audit entry. A failure
 * anywhere before the flip leaves the lines staged, so nothing is visible.
 */
@ApplicationScoped
public class ImportWriter {
  @PersistenceContext EntityManager em;
  @Inject AuditTrail audit;
  @Inject fr.jalon.execution.ExecutionTotals totals;

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public long open(long grantId, String format, String fileName, String sha256, LocalDateTime at, String by) {
    AccountingImport i = new AccountingImport(em.find(Grant.class, grantId), format, fileName, sha256, at, by);
    em.persist(i);
    em.flush();
    return i.id();
  }

  /**
   * Classifies {@code lines} and writes those to create staged, in one transaction: the
   * double-import checks read in it too (outside a transaction, off the request thread, the
   * server's entity manager is not there to read with). Adds each line to {@code counts} by
   * outcome; returns the lines staged.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public int stage(long importId, ImportRun run, List<ImportRun.Read> lines, int[] counts) {
    List<ImportRun.Staged> chunk = new ArrayList<>(lines.size());
    for (ImportRun.Read r : lines) {
      counts[run.classify(r.expense(), r.actionCode(), r.siret(), chunk::add).outcome().ordinal()]++;
    }
    if (!chunk.isEmpty()) {
      ImportStaging.insert(em, importId, chunk);
    }
    return chunk.size();
  }

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public ImportRow confirm(long importId, int linesRead, int created, int skipped, int refused) {
    AccountingImport i = em.find(AccountingImport.class, importId);
    i.count(linesRead, created, skipped, refused);
    i.confirm();
    em.flush();
    totals.importShown(importId);
    audit.record("IMPORT", "AccountingImport", String.valueOf(importId),
        "Import " + i.format() + " « " + i.fileName() + " » : " + created + " dépenses créées, " + skipped + " déjà présentes, " + refused + " refusées",
        "sha256: " + i.sha256() + "\nlignes lues: " + linesRead);
    return ImportRow.of(i);
  }

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void fail(long importId) {
    AccountingImport i = em.find(AccountingImport.class, importId);
    if (i != null) {
      i.fail();
    }
  }

  /** Saves (or replaces) the settings remembered under {@code format} and {@code name}. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void saveProfile(long grantId, String format, String name, ImportService.ImportRequest request, LocalDateTime at, String by) {
    Grant grant = em.find(Grant.class, grantId);
    ImportProfile saved = em.createQuery("SELECT p FROM ImportProfile p WHERE p.grant = :g AND p.format = :f AND p.name = :n", ImportProfile.class)
        .setParameter("g", grant).setParameter("f", format).setParameter("n", name).getResultStream().findFirst().orElse(null);
    if (saved == null) {
      em.persist(new ImportProfile(grant, format, name, request, at, by));
    } else {
      saved.save(request, at, by);
    }
    em.flush();
  }
}
