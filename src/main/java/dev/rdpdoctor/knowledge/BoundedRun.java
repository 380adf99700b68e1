package dev.rdpdoctor.knowledge;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs code that comes from the rules (a rule session; the assembly of compiled rules, which
 * evaluates their constant conditions) within a time limit and an allocation limit. Past either
 * it asks the work to stop ({@code onStop}, e.g. {@code session.halt()}), interrupts it, and as a
 * last resort stops it, so that a rule that never ends, or allocates without end, cannot hold the
 * caller or fill the heap. The caller goes on either way.
 *
 * <p>Where Java can still stop a thread (up to Java 19), the work runs on the calling thread under
 * the shared {@link Watchdog}: nothing per case but a few atomic writes. Elsewhere it runs on a
 * thread of its own, which is left to the end of the process if it cannot be stopped.
 */
public final class BoundedRun {

  /** How long the work gets to wind down once asked to stop, before it is forced. */
  private static final long GRACE_MILLIS = 200;

  /** How often a run on a thread of its own has its allocation looked at. */
  private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

  /**
   * What one run may use.
   *
   * @param time wall-clock time
   * @param allocatedBytes bytes its thread may allocate, garbage included ({@link Long#MAX_VALUE}:
   *     no limit); looked at every 20 ms, so a run may go a little past it before it is stopped
   */
  public record Limits(Duration time, long allocatedBytes) {
    public Limits {
      if (time.isNegative() || time.isZero()) {
        throw new IllegalArgumentException("the time limit must be positive");
      }
      if (allocatedBytes < 1) {
        throw new IllegalArgumentException("the allocation limit must be positive");
      }
    }

    /** A time limit alone. */
    public static Limits time(Duration time) {
      return new Limits(time, Long.MAX_VALUE);
    }
  }

  /** Which limit a run went past. */
  public enum Limit {
    TIME,
    MEMORY
  }

  /** Thrown when the work went past a limit. */
  public static final class OverLimit extends Exception {
    private static final long serialVersionUID = 1L;

    private final Limit limit;
    private final boolean stopped;
    private final transient List<StackTraceElement> stack;

    OverLimit(Limit limit, boolean stopped, StackTraceElement[] stack) {
      super(limit + (stopped ? ": stopped" : ": still running"));
      this.limit = limit;
      this.stopped = stopped;
      this.stack = stack == null ? List.of() : List.of(stack);
    }

    public Limit limit() {
      return limit;
    }

    /** Whether the work has ended; false when it could not be stopped on this Java and runs on. */
    public boolean stopped() {
      return stopped;
    }

    /** Where the work was when it was asked to stop (empty when unknown). */
    public List<StackTraceElement> stack() {
      return stack;
    }
  }

  private BoundedRun() {}

  /**
   * @return what {@code work} returned
   * @throws OverLimit past a limit
   * @throws Throwable what {@code work} threw (unwrapped)
   */
  public static <T> T run(Callable<T> work, Limits limits, Runnable onStop) throws Throwable {
    return CAN_STOP_THREADS ? Watchdog.SHARED.run(work, limits, onStop) : onItsOwnThread(work, limits, onStop);
  }

  /** Thread.stop works up to Java 19 and throws from Java 20 on. */
  private static final boolean CAN_STOP_THREADS = Runtime.version().feature() < 20;

  static <T> T onItsOwnThread(Callable<T> work, Limits limits, Runnable onStop) throws Throwable {
    FutureTask<T> task = new FutureTask<>(work);
    Thread worker = new Thread(task, "rules-session");
    worker.setDaemon(true);
    boolean counted = limits.allocatedBytes() != Long.MAX_VALUE && ThreadAllocation.prepare();
    long deadline = System.nanoTime() + limits.time().toNanos();
    worker.start();
    long allocatedAtStart = counted ? ThreadAllocation.of(worker) : -1;
    try {
      while (true) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw stop(worker, Limit.TIME, onStop);
        }
        try {
          return task.get(Math.min(left, TICK_NANOS), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
          long allocated = allocatedAtStart < 0 ? -1 : ThreadAllocation.of(worker);
          if (allocated >= 0 && allocated - allocatedAtStart > limits.allocatedBytes()) {
            throw stop(worker, Limit.MEMORY, onStop);
          }
        }
      }
    } catch (ExecutionException e) {
      throw e.getCause();
    } catch (InterruptedException e) {
      onStop.run();
      worker.interrupt();
      throw e;
    }
  }

  private static OverLimit stop(Thread worker, Limit limit, Runnable onStop) throws InterruptedException {
    StackTraceElement[] stack = worker.getStackTrace();
    onStop.run();
    worker.interrupt();
    worker.join(GRACE_MILLIS);
    return new OverLimit(limit, !worker.isAlive() || forceStop(worker), stack);
  }

  /**
   * A busy loop in a consequence ignores halt and interrupt; Thread.stop still ends it on the
   * Java versions that support it. From Java 20 on it throws UnsupportedOperationException, and
   * the thread, a daemon, is left to the end of the process.
   */
  @SuppressWarnings({"deprecation", "removal"})
  private static boolean forceStop(Thread worker) throws InterruptedException {
    try {
      worker.stop();
    } catch (UnsupportedOperationException | SecurityException e) {
      return false;
    }
    worker.join(GRACE_MILLIS);
    return !worker.isAlive();
  }
}
