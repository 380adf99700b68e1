package dev.rdpdoctor.batch;

import java.io.PrintWriter;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** What a batch came to: how many cases, how many per top cause, how many rejected. */
public final class BatchSummary {

  private final Map<String, Long> byTopCause = new HashMap<>();
  private long cases;
  private long noCause;
  private long rejected;
  private long internal;

  void add(BatchOutcome outcome) {
    cases++;
    if (outcome instanceof BatchOutcome.Diagnosed d) {
      // a case ranked only by how common the causes are has no cause its facts support
      d.diagnosis().top().filter(top -> top.rankedByBaseRate().isEmpty()).ifPresentOrElse(
          top -> byTopCause.merge(top.cause().id(), 1L, Long::sum), () -> noCause++);
    } else {
      rejected++;
      if (((BatchOutcome.Rejected) outcome).internal()) {
        internal++;
      }
    }
  }

  void add(BatchSummary other) {
    cases += other.cases;
    noCause += other.noCause;
    rejected += other.rejected;
    internal += other.internal;
    other.byTopCause.forEach((k, v) -> byTopCause.merge(k, v, Long::sum));
  }

  public long cases() {
    return cases;
  }

  public long rejected() {
    return rejected;
  }

  /** Cases the tool itself failed on: a fault to report, not bad input. */
  public long internal() {
    return internal;
  }

  public Map<String, Long> byTopCause() {
    return Map.copyOf(byTopCause);
  }

  public long withoutCause() {
    return noCause;
  }

  /** A few lines for stderr: the totals and rate, then the cases per top cause, most first. */
  public void print(PrintWriter err, double seconds, int threads) {
    err.printf(Locale.ROOT, "rdp-doctor: %,d cases in %.2f s (%,.0f cases/s, %d threads): %,d diagnosed, %,d rejected%s%n",
        cases, seconds, seconds > 0 ? cases / seconds : 0.0, threads, cases - rejected, rejected,
        internal > 0 ? " (" + internal + " by an internal error)" : "");
    int width = byTopCause.keySet().stream().mapToInt(String::length).max().orElse(0);
    width = Math.max(width, "no supported cause".length());
    String row = "  %-" + width + "s  %,12d%n";
    byTopCause.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> err.printf(Locale.ROOT, row, e.getKey(), e.getValue()));
    if (noCause > 0) {
      err.printf(Locale.ROOT, row, "no supported cause", noCause);
    }
    if (rejected > 0) {
      err.printf(Locale.ROOT, row, "rejected", rejected);
    }
    err.flush();
  }
}
