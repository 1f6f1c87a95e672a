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
 * pass has counted them; before, it is estimated from the bytes). Kept per file id while reading
 * and a while after.
 */
@ApplicationScoped
public class ImportProgress {
  private static final int KEPT = 200;

  /** What the page shows: a percentage, lines read and total, and whether the reading is over. */
  public record State(int percent, long linesRead, long linesTotal, boolean estimated, boolean done, int pass, int passes) {}

  private final Map<Long, Tracker> trackers = new ConcurrentHashMap<>();

  /** Starts following the reading of file {@code fileId} of {@code size} bytes in {@code passes} passes. */
  public Tracker start(long fileId, long size, int passes) {
    if (trackers.size() > KEPT) {
      trackers.values().removeIf(t -> t.done);
    }
    Tracker t = new Tracker(size, passes);
    trackers.put(fileId, t);
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

    Tracker(long size, int passes) {
      this.size = Math.max(1, size);
      this.passes = passes;
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

    public void done() {
      if (linesTotal < 0) {
        linesTotal = lines;
      }
      done = true;
    }

    State state() {
      long b = Math.min(bytes, size);
      int percent = done ? 100 : (int) Math.min(99, (bytesBefore + b) * 100 / (size * passes));
      long total = linesTotal >= 0 ? linesTotal : b == 0 ? 0 : lines * size / b;
      return new State(percent, done ? linesTotal : Math.min(lines, total), total, linesTotal < 0, done, Math.max(1, pass), passes);
    }
  }
}
