package dev.rdpdoctor.batch;

import dev.rdpdoctor.problem.InputError;
import dev.rdpdoctor.problem.InvalidInputException;
import dev.rdpdoctor.yaml.ReadLimits;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;

/**
 * Cases as JSON Lines: one JSON object per line. Blank lines are skipped (they still count for
 * line numbers); a line ends at {@code \n} (or {@code \r\n}) only, so a lone {@code \r} inside a
 * line, which JSON reads as whitespace, is handed on as a space and every location stays on its
 * line. The bytes are otherwise handed on undecoded, so a line that is not UTF-8 is reported like
 * any other bad case. A line is never held longer than the largest case: past that it is skipped
 * to its end unread, and handed on as {@link #TOO_LONG}.
 */
public final class JsonLines implements CaseSource {

  /** The longest line held: a symptom file's size limit, since a longer line cannot be a case. */
  public static final int MAX_LINE = ReadLimits.SYMPTOM_FILE.maxBytes();

  /** Stands for a line longer than the limit; the reader of the line reports it. */
  static final byte[] TOO_LONG = new byte[0];

  private final InputStream in;
  private final String source;
  private final int maxLine;
  private final byte[] buffer = new byte[1 << 16];
  private int start;
  private int end;
  private boolean eof;
  private long line;
  private long index;
  private InvalidInputException unreadable;

  /** @param source the stream as shown in messages: the file, or {@code stdin} */
  public JsonLines(InputStream in, String source) {
    this(in, source, MAX_LINE);
  }

  JsonLines(InputStream in, String source, int maxLine) {
    this.in = in;
    this.source = source;
    this.maxLine = maxLine;
  }

  /** The longest line this reads whole. */
  int maxLine() {
    return maxLine;
  }

  /**
   * @throws InvalidInputException when the stream cannot be read, located at the line it stopped
   *     in; the lines read before it are handed on first
   */
  @Override
  public List<BatchItem> next(int max, long maxBytes) {
    if (unreadable != null) {
      throw unreadable;
    }
    List<BatchItem> chunk = new ArrayList<>();
    long bytes = 0;
    try {
      while (chunk.size() < max && bytes < maxBytes) {
        if (!chunk.isEmpty() && start == end && !eof && in.available() == 0) {
          break; // nothing more without waiting: hand on what there is
        }
        byte[] l = readLine();
        if (l == null) {
          break;
        }
        line++;
        if (!isBlank(l)) {
          chunk.add(new BatchItem.JsonLine(index++, source, line, l));
          bytes += l.length;
        }
      }
    } catch (IOException e) {
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      unreadable = new InvalidInputException(InputError.error(source, (int) Math.min(line + 1, Integer.MAX_VALUE), 1,
          "cannot read the cases: " + why));
      if (chunk.isEmpty()) {
        throw unreadable;
      }
    }
    return chunk;
  }

  @Override
  public OptionalLong size() {
    return OptionalLong.empty();
  }

  /** The next line without its line break, or null at the end of the input. */
  private byte[] readLine() throws IOException {
    Carry carry = null;
    while (true) {
      for (int i = start; i < end; i++) {
        if (buffer[i] == '\n') {
          byte[] l = finish(carry, i);
          start = i + 1;
          return l;
        }
      }
      if (eof) {
        if (start == end && carry == null) {
          return null;
        }
        byte[] l = finish(carry, end);
        start = end;
        return l;
      }
      if (start < end) {
        carry = carry == null ? new Carry(maxLine) : carry;
        carry.add(buffer, start, end - start);
      }
      start = 0;
      end = 0;
      int read = in.read(buffer);
      if (read < 0) {
        eof = true;
      } else {
        end = read;
      }
    }
  }

  /** The line made of what was carried over and the buffer up to {@code to}, without a final {@code \r}. */
  private byte[] finish(Carry carry, int to) {
    if (carry == null) {
      int stop = to > start && buffer[to - 1] == '\r' ? to - 1 : to;
      return stop - start > maxLine ? TOO_LONG : blankCarriageReturns(Arrays.copyOfRange(buffer, start, stop));
    }
    carry.add(buffer, start, to - start);
    byte[] l = carry.line();
    return l == TOO_LONG ? l : blankCarriageReturns(l);
  }

  /**
   * The line with each {@code \r} outside a JSON string made a space: the same whitespace to
   * JSON, and no line break to the reader of the case, which counts a lone {@code \r} as one. A
   * {@code \r} inside a string is left for the reader to refuse (JSON strings escape it).
   */
  static byte[] blankCarriageReturns(byte[] l) {
    boolean inString = false;
    for (int i = 0; i < l.length; i++) {
      byte b = l[i];
      if (inString) {
        if (b == '\\') {
          i++;
        } else if (b == '"') {
          inString = false;
        }
      } else if (b == '"') {
        inString = true;
      } else if (b == '\r') {
        l[i] = ' ';
      }
    }
    return l;
  }

  /**
   * The part of a line read before the buffer ran out: at most one byte past the limit is kept
   * (so that a final {@code \r} can still be dropped), the rest of a longer line is only counted.
   */
  private static final class Carry {
    private final int maxLine;
    private byte[] data = new byte[1 << 12];
    private int length;
    private boolean tooLong;

    Carry(int maxLine) {
      this.maxLine = maxLine;
    }

    void add(byte[] from, int offset, int n) {
      if (tooLong || n > maxLine + 1 - length) {
        tooLong = true;
        data = null; // the line is not kept
        return;
      }
      if (length + n > data.length) {
        data = Arrays.copyOf(data, (int) Math.min(maxLine + 1L, Math.max(length + n, data.length * 2L)));
      }
      System.arraycopy(from, offset, data, length, n);
      length += n;
    }

    byte[] line() {
      if (tooLong) {
        return TOO_LONG;
      }
      int n = length > 0 && data[length - 1] == '\r' ? length - 1 : length;
      return n > maxLine ? TOO_LONG : Arrays.copyOf(data, n);
    }
  }

  private static boolean isBlank(byte[] l) {
    if (l == TOO_LONG) {
      return false;
    }
    for (byte b : l) {
      if (b != ' ' && b != '\t' && b != '\r') {
        return false;
      }
    }
    return true;
  }
}
