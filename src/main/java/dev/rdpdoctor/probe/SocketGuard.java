package dev.rdpdoctor.probe;

import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Closes a socket shortly after its deadline passes. Socket timeouts bound each read and
 * normally end the step first; this is the backstop for what they cannot bound (a TLS
 * handshake fed one byte at a time).
 */
final class SocketGuard implements AutoCloseable {

  private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "probe-deadline");
    t.setDaemon(true);
    return t;
  });

  private static final long GRACE_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

  private final ScheduledFuture<?> task;
  private volatile boolean fired;

  private SocketGuard(Socket socket, Deadline deadline) {
    task = TIMER.schedule(() -> {
      fired = true;
      try {
        socket.close();
      } catch (IOException e) {
        // closing is all we can do
      }
    }, deadline.remaining().toNanos() + GRACE_NANOS, TimeUnit.NANOSECONDS);
  }

  static SocketGuard arm(Socket socket, Deadline deadline) {
    return new SocketGuard(socket, deadline);
  }

  /** True when the deadline closed the socket. */
  boolean fired() {
    return fired;
  }

  @Override
  public void close() {
    task.cancel(false);
  }
}
