package dev.rdpdoctor.knowledge;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs a piece of work (a rule session) on the calling thread under a time limit and an allocation
 * limit kept by one shared watcher thread, so that a case costs a few atomic writes rather than a
 * thread of its own. Past a limit the watcher asks the work to stop ({@code onStop}, e.g.
 * {@code session.halt()}) and interrupts the thread; past a grace period more, it stops the
 * thread's work outright ({@link Thread#stop()}), which ends even a consequence that spins; the
 * calling thread catches that, and goes on. The watcher looks at every run once a tick (20 ms).
 *
 * <p>Each run has a generation and a phase in one atomic value, so that the watcher can act only
 * on the run it looked at, never on the next one of the same thread.
 */
final class Watchdog {

  static final Watchdog SHARED = new Watchdog(Duration.ofMillis(20), Duration.ofMillis(200));

  private static final long IDLE = 0;
  private static final long RUNNING = 1;
  /** The watcher is halting and interrupting the run. */
  private static final long ASKING = 2;
  /** The watcher has halted and interrupted the run. */
  private static final long ASKED = 3;
  /** The watcher has stopped (or is stopping) the thread: a ThreadDeath is on its way. */
  private static final long STOPPING = 4;

  /** What the watcher knows of one thread that runs work. */
  private static final class Watch {
    final Thread thread = Thread.currentThread();
    /** {@code generation << 3 | phase}. */
    final AtomicLong state = new AtomicLong();
    volatile long deadline;
    volatile long allocationLimit;
    /** What the thread had allocated when the run began, or -1 when the count was not set up yet. */
    volatile long allocatedAtStart;
    volatile long askedAt;
    volatile Runnable onStop;
    /** Why the watcher asked the run to stop, and where the run was then. */
    volatile BoundedRun.Limit exceeded;
    volatile StackTraceElement[] stack;
    /** The watcher's own: the run whose start it measured itself, and what it measured. */
    long measuredGeneration = -1;
    long measuredAtStart;
  }

  private final long tickNanos;
  private final long graceNanos;
  private final Set<Watch> watches = ConcurrentHashMap.newKeySet();
  private final ThreadLocal<Watch> mine = ThreadLocal.withInitial(() -> {
    Watch w = new Watch();
    watches.add(w);
    return w;
  });
  private volatile Thread watcher;

  Watchdog(Duration tick, Duration grace) {
    this.tickNanos = tick.toNanos();
    this.graceNanos = grace.toNanos();
  }

  /**
   * @return what {@code work} returned
   * @throws BoundedRun.OverLimit past a limit; the work has ended (it was halted or stopped)
   * @throws Throwable what {@code work} threw
   */
  <T> T run(Callable<T> work, BoundedRun.Limits limits, Runnable onStop) throws Throwable {
    startWatcher();
    Watch w = mine.get();
    long generation = (w.state.get() >>> 3) + 1;
    w.onStop = onStop;
    w.exceeded = null;
    w.stack = null;
    w.allocationLimit = limits.allocatedBytes();
    w.allocatedAtStart = limits.allocatedBytes() == Long.MAX_VALUE ? -1 : ThreadAllocation.ofCurrentThread();
    w.deadline = System.nanoTime() + limits.time().toNanos();
    w.state.set(generation << 3 | RUNNING);
    try {
      T result = null;
      Throwable failure = null;
      try {
        result = work.call();
      } catch (ThreadDeath death) {
        throw death;
      } catch (Throwable t) {
        failure = t;
      }
      while (true) {
        long s = w.state.get();
        long phase = s & 7;
        if (phase == RUNNING && w.state.compareAndSet(s, generation << 3 | IDLE)) {
          if (failure != null) {
            throw failure;
          }
          return result;
        }
        if (phase == ASKED && w.state.compareAndSet(s, generation << 3 | IDLE)) {
          Thread.interrupted(); // the watcher's interrupt is for this run only
          throw overLimit(w);
        }
        if (phase == STOPPING) {
          awaitDeath(failure);
          throw overLimit(w);
        }
        Thread.onSpinWait(); // ASKING: the watcher is halting and interrupting; it takes a moment
      }
    } catch (ThreadDeath death) {
      throw overLimit(w);
    } finally {
      if ((w.state.get() & 7) == STOPPING) {
        w.state.set(generation << 3 | IDLE);
        Thread.interrupted();
      }
      w.onStop = null;
    }
  }

