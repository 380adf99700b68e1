package dev.rdpdoctor.probe;

import java.time.Duration;

/** A point in time a step must finish by; every wait of the probe is bounded by one. */
record Deadline(long endNanos) {

  static Deadline after(Duration duration) {
    return new Deadline(System.nanoTime() + duration.toNanos());
  }

  Duration remaining() {
    return Duration.ofNanos(Math.max(0, endNanos - System.nanoTime()));
  }

  boolean passed() {
    return System.nanoTime() - endNanos >= 0;
  }

  /** This deadline, or {@code step} from now when that comes first. */
  Deadline capped(Duration step) {
    long stepEnd = System.nanoTime() + step.toNanos();
    return stepEnd - endNanos < 0 ? new Deadline(stepEnd) : this;
  }

  /** Milliseconds left, at least 1 (a socket timeout of 0 would mean "wait forever"). */
  int millisLeft() {
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, remaining().toMillis()));
  }
}
