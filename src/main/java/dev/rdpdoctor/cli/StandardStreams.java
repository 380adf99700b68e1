package dev.rdpdoctor.cli;

import dev.rdpdoctor.yaml.InputError;
import dev.rdpdoctor.yaml.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The standard input of the command line running on this thread, its standard output as bytes,
 * and whether its stderr is a terminal (then a batch shows its progress there, on a writer of its
 * own: the progress line redraws itself with carriage returns, which every other message has
 * escaped). Set by {@link Main}, so tests can run a command line with their own input.
 */
final class StandardStreams {

  /** Set by the launcher: whether stderr is a terminal, as the shell sees it. */
  static final String STDERR_TERMINAL_PROPERTY = "rdpdoctor.stderr.terminal";

  /** Set by the launcher when the process was started with stdin closed ({@code <&-}). */
  static final String STDIN_CLOSED_PROPERTY = "rdpdoctor.stdin.closed";

  private record Streams(InputStream in, PrintStream out, PrintWriter progress, boolean errIsTerminal,
      boolean inClosed) {}

  private static final ThreadLocal<Streams> CURRENT = new ThreadLocal<>();

  private StandardStreams() {}

  /**
   * @param in what commands read as stdin; when it is the process's own, it is checked for being
   *     closed now, before the command opens any file that could take its place
   */
  static void set(InputStream in, PrintStream out, PrintWriter progress, boolean errIsProcessStderr) {
    CURRENT.set(new Streams(in, out, progress, errIsProcessStderr && processStderrIsTerminal(),
        in == System.in && processStdinIsClosed()));
  }

  static void clear() {
    CURRENT.remove();
  }

  /** @throws InvalidInputException when the process was started with stdin closed */
  static InputStream in() {
    Streams s = CURRENT.get();
    if (s != null && s.inClosed()) {
      throw new InvalidInputException(InputError.error("stdin", 1, 1,
          "standard input is closed: there is nothing to read from it"));
    }
    return s == null ? System.in : s.in();
  }

  /** Standard output as bytes, for output written in bulk. */
  static PrintStream out() {
    Streams s = CURRENT.get();
    return s == null ? System.out : s.out();
  }

  /** Stderr as it is, for the progress line only: its carriage returns are not escaped. */
  static PrintWriter progress() {
    Streams s = CURRENT.get();
    return s == null ? new PrintWriter(System.err, true) : s.progress();
  }

  static boolean errIsTerminal() {
    Streams s = CURRENT.get();
    return s != null && s.errIsTerminal();
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
