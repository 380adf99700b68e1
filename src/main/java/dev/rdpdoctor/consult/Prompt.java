package dev.rdpdoctor.consult;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * The "> " prompt of a conversation: shows it, then reads the line typed (null at end of input).
 * A line longer than {@link #MAX_LINE} characters is not an answer: the rest of it is skipped
 * without being held, the user is told, and the prompt asked again, so that a line of any length
 * (a file piped by mistake) takes no more memory than one of that size.
 */
public record Prompt(BufferedReader in, PrintWriter out) {

  /** The longest line taken as an answer, in characters: far more than any answer or file name. */
  public static final int MAX_LINE = 4096;

  private static final int SKIP_BUFFER = 8192;

  public String ask() {
    while (true) {
      out.print("> ");
      out.flush();
      try {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0 && c != '\n' && c != '\r') {
          if (line.length() == MAX_LINE) {
            skipRestOfLine();
            line = null;
            break;
          }
          line.append((char) c);
        }
        if (line == null) {
          out.println(String.format(Locale.ROOT,
              "  That answer is too long (over %,d characters); it was skipped. Type it again, shorter.", MAX_LINE));
          continue;
        }
        if (c == '\r') {
          skipLineFeed();
        }
        return c < 0 && line.length() == 0 ? null : line.toString();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Reads past the end of the line, a buffer at a time, keeping none of it. */
  private void skipRestOfLine() throws IOException {
    char[] buffer = new char[SKIP_BUFFER];
    while (true) {
      in.mark(SKIP_BUFFER);
      int n = in.read(buffer, 0, SKIP_BUFFER);
      if (n < 0) {
        return;
      }
      for (int i = 0; i < n; i++) {
        if (buffer[i] == '\n' || buffer[i] == '\r') {
          in.reset();
          in.skip(i + 1L);
          if (buffer[i] == '\r') {
            skipLineFeed();
          }
          return;
        }
      }
    }
  }

  /** After a carriage return: a line feed right after it ends the same line. */
  private void skipLineFeed() throws IOException {
    in.mark(1);
    if (in.read() != '\n') {
      in.reset();
    }
  }
}
