package dev.rdpdoctor.evidence;

import java.util.ArrayList;
import java.util.List;

/**
 * Comma-separated records as Event Viewer and {@code Export-Csv} write them: fields in double
 * quotes where they hold a comma, a quote (doubled) or a line break, a record on as many lines as
 * its quoted fields take. Each record knows the line it starts on.
 */
final class CsvRecords {

  /** Fields in one record: an event export has about twenty. */
  static final int MAX_FIELDS = 200;

  /** One record and the line it starts on. */
  record Row(int line, List<String> fields) {}

  /** A record that does not end: its opening quote is never closed, or it has too many fields. */
  static final class Malformed extends Exception {
    private static final long serialVersionUID = 1L;
    final int line;
    final int column;

    Malformed(int line, int column, String message) {
      super(message, null, false, false);
      this.line = line;
      this.column = column;
    }
  }

  private final DecodedText text;
  private final String s;
  private int at;

  CsvRecords(DecodedText text) {
    this.text = text;
    this.s = text.text();
  }

  /** Starts at the beginning of line {@code line}. */
  CsvRecords from(int line) {
    at = text.offsetOf(line);
    return this;
  }

  /** The next record that is not a blank line; null at the end. */
  Row next() throws Malformed {
    while (at < s.length() && (s.charAt(at) == '\r' || s.charAt(at) == '\n')) {
      at++;
    }
    if (at >= s.length()) {
      return null;
    }
    int startLine = text.lineOf(at);
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    int quoteAt = -1;
    while (at < s.length()) {
      char c = s.charAt(at);
      if (quoted) {
        if (c == '"') {
          if (at + 1 < s.length() && s.charAt(at + 1) == '"') {
            field.append('"');
            at += 2;
            continue;
          }
          quoted = false;
        } else {
          field.append(c);
        }
        at++;
      } else if (c == '"' && field.toString().isBlank()) {
        quoted = true;
        quoteAt = at;
        field.setLength(0);
        at++;
      } else if (c == ',') {
        add(fields, field, startLine);
        at++;
      } else if (c == '\r' || c == '\n') {
        break;
      } else {
        field.append(c);
        at++;
      }
    }
    if (quoted) {
      throw new Malformed(text.lineOf(quoteAt), text.columnOf(quoteAt),
          "a quoted field that is never closed: the file was cut short");
    }
    add(fields, field, startLine);
    return new Row(startLine, fields);
  }

  private void add(List<String> fields, StringBuilder field, int line) throws Malformed {
    if (fields.size() == MAX_FIELDS) {
      throw new Malformed(line, 1, "a record of more than " + MAX_FIELDS + " fields is no event export's");
    }
    fields.add(field.toString());
    field.setLength(0);
  }
}
