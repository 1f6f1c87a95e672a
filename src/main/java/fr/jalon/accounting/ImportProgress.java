package fr.jalon.accounting;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How far the reading of each uploaded file has gone, for the page's progress bar: bytes read of
 * bytes to read over every pass, and lines read of lines total (the total is known once a first
 * pass has counted them; before, it is estimated from the bytes). A confirm, which runs in the
 * background, also tells the expenses staged so far and then its outcome: the import confirmed, or
 * why it failed. Kept per file id while reading and a while after; one confirm at a time per file.
 */
@ApplicationScoped
public class ImportProgress {
  private static final int KEPT = 200;

  /**
   * What the page shows: a percentage, lines read and total, and whether it is over. For a confirm,
   * {@code status} is {@code STAGED} while it runs ({@code staged} expenses written so far), then
   * {@code CONFIRMED} with the import's {@code result}, or {@code FAILED} with the French
   * {@code error} and the {@code field} it concerns; null for a preview's reading.
   */
  public record State(int percent, long linesRead, long linesTotal, boolean estimated, boolean done, int pass, int passes, ImportStatus status, long staged,
      ImportRow result, String error, String field) {}

  private final Map<Long, Tracker> trackers = new ConcurrentHashMap<>();

  /** Starts following the reading of file {@code fileId} of {@code size} bytes in {@code passes} passes (a preview). */
  public Tracker start(long fileId, long size, int passes) {
    return follow(fileId, new Tracker(size, passes, false));
  }

  /**
   * Starts following the confirm of {@code fileId}; refused (409) while another confirm of the same
   * file runs: its lines would be staged twice, neither seeing the other's.
   */
  public Tracker startConfirm(long fileId, long size, int passes) {
    return follow(fileId, new Tracker(size, passes, true));
  }

  private Tracker follow(long fileId, Tracker t) {
    if (trackers.size() > KEPT) {
      trackers.values().removeIf(Tracker::over);
    }
    trackers.compute(fileId, (id, running) -> {
      if (running != null && running.confirm && !running.over()) {
        throw fr.jalon.platform.ConcurrentEditException.worded(fr.jalon.platform.Messages.get("import.confirm.running"));
      }
      return t;
    });
    return t;
  }

  /** The state of the reading of {@code fileId}, or null when none is followed. */
  public State of(long fileId) {
    Tracker t = trackers.get(fileId);
    return t == null ? null : t.state();
  }

  /** Counts the bytes and line breaks of each pass over the file. */
  public static final class Tracker {
    private final long size;
    private final int passes;
    private volatile int pass;
    private volatile long bytesBefore;
    private volatile long bytes;
    private volatile long lines;
    private volatile long linesTotal = -1;
    private volatile boolean done;
    private final boolean confirm;
    private volatile long staged;
    private volatile ImportStatus status;
    private volatile ImportRow result;
    private volatile String error;
    private volatile String field;

    Tracker(long size, int passes, boolean confirm) {
      this.size = Math.max(1, size);
      this.passes = passes;
      this.confirm = confirm;
      this.status = confirm ? ImportStatus.STAGED : null;
    }

    /** The file opened for the next pass, counted as it is read. */
    public InputStream pass(InputStream in) {
      if (pass > 0) {
        bytesBefore += size;
        if (linesTotal < 0) {
          linesTotal = lines;
        }
      }
      pass++;
      bytes = 0;
      lines = 0;
      return new FilterInputStream(in) {
        @Override
        public int read() throws IOException {
          int b = super.read();
          if (b >= 0) {
            count(new byte[] {(byte) b}, 0, 1);
          }
          return b;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
          int n = super.read(buffer, off, len);
          if (n > 0) {
            count(buffer, off, n);
          }
          return n;
        }
      };
    }

    private void count(byte[] buffer, int off, int n) {
      long breaks = 0;
      for (int i = off; i < off + n; i++) {
        if (buffer[i] == '\n') {
          breaks++;
        }
      }
      lines += breaks;
      bytes += n;
    }

    /** The reading is over (for a confirm, the flip is still to come). */
    public void done() {
      if (linesTotal < 0) {
        linesTotal = lines;
      }
      done = true;
    }

    /** {@code count} more expenses written staged. */
    public void staged(int count) {
      staged += count;
    }

    public void confirmed(ImportRow row) {
      result = row;
      status = ImportStatus.CONFIRMED;
    }

    /** The confirm failed: {@code message} (French) says why, about {@code field} when known. */
    public void failed(String message, String field) {
      this.error = message;
      this.field = field;
      status = ImportStatus.FAILED;
    }

    /** Nothing more will happen: the reading of a preview is over, a confirm has its outcome. */
    boolean over() {
      return confirm ? status != ImportStatus.STAGED : done;
    }

    public State state() {
      long b = Math.min(bytes, size);
      boolean over = over();
      int percent = over ? 100 : (int) Math.min(99, (done ? size * passes : bytesBefore + b) * 100 / (size * passes));
      long total = linesTotal >= 0 ? linesTotal : b == 0 ? 0 : lines * size / b;
      return new State(percent, done ? linesTotal : Math.min(lines, total), total, linesTotal < 0, over, Math.max(1, pass), passes, status, staged, result, error, field);
    }
  }
}
