package dev.rdpdoctor.batch;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * A progress line on stderr, redrawn in place at most five times a second: a bar when the
 * number of cases is known, else the count; and the rate. {@link #none()} draws nothing, for
 * stderr that is not a terminal.
 */
public class Progress {

  private static final long REDRAW_NANOS = 200_000_000L;
  private static final int WIDTH = 30;

  private final PrintWriter err;
  private final OptionalLong total;
  private final long started = System.nanoTime();
  private long lastDrawn;
  private boolean shown;

  public Progress(PrintWriter err, OptionalLong total) {
    this.err = err;
    this.total = total;
  }

  public static Progress none() {
    return new Progress(null, OptionalLong.empty()) {
      @Override
      void update(long done) {}

      @Override
      void clear() {}
    };
  }

  void update(long done) {
    long now = System.nanoTime();
    if (now - lastDrawn < REDRAW_NANOS) {
      return;
    }
    lastDrawn = now;
    double rate = done / Math.max(1e-9, (now - started) / 1e9);
    StringBuilder line = new StringBuilder("\r");
    if (total.isPresent() && total.getAsLong() > 0) {
      long all = total.getAsLong();
      int filled = (int) (WIDTH * Math.min(done, all) / all);
      line.append('[').append("#".repeat(filled)).append(".".repeat(WIDTH - filled)).append("] ")
          .append(String.format(Locale.ROOT, "%3d%%  %,d / %,d cases", 100 * done / all, done, all));
    } else {
      line.append(String.format(Locale.ROOT, "%,d cases", done));
    }
    line.append(String.format(Locale.ROOT, "  %,.0f cases/s ", rate));
    err.print(line);
    err.flush();
    shown = true;
  }

  /** Takes the line away, before other messages or at the end. */
  void clear() {
    if (shown) {
      err.print("\r" + " ".repeat(WIDTH + 60) + "\r");
      err.flush();
      shown = false;
      lastDrawn = 0;
    }
  }
}
