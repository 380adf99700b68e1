package dev.rdpdoctor.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
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

  private record Streams(InputStream in, PrintStream out, PrintWriter progress, boolean errIsTerminal) {}

  private static final ThreadLocal<Streams> CURRENT = new ThreadLocal<>();

  private StandardStreams() {}

  static void set(InputStream in, PrintStream out, PrintWriter progress, boolean errIsProcessStderr) {
    CURRENT.set(new Streams(in, out, progress, errIsProcessStderr && processStderrIsTerminal()));
  }

  static void clear() {
    CURRENT.remove();
  }

  static InputStream in() {
    Streams s = CURRENT.get();
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