  private static BoundedRun.OverLimit overLimit(Watch w) {
    BoundedRun.Limit limit = w.exceeded;
    return new BoundedRun.OverLimit(limit == null ? BoundedRun.Limit.TIME : limit, true, w.stack);
  }

  /** Waits for the ThreadDeath the watcher sent, unless the work already received it (and Drools wrapped it). */
  private static void awaitDeath(Throwable failure) throws InterruptedException {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ThreadDeath) {
        return;
      }
    }
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (System.nanoTime() < until) {
      try {
        Thread.sleep(1);
      } catch (InterruptedException e) {
        // the watcher's interrupt; the stop follows it
      }
    }
  }

  private void startWatcher() {
    if (watcher != null) {
      return;
    }
    synchronized (this) {
      if (watcher == null) {
        Thread t = new Thread(this::watch, "rdp-doctor-rules-watchdog");
        t.setDaemon(true);
        t.start();
        watcher = t;
      }
    }
  }

  private void watch() {
    while (true) {
      long now = System.nanoTime();
      for (Watch w : watches) {
        if (!w.thread.isAlive()) {
          watches.remove(w);
          continue;
        }
        long s = w.state.get();
        long phase = s & 7;
        long generation = s >>> 3;
        if (phase == RUNNING) {
          Runnable onStop = w.onStop;
          BoundedRun.Limit over = now - w.deadline >= 0 ? BoundedRun.Limit.TIME
              : overAllocated(w, generation) ? BoundedRun.Limit.MEMORY : null;
          if (over != null && w.state.compareAndSet(s, generation << 3 | ASKING)) {
            w.exceeded = over;
            w.stack = w.thread.getStackTrace();
            ask(w, onStop);
            w.askedAt = System.nanoTime();
            w.state.set(generation << 3 | ASKED);
          }
        } else if (phase == ASKED && now - w.askedAt >= graceNanos
            && w.state.compareAndSet(s, generation << 3 | STOPPING)) {
          stop(w.thread);
        }
      }
      try {
        Thread.sleep(TimeUnit.NANOSECONDS.toMillis(tickNanos));
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** Whether the run of this generation has allocated more than it may; only the watcher calls this. */
  private static boolean overAllocated(Watch w, long generation) {
    long limit = w.allocationLimit;
    if (limit == Long.MAX_VALUE || !ThreadAllocation.prepare()) {
      return false; // prepared the first time a run with a limit lasts a tick: not at all for one short case
    }
    long now = ThreadAllocation.of(w.thread);
    if (now < 0) {
      return false;
    }
    long atStart = w.allocatedAtStart;
    if (atStart < 0) {
      // the run began before the count was set up: count from the first look at it
      if (w.measuredGeneration != generation) {
        w.measuredGeneration = generation;
        w.measuredAtStart = now;
        return false;
      }
      atStart = w.measuredAtStart;
    }
    return now - atStart > limit;
  }

  private static void ask(Watch w, Runnable onStop) {
    try {
      if (onStop != null) {
        onStop.run();
      }
    } catch (RuntimeException e) {
      // halting a broken session may fail; the interrupt and the stop still follow
    }
    w.thread.interrupt();
  }

  @SuppressWarnings({"deprecation", "removal"})
  private static void stop(Thread thread) {
    try {
      thread.stop();
    } catch (UnsupportedOperationException | SecurityException e) {
      // not on this Java: BoundedRun does not use the watchdog there
    }
  }
}
