package dev.rdpdoctor.batch;

import dev.rdpdoctor.casefile.CaseFile;
import dev.rdpdoctor.engine.Diagnosis;
import dev.rdpdoctor.yaml.InputError;
import dev.rdpdoctor.yaml.InvalidInputException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Diagnoses a stream of cases on all cores with one shared knowledge base, and writes the
 * results in input order. A reader thread cuts the input into chunks, worker threads read,
 * diagnose and render the cases of a chunk, and the calling thread writes the chunks out in
 * order. At most a few chunks per worker are in flight, so memory stays flat however long the
 * input is, and a slow reader of the output slows the batch down rather than filling memory.
 */
public final class BatchRunner {

  /** Cases per chunk of a stream: large enough that handing chunks around costs nothing. */
  static final int CHUNK = 256;

  /** Chunks waiting to be written, per worker. */
  private static final int IN_FLIGHT_PER_WORKER = 4;

  private final Function<CaseFile, Diagnosis> diagnoser;
  private final ResultFormat format;
  private final int threads;
  private final Clock clock;

  /** @param diagnoser diagnoses one case; called from several threads at once */
  public BatchRunner(Function<CaseFile, Diagnosis> diagnoser, ResultFormat format, int threads, Clock clock) {
    if (threads < 1) {
      throw new IllegalArgumentException("a batch needs at least one thread");
    }
    this.diagnoser = diagnoser;
    this.format = format;
    this.threads = threads;
    this.clock = clock;
  }

  /**
   * The cases of a chunk as written: their output (null when none of them has any), the error
   * lines for stderr, and their tally.
   */
  private record Chunk(byte[] output, List<String> errors, BatchSummary summary) {}

  private static final Chunk END = new Chunk(null, List.of(), new BatchSummary());

  /**
   * Runs the batch to the end of the input.
   *
   * @param out where results go, in input order, as UTF-8
   * @param err where each bad case's errors go, located ({@code FILE:LINE:COL: error: ...})
   */
  public BatchSummary run(CaseSource source, OutputStream out, PrintWriter err, Progress progress) {
    int chunkSize = source.size().isPresent()
        ? (int) Math.max(1, Math.min(CHUNK, source.size().getAsLong() / (threads * 8L)))
        : CHUNK;
    ExecutorService workers = Executors.newFixedThreadPool(threads, task -> {
      Thread t = new Thread(task, "rdp-doctor-batch-worker");
      t.setDaemon(true);
      return t;
    });
    ThreadLocal<CaseDiagnoser> caseDiagnosers = ThreadLocal.withInitial(() -> new CaseDiagnoser(diagnoser, clock));
    BlockingQueue<Future<Chunk>> pending = new ArrayBlockingQueue<>(threads * IN_FLIGHT_PER_WORKER);
    Thread reader = new Thread(() -> read(source, chunkSize, workers, caseDiagnosers, pending), "rdp-doctor-batch-reader");
    reader.setDaemon(true);
    reader.start();
    BatchSummary summary = new BatchSummary();
    try {
      boolean first = true;
      while (true) {
        Chunk chunk = pending.take().get();
        if (chunk == END) {
          break;
        }
        if (!chunk.errors().isEmpty()) {
          progress.clear();
          chunk.errors().forEach(err::println);
          err.flush();
        }
        if (chunk.output() != null) {
          if (!first) {
            out.write(format.separator());
          }
          out.write(chunk.output());
          out.flush();
          first = false;
        }
        summary.add(chunk.summary());
        if (out instanceof PrintStream printer && printer.checkError()) {
          break; // the reader of the output has gone (a closed pipe): nothing more to do
        }
        progress.update(summary.cases());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("the batch was interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      progress.clear();
      reader.interrupt();
      workers.shutdownNow();
    }
    return summary;
  }

  private void read(CaseSource source, int chunkSize, ExecutorService workers,
      ThreadLocal<CaseDiagnoser> caseDiagnosers, BlockingQueue<Future<Chunk>> pending) {
    try {
      try {
        while (true) {
          List<BatchItem> items = source.next(chunkSize);
          if (items.isEmpty()) {
            break;
          }
          pending.put(workers.submit(() -> diagnose(items, caseDiagnosers.get())));
        }
        pending.put(CompletableFuture.completedFuture(END));
      } catch (IOException | UncheckedIOException e) {
        String message = e instanceof UncheckedIOException u ? u.getCause().getMessage() : e.getMessage();
        pending.put(CompletableFuture.failedFuture(
            new InvalidInputException(InputError.error("input", 1, 1, "cannot read the cases: " + message))));
      } catch (RuntimeException e) {
        pending.put(CompletableFuture.failedFuture(e));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the batch stopped: nothing more to read
    }
  }

  private Chunk diagnose(List<BatchItem> items, CaseDiagnoser caseDiagnoser) {
    ByteArrayOutputStream output = new ByteArrayOutputStream(items.size() * 3072);
    boolean any = false;
    List<String> errors = new ArrayList<>();
    BatchSummary summary = new BatchSummary();
    for (BatchItem item : items) {
      BatchOutcome outcome = caseDiagnoser.diagnose(item);
      if (outcome instanceof BatchOutcome.Rejected r) {
        r.errors().forEach(e -> errors.add(e.format()));
      }
      byte[] rendered = format.render(outcome);
      if (rendered != null) {
        if (any) {
          output.writeBytes(format.separator());
        }
        output.writeBytes(rendered);
        any = true;
      }
      summary.add(outcome);
    }
    return new Chunk(any ? output.toByteArray() : null, errors, summary);
  }
}
