package dev.rdpdoctor.batch;

import dev.rdpdoctor.casefile.CaseFile;
import dev.rdpdoctor.casefile.vocabulary.Vocabulary;
import dev.rdpdoctor.engine.Diagnosis;
import dev.rdpdoctor.problem.InputError;
import dev.rdpdoctor.problem.InvalidInputException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * Diagnoses a stream of cases on all cores with one shared knowledge base, and writes the
 * results in input order. A reader thread cuts the input into chunks, worker threads read,
 * diagnose and render the cases of a chunk, and the calling thread writes the results out in
 * order. What is in flight between them is bounded ({@link InFlight}): a few chunks per worker,
 * and a budget of bytes for the lines read and the results not yet written, so memory stays
 * flat however long the input is and however large its lines and results, and a slow reader of
 * the output slows the batch down rather than filling memory. If the reader or a worker fails,
 * the batch ends with a {@link BatchFailure} (or, when the input cannot be read, an
 * {@link InvalidInputException}) instead of waiting for it.
 */
public final class BatchRunner {

  /**
   * The most threads a batch runs on. Past a few dozen, the one reader and the one writer are
   * what limits a batch, and each worker needs heap of its own for the case it holds.
   */
  public static final int MAX_THREADS = 64;

  /** Cases per chunk of a stream: large enough that handing chunks around costs nothing. */
  static final int CHUNK = 256;

  /** Chunks in flight, per worker. */
  private static final int IN_FLIGHT_PER_WORKER = 4;

  private final Vocabulary vocabulary;
  private final Function<CaseFile, Diagnosis> diagnoser;
  private final ResultFormat format;
  private final int threads;
  private final Clock clock;
  private final long budget;

  /**
   * With a budget of an eighth of the heap for the bytes in flight.
   *
   * @param vocabulary what the cases may say: the vocabulary of the rules that diagnose them
   * @param diagnoser diagnoses one case; called from several threads at once
   */
  public BatchRunner(Vocabulary vocabulary, Function<CaseFile, Diagnosis> diagnoser, ResultFormat format, int threads,
      Clock clock) {
    this(vocabulary, diagnoser, format, threads, clock, defaultBudget());
  }

  /** @param budget the bytes of lines and results in flight at most, give or take one result */
  BatchRunner(Vocabulary vocabulary, Function<CaseFile, Diagnosis> diagnoser, ResultFormat format, int threads, Clock clock,
      long budget) {
    if (threads < 1 || threads > MAX_THREADS) {
      throw new IllegalArgumentException("a batch runs on 1 to " + MAX_THREADS + " threads, not " + threads);
    }
    this.vocabulary = vocabulary;
    this.diagnoser = diagnoser;
    this.format = format;
    this.threads = threads;
    this.clock = clock;
    this.budget = budget;
  }

  /** An eighth of the heap, at least 4 MiB: the rest is for the knowledge base and the cases being diagnosed. */
  static long defaultBudget() {
    return Math.max(4L << 20, Runtime.getRuntime().maxMemory() / 8);
  }

