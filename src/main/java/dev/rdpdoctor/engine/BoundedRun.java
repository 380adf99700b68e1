package dev.rdpdoctor.engine;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one piece of work (a rule session) no longer than a time limit. Past the limit it asks the
 * work to stop ({@code onTimeout}, e.g. {@code session.halt()}), interrupts it, and as a last
 * resort stops it, so that a rule whose consequence never ends cannot hold the caller. The
 * caller goes on either way.
 *
 * <p>Where Java can still stop a thread (up to Java 19), the work runs on the calling thread under
 * the shared {@link Watchdog}: nothing per case but two atomic writes. Elsewhere it runs on a
 * thread of its own, which is left to the end of the process if it cannot be stopped.
 */
final class BoundedRun {

  /** How long the work gets to wind down once asked to stop, before it is forced. */
  private static final long GRACE_MILLIS = 200;

  /** Thrown when the work did not finish in time; {@code stopped} says whether its thread ended. */
  static final class TimedOut extends Exception {
    final boolean stopped;

    TimedOut(boolean stopped) {
      super(stopped ? "stopped" : "still running");
      this.stopped = stopped;
    }
  }

  private BoundedRun() {}

  /**
   * @return what {@code work} returned
   * @throws TimedOut past {@code limit}
   * @throws Throwable what {@code work} threw (unwrapped)
   */
  static <T> T run(Callable<T> work, Duration limit, Runnable onTimeout) throws Throwable {
    return CAN_STOP_THREADS ? Watchdog.SHARED.run(work, limit, onTimeout) : onItsOwnThread(work, limit, onTimeout);
  }

  /** Thread.stop works up to Java 19 and throws from Java 20 on. */
  private static final boolean CAN_STOP_THREADS = Runtime.version().feature() < 20;

  static <T> T onItsOwnThread(Callable<T> work, Duration limit, Runnable onTimeout) throws Throwable {
    FutureTask<T> task = new FutureTask<>(work);
    Thread worker = new Thread(task, "rules-session");
    worker.setDaemon(true);
    worker.start();
    try {
      return task.get(limit.toNanos(), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      throw e.getCause();
    } catch (TimeoutException e) {
      onTimeout.run();
      worker.interrupt();
      worker.join(GRACE_MILLIS);
      throw new TimedOut(!worker.isAlive() || forceStop(worker));
    } catch (InterruptedException e) {
      onTimeout.run();
      worker.interrupt();
      throw e;
    }
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
