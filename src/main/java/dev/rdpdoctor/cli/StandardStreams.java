package dev.rdpdoctor.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * What the process's own standard streams are: whether stdin was closed when it started, whether
 * stderr is a terminal. Streams a test gives are neither.
 */
final class StandardStreams {

  /** Set by the launcher: whether stderr is a terminal, as the shell sees it. */
  static final String STDERR_TERMINAL_PROPERTY = "rdpdoctor.stderr.terminal";

  /** Set by the launcher when the process was started with stdin closed ({@code <&-}). */
  static final String STDIN_CLOSED_PROPERTY = "rdpdoctor.stdin.closed";

  private StandardStreams() {}

  /**
   * Whether {@code in} is the process's stdin and it was closed when the process started; checked
   * before the command opens any file that could take its place.
   */
  static boolean isClosedStdin(InputStream in) {
    return in == System.in && processStdinIsClosed();
  }

  /** Whether {@code err} is the process's stderr and that is a terminal. */
  static boolean isTerminalStderr(OutputStream err) {
    return err == System.err && processStderrIsTerminal();
  }

  /**
   * Whether the process was started with file descriptor 0 closed. The JVM then opens a file of
   * its own there while it starts ({@code lib/modules}), which {@link System#in} would read as
   * input; so fd 0 that is absent, or is a file of the Java installation, counts as closed. The
   * launcher also checks, before the JVM starts, and says so in {@link #STDIN_CLOSED_PROPERTY}.
   */
  private static boolean processStdinIsClosed() {
    if (Boolean.getBoolean(STDIN_CLOSED_PROPERTY)) {
      return true;
    }
    Path fd0 = Path.of("/proc/self/fd/0");
    if (!Files.isDirectory(Path.of("/proc/self/fd"))) {
      return false; // no way to tell on this system
    }
    try {
      Path target = Files.readSymbolicLink(fd0);
      return target.startsWith(Path.of(System.getProperty("java.home")).toRealPath());
    } catch (NoSuchFileException e) {
      return true;
    } catch (IOException | UnsupportedOperationException | SecurityException | InvalidPathException e) {
      return false;
    }
  }

  private static boolean processStderrIsTerminal() {
    String said = System.getProperty(STDERR_TERMINAL_PROPERTY);
    if (said != null) {
      return Boolean.parseBoolean(said);
    }
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return false;
    }
  }
}
