package dev.rdpdoctor.engine;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Called from a test rule's consequence: runs out of memory, as a case does when another case
 * filled the heap, the first time only.
 */
public final class OutOfMemoryOnce {

  public static final AtomicInteger CALLS = new AtomicInteger();

  private OutOfMemoryOnce() {}

  public static void call() {
    if (CALLS.getAndIncrement() == 0) {
      throw new OutOfMemoryError("Java heap space");
    }
  }
}
