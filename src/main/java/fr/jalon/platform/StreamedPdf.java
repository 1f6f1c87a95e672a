package fr.jalon.platform;

import java.io.OutputStream;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import net.sf.jasperreports.engine.JRDataSource;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRPrintPage;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.base.JRBasePrintPage;
import net.sf.jasperreports.engine.fill.FillListener;
import net.sf.jasperreports.export.ExporterInputItem;
import net.sf.jasperreports.export.SimpleExporterInputItem;
import net.sf.jasperreports.pdf.JRPdfExporter;

/**
 * A PDF written while its report is still being filled. JasperReports says when it starts a page;
 * the page before is then final and goes, in chunks of {@value #PAGES_PER_CHUNK} pages, to the PDF
 * exporter running on another thread, which lets go of each chunk once written. The fill waits
 * while {@value #CHUNKS_AHEAD} chunks wait for the exporter: memory holds about a hundred pages
 * whatever the length of the report, without a swap file, and filling and exporting each use a
 * core. Whole reports can follow the streamed one ({@link #add}); the PDF has them in order.
 *
 * <p>Only for designs whose pages are final once the next one starts: every expression evaluated
 * "Now" (no "page n of N", no total shown before its lines), no group kept together and no footer
 * kept with its last line (JasperReports would then change a page it has already left).
 *
 * <p>Use: {@link #fill} and {@link #add} on the caller's thread, then {@link #finish}; closing
 * without finishing abandons the PDF (the export stops, the output is incomplete).
 */
public final class StreamedPdf implements AutoCloseable {
  static final int PAGES_PER_CHUNK = 20;
  static final int CHUNKS_AHEAD = 5;
  /** What the filled report keeps in place of a page handed to the exporter. */
  private static final JRPrintPage HANDED_OVER = new JRBasePrintPage();

  private final ReportEngine engine;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  /** The reports handed to the exporter, in order: chunks of the streamed one, whole ones; null once exported. */
  private final List<JasperPrint> ready = new ArrayList<>();
  private int exporting = -1;
  private boolean ended;
  private Throwable failure;
  /**
   * The last report given, not yet handed over: it is handed over when the next one comes or at
   * {@link #finish}. So while the stream is open, one more report always follows those the exporter
   * has, which lets it ask how many there are without waiting.
   */
  private JasperPrint held;
  private JasperPrint chunk;
  /** Pages of the report being filled already handed over. */
  private int taken;
  private final Future<?> export;

  StreamedPdf(ReportEngine engine, String title, OutputStream out, ExecutorService executor) {
    this.engine = engine;
    JRPdfExporter exporter = ReportEngine.pdfExporter(() -> new Reports(), title, out);
    export = executor.submit(() -> {
      try {
        exporter.exportReport();
      } catch (JRException | RuntimeException | Error e) {
        fail(e);
      }
    });
  }

  /** Fills the design {@code name}, its pages going to the PDF as they are finished; returns how many pages it made. */
  public int fill(String name, Map<String, Object> parameters, JRDataSource data, Locale locale) throws JRException {
    taken = 0;
    JasperPrint print = engine.fill(name, parameters, data, locale, new FillListener() {
      @Override
      public void pageGenerated(JasperPrint filling, int pageIndex) {
        takeUpTo(filling, pageIndex);
      }

      @Override
      public void pageUpdated(JasperPrint filling, int pageIndex) {
        // Only designs without late evaluation are streamed: a page left is never updated.
      }
    });
    takeUpTo(print, print.getPages().size());
    if (chunk != null) {
      give(chunk);
      chunk = null;
    }
    return print.getPages().size();
  }

  /** A whole report, after what came before. */
  public void add(JasperPrint print) {
    give(print);
  }

  /** Hands over the last report and waits until the PDF is written. */
  public void finish() {
    lock.lock();
    try {
      if (held != null) {
        ready.add(held);
        held = null;
      }
      ended = true;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    awaitExport();
    lock.lock();
    try {
      throwIfFailed();
    } finally {
      lock.unlock();
    }
  }

  /** Abandons the PDF unless {@link #finish} ran, and waits for the exporter to stop. */
  @Override
  public void close() {
    lock.lock();
    try {
      if (!ended) {
        fail(new IllegalStateException("PDF abandonné"));
      }
    } finally {
      lock.unlock();
    }
    awaitExport();
  }

  /**
   * On the filling thread: the pages before {@code end} are final. JasperReports does not tell of
   * every page it adds (not of the statement's last one, for instance), so this takes every page
   * not taken yet; the filled report keeps a placeholder for each.
   */
  private void takeUpTo(JasperPrint filling, int end) {
    for (; taken < end; taken++) {
      take(filling.getPages().set(taken, HANDED_OVER), filling);
    }
  }

  private void take(JRPrintPage page, JasperPrint filling) {
    if (chunk == null) {
      chunk = new JasperPrint();
      chunk.copyFrom(filling);
      chunk.getPages().clear();
    }
    chunk.addPage(page);
    if (chunk.getPages().size() == PAGES_PER_CHUNK) {
      give(chunk);
      chunk = null;
    }
  }

  private void give(JasperPrint print) {
    lock.lock();
    try {
      if (held != null) {
        while (failure == null && ready.size() - exporting - 1 >= CHUNKS_AHEAD) {
          changed.await();
        }
        throwIfFailed();
        ready.add(held);
        changed.signalAll();
      }
      held = print;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("PDF interrompu", e);
    } finally {
      lock.unlock();
    }
  }

  /** Under the lock: the failure of either side, on this one. */
  private void throwIfFailed() {
    if (failure != null) {
      throw new IllegalStateException("PDF : " + failure.getMessage(), failure);
    }
  }

  private void fail(Throwable t) {
    lock.lock();
    try {
      if (failure == null) {
        failure = t;
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private void awaitExport() {
    try {
      export.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      export.cancel(true);
    } catch (ExecutionException e) {
      fail(e.getCause());
    }
  }

  /** The exporter's view of the reports: it asks for them in order, one after the other. */
  private final class Reports extends AbstractList<ExporterInputItem> {
    @Override
    public int size() {
      lock.lock();
      try {
        return ended ? ready.size() : ready.size() + 1;
      } finally {
        lock.unlock();
      }
    }

    @Override
    public ExporterInputItem get(int index) {
      lock.lock();
      try {
        if (index > exporting) {
          for (int i = Math.max(exporting, 0); i < index; i++) {
            ready.set(i, null);
          }
          exporting = index;
          changed.signalAll();
        }
        while (failure == null && !ended && ready.size() <= index) {
          changed.await();
        }
        throwIfFailed();
        // Nothing at all was given: an empty report, which the exporter writes as a blank page, as for any report without pages.
        return new SimpleExporterInputItem(index < ready.size() ? ready.get(index) : new JasperPrint());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("PDF interrompu", e);
      } finally {
        lock.unlock();
      }
    }
  }
}
