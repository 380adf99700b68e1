package dev.rdpdoctor.cli;

import dev.rdpdoctor.problem.InputError;
import dev.rdpdoctor.problem.InvalidInputException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;

/**
 * What a command line runs with, made once by {@link Main#run} and given to the commands that
 * need it by {@link CommandFactory}, so tests can run a command line with their own streams.
 *
 * @param stdin what commands read as standard input (cases, the consultation's answers)
 * @param stdout standard output as text: the writer picocli gives every command
 * @param stdoutBytes the same standard output as bytes, for output written in bulk; reach it
 *     through {@link #bytes()}, which first flushes what was written as text
 * @param stderr standard error, with the characters a terminal would act on escaped
 * @param progress stderr as it is, for the progress line only: it redraws itself with carriage
 *     returns, which every other message has escaped
 * @param stderrIsTerminal whether stderr is a terminal (then a batch shows its progress there)
 * @param stdinClosed whether the process was started with stdin closed
 * @param preload the head start on the knowledge base a {@code diagnose} command line wants
 */
record CommandContext(InputStream stdin, PrintWriter stdout, PrintStream stdoutBytes, PrintWriter stderr, PrintWriter progress,
    boolean stderrIsTerminal, boolean stdinClosed, KnowledgePreload preload) {

  /** Standard input, to read from. @throws InvalidInputException when the process was started with stdin closed */
  InputStream in() {
    if (stdinClosed) {
      throw new InvalidInputException(InputError.error("stdin", 1, 1,
          "standard input is closed: there is nothing to read from it"));
    }
    return stdin;
  }

  /** Standard output as bytes, after the text written so far: one stream, in the order it was written. */
  PrintStream bytes() {
    stdout.flush();
    return stdoutBytes;
  }
}
