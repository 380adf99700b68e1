package dev.rdpdoctor.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Both ways of keeping the time limit: the shared watchdog (Java 17) and a thread per run (Java 20 on). */
class BoundedRunTest {

  private static final Duration LIMIT = Duration.ofMillis(200);

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
    assertThat(thrown).isInstanceOf(BoundedRun.TimedOut.class);
    assertThat(((BoundedRun.TimedOut) thrown).stopped).isTrue();
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
    assertThat(thrown).isInstanceOf(BoundedRun.TimedOut.class);
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
    assertThat(thrown).isInstanceOf(BoundedRun.TimedOut.class);
    assertThat(asked).isTrue();
    assertThat(BoundedRun.onItsOwnThread(() -> 42, LIMIT, () -> { })).isEqualTo(42);
  }

  @Test
  @Timeout(20)
  void onAThreadOfItsOwnASpinningRunDoesNotHoldTheCaller() {
    long start = System.nanoTime();
    Throwable thrown = catchThrowable(() -> BoundedRun.onItsOwnThread(SPIN, LIMIT, () -> { }));
    assertThat(thrown).isInstanceOf(BoundedRun.TimedOut.class);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
  }
}
