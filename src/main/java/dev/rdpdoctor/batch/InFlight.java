package dev.rdpdoctor.batch;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The work of a batch between reading and writing, bounded in chunks and in bytes. The bytes
 * counted are those of the lines read and not yet diagnosed, and of the results and error lines
 * rendered and not yet written. The reader waits before queueing a chunk that would pass the
 * budget, and a worker before adding a result that would, so memory stays bounded whatever the
 * sizes of lines and results and however slowly the output is read.
 *
 * <p>No wait can deadlock: the chunk being written (the oldest) always gets on, since the writer
 * takes its results as they come, and whatever is counted when nothing else is counted always
 * fits, so a result larger than the budget passes alone. One monitor for the reader, the workers
 * and the writer; it also carries a failure of any of them to the others.
 */
final class InFlight {

  private final long budget;
  private final int maxChunks;
  private final long drainAt;
  private final ArrayDeque<Chunk> chunks = new ArrayDeque<>();
  private long used;
  private int waitingForRoom;
  private boolean readerWaitsForRoom;
  private boolean ended;
  private RuntimeException endedWith;
  private RuntimeException failure;

  /**
   * @param budget the bytes of lines and results held at most, give or take one result
   * @param maxChunks chunks queued at most
   */
  InFlight(long budget, int maxChunks) {
    if (budget < 1 || maxChunks < 1) {
      throw new IllegalArgumentException("a batch needs room for at least one chunk of one byte");
    }
    this.budget = budget;
    this.maxChunks = maxChunks;
    this.drainAt = Math.max(1, budget / 8);
  }

  /** The cases of one chunk as they are diagnosed, until the writer takes them. */
  final class Chunk {
    private List<byte[]> outputs = new ArrayList<>();
    private List<String> errors = new ArrayList<>();
    private BatchSummary summary = new BatchSummary();
    private long undrained;
    private boolean done;

    private Chunk() {}
  }

  /** What the writer takes from a chunk at once, and the bytes to release once it is written. */
  record Drained(List<byte[]> outputs, List<String> errors, BatchSummary summary, long bytes, boolean last) {}

  /** The reader: waits for room, then queues a chunk whose lines hold {@code bytes}. */
  synchronized Chunk admit(long bytes) throws InterruptedException {
    try {
      while (failure == null && (chunks.size() >= maxChunks || !fits(bytes))) {
        readerWaitsForRoom = chunks.size() < maxChunks;
        wait();
      }
    } finally {
      readerWaitsForRoom = false;
    }
    throwFailure();
    used += bytes;
    Chunk chunk = new Chunk();
    chunks.addLast(chunk);
    notifyAll();
    return chunk;
  }

  /** The reader: no more chunks; the batch ends with {@code failure} once the chunks queued are written, if not null. */
  synchronized void end(RuntimeException failure) {
    ended = true;
    endedWith = failure;
    notifyAll();
  }

  /**
   * A worker: one case of {@code chunk} diagnosed, its line's {@code inputBytes} no longer held,
   * its output (null for none) and error lines to write. Waits for room unless the chunk is the
   * one being written and the writer has taken all it had.
   */
  synchronized void add(Chunk chunk, long inputBytes, byte[] output, List<String> errors, BatchOutcome outcome)
      throws InterruptedException {
    used -= inputBytes;
    if (inputBytes > 0 && (readerWaitsForRoom || waitingForRoom > 0)) {
      notifyAll();
    }
    long bytes = output == null ? 0 : output.length;
    for (String error : errors) {
      bytes += 2L * error.length();
    }
    if (!fits(bytes)) {
      waitingForRoom++;
      notifyAll(); // the writer takes what the oldest chunk has, to make room
      try {
        while (failure == null && !fits(bytes) && !(chunk == chunks.peekFirst() && chunk.undrained == 0)) {
          wait();
        }
      } finally {
        waitingForRoom--;
      }
      throwFailure();
    }
    used += bytes;
    chunk.undrained += bytes;
    if (output != null) {
      chunk.outputs.add(output);
    }
    chunk.errors.addAll(errors);
    chunk.summary.add(outcome);
    if (chunk == chunks.peekFirst() && (chunk.undrained >= drainAt || waitingForRoom > 0)) {
      notifyAll(); // the writer has enough to write, or someone needs the room
    }
  }

  /** A worker: every case of {@code chunk} is diagnosed. */
  synchronized void finish(Chunk chunk) {
    chunk.done = true;
    notifyAll();
  }

  /** Any thread: the batch cannot go on; every wait ends with {@code failure}, the first one given. */
  synchronized void fail(RuntimeException failure) {
    if (this.failure == null) {
      this.failure = failure;
    }
    notifyAll();
  }

  /**
   * The writer: the chunk to write next, or null once every chunk is written.
   *
   * @param readerAlive whether the reader may still queue chunks: if it died without saying it
   *     ended, the batch fails rather than waiting for it forever
   */
  synchronized Chunk next(BooleanSupplier readerAlive) throws InterruptedException {
    while (failure == null && chunks.isEmpty() && !ended) {
      wait(1000);
      if (chunks.isEmpty() && !ended && !readerAlive.getAsBoolean()) {
        fail(new BatchFailure("the batch stopped: the reader of the cases died", null));
      }
    }
    throwFailure();
    if (chunks.isEmpty()) {
      if (endedWith != null) {
        throw endedWith;
      }
      return null;
    }
    return chunks.peekFirst();
  }

  /**
   * The writer: what {@code chunk} has for it, once it has enough to be worth a write, is done,
   * or holds up a worker waiting for room.
   */
  synchronized Drained drain(Chunk chunk) throws InterruptedException {
    while (failure == null && !chunk.done && chunk.undrained < drainAt && !(waitingForRoom > 0 && chunk.undrained > 0)) {
      wait();
    }
    throwFailure();
    Drained drained = new Drained(chunk.outputs, chunk.errors, chunk.summary, chunk.undrained, chunk.done);
    chunk.outputs = new ArrayList<>();
    chunk.errors = new ArrayList<>();
    chunk.summary = new BatchSummary();
    chunk.undrained = 0;
    if (chunk.done) {
      chunks.removeFirst();
    }
    notifyAll();
    return drained;
  }

  /** The writer: {@code bytes} taken by {@link #drain} are written. */
  synchronized void release(long bytes) {
    used -= bytes;
    notifyAll();
  }

  private boolean fits(long bytes) {
    return used <= 0 || used + bytes <= budget;
  }

  private void throwFailure() {
    if (failure != null) {
      throw failure;
    }
  }
}
