package dev.rdpdoctor.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The standard input of the command line running on this thread, and whether its stderr is a
 * terminal (then a batch shows its progress there). Set by {@link Main}, so tests can run a
 * command line with their own input.
 */
final class StandardStreams {

  /** Set by the launcher: whether stderr is a terminal, as the shell sees it. */
  static final String STDERR_TERMINAL_PROPERTY = "rdpdoctor.stderr.terminal";

  private record Streams(InputStream in, PrintStream out, boolean errIsTerminal) {}

  private static final ThreadLocal<Streams> CURRENT = new ThreadLocal<>();

  private StandardStreams() {}

  static void set(InputStream in, PrintStream out, boolean errIsProcessStderr) {
    CURRENT.set(new Streams(in, out, errIsProcessStderr && processStderrIsTerminal()));
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
