package fr.jalon.demo;

import fr.jalon.accounting.ImportPreview;
import fr.jalon.accounting.ImportProfile;
import fr.jalon.accounting.ImportRow;
import fr.jalon.accounting.ImportService;
import fr.jalon.grant.GrantService;
import fr.jalon.plan.Action;
import fr.jalon.platform.ApplicationStarted;
import fr.jalon.reporting.ReportRow;
import fr.jalon.reporting.ReportService;
import fr.jalon.reporting.ReportStatus;
import fr.jalon.reporting.ReportType;
import fr.jalon.security.SystemCaller;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The demo's imports from accounting, made by the finance officer through the import pipeline
 * itself (file kept, preview with the saved selection, confirm, undo): the sample FEC was first
 * charged to the wrong action and undone, then imported again on the right one. Runs once the
 * demo grant is committed (the import writes in its own short transactions), and only while the
 * grant has no import at all.
 */
@ApplicationScoped
public class DemoImports {
  private static final Logger LOG = Logger.getLogger(DemoImports.class.getName());
  /** The sample FEC shipped with Jalon, also read by the tests. */
  public static final String SAMPLE_FEC = "/demo/fec-exemple.txt";
  static final String FINANCE_USER = "finance";
  static final String WRONG_ACTION = "A1.1";
  static final String RIGHT_ACTION = "A2.1";
  /** The report types whose drafts total the ledger (expenses with or without receipts). */
  static final Set<ReportType> LEDGER_DRAFTS = EnumSet.of(ReportType.BUDGET_EXECUTION, ReportType.COFUNDING);

  @Inject GrantService grants;
  @Inject ImportService imports;
  @Inject ReportService reports;
  @PersistenceContext EntityManager em;

  void onStart(@Observes @Priority(250) ApplicationStarted started) {
    if (!started.settings().demo()) {
      return;
    }
    try {
      SystemCaller.callAs(FINANCE_USER, () -> {
        if (grants.exists() && noImportYet()) {
          if (demoActionsPresent()) {
            load();
          } else {
            LOG.info("Imports de démonstration : la convention n’a pas les actions " + WRONG_ACTION + " et " + RIGHT_ACTION + " de la démonstration, rien à importer.");
          }
        }
        return null;
      });
    } catch (RuntimeException e) {
      // The demo stays usable without its imports; the next start tries again.
      LOG.log(Level.SEVERE, "Imports de démonstration non chargés", e);
    }
  }

  /** An installation holds one grant (GrantService.create refuses a second): its imports and actions are all there are. */
  private boolean noImportYet() {
    return em.createQuery("SELECT COUNT(i) FROM AccountingImport i", Long.class).getSingleResult() == 0;
  }

  /**
   * A demo-mode data folder the demo loader did not fill (one the bench generator made, say) has
   * other actions: the sample file is then not received at all, rather than stored and refused on
   * every start.
   */
  private boolean demoActionsPresent() {
    return em.createQuery("SELECT COUNT(a) FROM Action a WHERE a.code IN :codes", Long.class)
        .setParameter("codes", Set.of(WRONG_ACTION, RIGHT_ACTION)).getSingleResult() == 2;
  }

  void load() {
    long started = System.nanoTime();
    ImportRow mistaken = importSample(WRONG_ACTION);
    imports.undo(mistaken.id(), new ImportService.UndoRequest(
        "Lignes imputées par erreur à l’action " + WRONG_ACTION + " : elles relèvent des modules de formation (" + RIGHT_ACTION + "), réimportées sur cette action."));
    ImportRow kept = importSample(RIGHT_ACTION);
    int refreshed = refreshLedgerDrafts();
    LOG.info(() -> String.format("Imports de démonstration : « %s » importé (%d dépenses, %d lignes refusées), une première fois annulé, %d brouillons régénérés, en %d ms.", kept.fileName(),
        kept.created(), kept.refused(), refreshed, (System.nanoTime() - started) / 1_000_000));
  }

  /**
   * The demo's drafts that read the ledger were made before the imports: regenerated, as finance
   * would, so they agree with the dashboard. A statement is left as it is (its draft declares only
   * expenses with a receipt, and the imported ones have none yet).
   */
  private int refreshLedgerDrafts() {
    int refreshed = 0;
    for (ReportRow r : reports.archive()) {
      if (r.status() == ReportStatus.DRAFT && LEDGER_DRAFTS.contains(r.type())) {
        reports.regenerate(r.id(), new ReportService.Regenerate(r.version()), Locale.FRENCH);
        refreshed++;
      }
    }
    return refreshed;
  }

  /** As finance does on the import page: send the file, read it with the saved selection on {@code actionCode}, confirm. */
  private ImportRow importSample(String actionCode) {
    ImportService.Uploaded file;
    try (InputStream in = DemoImports.class.getResourceAsStream(SAMPLE_FEC)) {
      file = imports.receive(in, "fec-exemple.txt");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ImportService.ImportRequest saved = imports.savedSettings(ImportProfile.FEC, null);
    ImportService.ImportRequest request = ImportService.ImportRequest.fec(action(actionCode), saved.sourceId(), saved.selection());
    ImportPreview preview = imports.preview(file.fileId(), request);
    if (preview.toCreate() == 0) {
      throw new IllegalStateException("Le FEC d’exemple ne crée aucune dépense : " + preview.alreadyThere() + " déjà présentes, " + preview.refused() + " refusées.");
    }
    return imports.confirm(file.fileId(), request);
  }

  private long action(String code) {
    return em.createQuery("SELECT a FROM Action a WHERE a.grant = :g AND a.code = :c", Action.class).setParameter("g", grants.grant()).setParameter("c", code)
        .getSingleResult().id();
  }
}
