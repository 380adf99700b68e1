package dev.rdpdoctor.knowledge;

import java.lang.management.ManagementFactory;

/**
 * How many bytes a thread has allocated so far (garbage included), where the JVM counts them, as
 * HotSpot does. Setting up the count takes some tens of milliseconds, so it is done by whoever
 * watches ({@link #prepare()}), never on the way of a case; until then it reads as unknown.
 */
final class ThreadAllocation {

  private static volatile com.sun.management.ThreadMXBean bean;
  private static volatile boolean prepared;

  private ThreadAllocation() {}

  /** Sets up the count; whether this JVM keeps it. */
  static boolean prepare() {
    if (!prepared) {
      try {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean b
            && b.isThreadAllocatedMemorySupported()) {
          if (!b.isThreadAllocatedMemoryEnabled()) {
            b.setThreadAllocatedMemoryEnabled(true);
          }
          bean = b;
        }
      } catch (RuntimeException | LinkageError e) {
        // no count on this JVM: the allocation limit is not kept, the heap's own limit still is
      }
      prepared = true;
    }
    return bean != null;
  }

  /** The bytes {@code thread} has allocated, or -1 when unknown. */
  @SuppressWarnings("deprecation") // Thread.getId: threadId() is Java 19 on
  static long of(Thread thread) {
    com.sun.management.ThreadMXBean b = bean;
    return b == null ? -1 : b.getThreadAllocatedBytes(thread.getId());
  }

  /** The bytes the calling thread has allocated, or -1 when unknown or not set up yet. */
  static long ofCurrentThread() {
    com.sun.management.ThreadMXBean b = bean;
    return b == null ? -1 : b.getCurrentThreadAllocatedBytes();
  }
}
