package dev.rdpdoctor.problem;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** One located problem in a file the user gave us, printed as {@code FILE:LINE:COL: error: message}. */
public record InputError(String file, int line, int column, Severity severity, String message) {

  public enum Severity {
    ERROR,
    WARNING;

    String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public InputError {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
    if (message.isBlank()) {
      throw new IllegalArgumentException("an input error needs a message");
    }
    line = Math.max(line, 1);
    column = Math.max(column, 1);
    message = ControlCharacters.escaped(oneLine(message));
  }

  public static InputError error(String file, int line, int column, String message) {
    return new InputError(file, line, column, Severity.ERROR, message);
  }

  public static InputError warning(String file, int line, int column, String message) {
    return new InputError(file, line, column, Severity.WARNING, message);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** The line a user sees on stderr; a file name with a line break or a control character in it is quoted, escaped. */
  public String format() {
    return ControlCharacters.name(file) + ":" + line + ":" + column + ": " + severity.label() + ": " + message;
  }

  /** Prints each problem as its {@link #format() line}, in order, and flushes: the one way a list of problems reaches a user. */
  public static void print(List<InputError> errors, PrintWriter to) {
    errors.forEach(e -> to.println(e.format()));
    to.flush();
  }

  private static String oneLine(String text) {
    return text.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ").replaceAll("\\s{2,}", " ");
  }
}