  /**
   * Runs the batch to the end of the input.
   *
   * @param out where results go, in input order, as UTF-8
   * @param err where each bad case's errors go, located ({@code FILE:LINE:COL: error: ...})
   * @throws BatchFailure when the reader of the cases or a worker failed
   * @throws InvalidInputException when the input could not be read to its end
   */
  public BatchSummary run(CaseSource source, OutputStream out, PrintWriter err, Progress progress) {
    int chunkSize = source.size().isPresent()
        ? (int) Math.max(1, Math.min(CHUNK, source.size().getAsLong() / (threads * 8L)))
        : CHUNK;
    long chunkBytes = Math.max(1, budget / (threads * (long) IN_FLIGHT_PER_WORKER));
    ExecutorService workers = Executors.newFixedThreadPool(threads, task -> {
      Thread t = new Thread(task, "rdp-doctor-batch-worker");
      t.setDaemon(true);
      return t;
    });
    ThreadLocal<CaseDiagnoser> caseDiagnosers = ThreadLocal.withInitial(() -> new CaseDiagnoser(vocabulary, diagnoser, clock));
    InFlight inFlight = new InFlight(budget, threads * IN_FLIGHT_PER_WORKER);
    Thread reader = new Thread(() -> read(source, chunkSize, chunkBytes, workers, caseDiagnosers, inFlight),
        "rdp-doctor-batch-reader");
    reader.setDaemon(true);
    reader.start();
    BatchSummary summary = new BatchSummary();
    BufferedOutputStream buffered = new BufferedOutputStream(out, 1 << 16);
    try {
      boolean first = true;
      for (InFlight.Chunk chunk = inFlight.next(reader::isAlive); chunk != null; chunk = inFlight.next(reader::isAlive)) {
        InFlight.Drained drained;
        do {
          drained = inFlight.drain(chunk);
          if (!drained.errors().isEmpty()) {
            progress.clear();
            drained.errors().forEach(err::println);
            err.flush();
          }
          for (byte[] output : drained.outputs()) {
            if (!first) {
              buffered.write(format.separator());
            }
            buffered.write(output);
            first = false;
          }
          buffered.flush();
          inFlight.release(drained.bytes());
          summary.add(drained.summary());
          if (out instanceof PrintStream printer && printer.checkError()) {
            return summary; // the reader of the output has gone (a closed pipe): nothing more to do
          }
          progress.update(summary.cases());
        } while (!drained.last());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("the batch was interrupted", e);
    } finally {
      progress.clear();
      inFlight.fail(new BatchFailure("the batch has stopped", null)); // wakes anyone still waiting
      reader.interrupt();
      workers.shutdownNow();
    }
    return summary;
  }

  private void read(CaseSource source, int chunkSize, long chunkBytes, ExecutorService workers,
      ThreadLocal<CaseDiagnoser> caseDiagnosers, InFlight inFlight) {
    try {
      while (true) {
        List<BatchItem> items = source.next(chunkSize, chunkBytes);
        if (items.isEmpty()) {
          break;
        }
        BatchItem[] work = items.toArray(new BatchItem[0]);
        long bytes = 0;
        for (BatchItem item : work) {
          bytes += held(item);
        }
        InFlight.Chunk chunk = inFlight.admit(bytes);
        workers.execute(() -> diagnose(work, chunk, caseDiagnosers.get(), inFlight));
      }
      inFlight.end(null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the batch stopped: nothing more to read
    } catch (IOException | UncheckedIOException e) {
      String message = e instanceof UncheckedIOException u ? u.getCause().getMessage() : e.getMessage();
      inFlight.end(new InvalidInputException(InputError.error("input", 1, 1, "cannot read the cases: " + message)));
    } catch (InvalidInputException e) {
      inFlight.end(e);
    } catch (Throwable e) { // even an OutOfMemoryError: the writer must not wait for a dead reader
      inFlight.fail(new BatchFailure("the batch stopped: reading the cases failed: " + e, e));
    }
  }

  /** The bytes of an item the reader holds until it is diagnosed: a line's; a file is read by its worker. */
  private static long held(BatchItem item) {
    return item instanceof BatchItem.JsonLine l ? l.content().length : 0;
  }

  private void diagnose(BatchItem[] items, InFlight.Chunk chunk, CaseDiagnoser caseDiagnoser, InFlight inFlight) {
    BatchItem item = null;
    try {
      for (int i = 0; i < items.length; i++) {
        item = items[i];
        items[i] = null; // the line is not needed once read
        BatchOutcome outcome = caseDiagnoser.diagnose(item);
        List<String> errors = outcome instanceof BatchOutcome.Rejected r
            ? r.errors().stream().map(InputError::format).toList()
            : List.of();
        inFlight.add(chunk, held(item), format.render(outcome), errors, outcome);
      }
      inFlight.finish(chunk);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the batch stopped
    } catch (Throwable e) { // even an OutOfMemoryError: the writer must not wait for this chunk
      String where = item == null ? "" : " on " + CaseDiagnoser.source(item) + ":" + CaseDiagnoser.line(item);
      inFlight.fail(new BatchFailure("the batch stopped: a worker failed" + where + ": " + e, e));
    }
  }
}
