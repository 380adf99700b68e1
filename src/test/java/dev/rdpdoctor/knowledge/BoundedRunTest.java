package dev.rdpdoctor.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Both ways of keeping the limits: the shared watchdog (Java 17) and a thread per run (Java 20 on). */
class BoundedRunTest {

  private static final BoundedRun.Limits LIMIT = BoundedRun.Limits.time(Duration.ofMillis(200));

  /** A busy loop that ignores halting and interrupts. */
  private static final Callable<Long> SPIN = () -> {
    long n = 0;
    while (n >= 0) {
      n = n + 1;
      if (n == Long.MAX_VALUE) {
        n = 0;
      }
    }
    return n;
  };

  private static final Callable<Long> SLEEP = () -> {
    Thread.sleep(Long.MAX_VALUE);
    return 0L;
  };

  @Test
  @Timeout(20)
  void theWatchdogStopsASpinningRunAndTheThreadGoesOnAsUsual() throws Throwable {
    Watchdog watchdog = new Watchdog(Duration.ofMillis(10), Duration.ofMillis(100));
    AtomicBoolean asked = new AtomicBoolean();
    long start = System.nanoTime();
    Throwable thrown = catchThrowable(() -> watchdog.run(SPIN, LIMIT, () -> asked.set(true)));
    assertThat(thrown).isInstanceOf(BoundedRun.OverLimit.class);
    assertThat(((BoundedRun.OverLimit) thrown).stopped()).isTrue();
    assertThat(((BoundedRun.OverLimit) thrown).limit()).isEqualTo(BoundedRun.Limit.TIME);
    assertThat(asked).as("asked to stop first").isTrue();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    assertThat(Thread.currentThread().isInterrupted()).as("no interrupt left for what comes next").isFalse();
    for (int i = 0; i < 1000; i++) {
      int n = i;
      assertThat(watchdog.run(() -> n, LIMIT, () -> { })).isEqualTo(n);
    }
    Thread.sleep(300); // the watcher looks again: nothing of the stopped run may reach this thread
    assertThat(Thread.currentThread().isInterrupted()).isFalse();
    assertThat(watchdog.run(() -> "after", LIMIT, () -> { })).isEqualTo("after");
  }

  @Test
  @Timeout(20)
  void theWatchdogInterruptsASleepingRun() {
    Watchdog watchdog = new Watchdog(Duration.ofMillis(10), Duration.ofMillis(100));
    Throwable thrown = catchThrowable(() -> watchdog.run(SLEEP, LIMIT, () -> { }));
    assertThat(thrown).isInstanceOf(BoundedRun.OverLimit.class);
    assertThat(Thread.currentThread().isInterrupted()).isFalse();
  }

  @Test
  void whatTheWorkThrowsComesOutAsItIs() {
    Watchdog watchdog = new Watchdog(Duration.ofMillis(10), Duration.ofMillis(100));
    IllegalStateException failure = new IllegalStateException("kaput");
    assertThat(catchThrowable(() -> watchdog.run(() -> { throw failure; }, LIMIT, () -> { }))).isSameAs(failure);
    assertThat(catchThrowable(() -> BoundedRun.onItsOwnThread(() -> { throw failure; }, LIMIT, () -> { })))
        .isSameAs(failure);
  }

  @Test
  @Timeout(20)
  void onAThreadOfItsOwnASleepingRunIsStoppedAndTheCallerGoesOn() throws Throwable {
    AtomicBoolean asked = new AtomicBoolean();
    Throwable thrown = catchThrowable(() -> BoundedRun.onItsOwnThread(SLEEP, LIMIT, () -> asked.set(true)));
    assertThat(thrown).isInstanceOf(BoundedRun.OverLimit.class);
    assertThat(asked).isTrue();
    assertThat(BoundedRun.onItsOwnThread(() -> 42, LIMIT, () -> { })).isEqualTo(42);
  }

  @Test
  @Timeout(20)
  void onAThreadOfItsOwnASpinningRunDoesNotHoldTheCaller() {
    long start = System.nanoTime();
    Throwable thrown = catchThrowable(() -> BoundedRun.onItsOwnThread(SPIN, LIMIT, () -> { }));
    assertThat(thrown).isInstanceOf(BoundedRun.OverLimit.class);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
  }

  /** Allocates without end and keeps all of it, as a consequence gone wrong would. */
  private static final Callable<Integer> HOARD = () -> {
    java.util.List<long[]> all = new java.util.ArrayList<>();
    while (true) {
      all.add(new long[1 << 17]);
    }
  };

  private static final BoundedRun.Limits SMALL_ALLOWANCE = new BoundedRun.Limits(Duration.ofSeconds(60), 16L << 20);

  @Test
  @Timeout(30)
  void theWatchdogStopsARunThatAllocatesPastItsAllowanceAndSaysWhere() throws Throwable {
    Watchdog watchdog = new Watchdog(Duration.ofMillis(10), Duration.ofMillis(100));
    AtomicBoolean asked = new AtomicBoolean();
    Throwable thrown = catchThrowable(() -> watchdog.run(HOARD, SMALL_ALLOWANCE, () -> asked.set(true)));
    assertThat(thrown).isInstanceOf(BoundedRun.OverLimit.class);
    BoundedRun.OverLimit over = (BoundedRun.OverLimit) thrown;
    assertThat(over.limit()).isEqualTo(BoundedRun.Limit.MEMORY);
    assertThat(over.stopped()).isTrue();
    assertThat(asked).isTrue();
    assertThat(over.stack()).anySatisfy(frame -> assertThat(frame.getClassName()).startsWith(BoundedRunTest.class.getName()));
    assertThat(Thread.currentThread().isInterrupted()).isFalse();
    assertThat(watchdog.run(() -> "after", SMALL_ALLOWANCE, () -> { })).isEqualTo("after");
  }

  @Test
  @Timeout(30)
  void aRunThatAllocatesLittleIsNotStoppedHoweverManyRunsThereAre() throws Throwable {
    Watchdog watchdog = new Watchdog(Duration.ofMillis(1), Duration.ofMillis(100));
    for (int i = 0; i < 200; i++) {
      int n = i;
      assertThat(watchdog.run(() -> {
        byte[] small = new byte[4096];
        Thread.sleep(1);
        return small.length + n;
      }, SMALL_ALLOWANCE, () -> { })).isEqualTo(4096 + n);
    }
  }

  @Test
  @Timeout(30)
  void onAThreadOfItsOwnARunThatAllocatesPastItsAllowanceIsStopped() {
    Throwable thrown = catchThrowable(() -> BoundedRun.onItsOwnThread(HOARD, SMALL_ALLOWANCE, () -> { }));
    assertThat(thrown).isInstanceOf(BoundedRun.OverLimit.class);
    assertThat(((BoundedRun.OverLimit) thrown).limit()).isEqualTo(BoundedRun.Limit.MEMORY);
  }
}
