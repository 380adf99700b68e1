package dev.rdpdoctor.batch;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;

/**
 * Cases as JSON Lines: one JSON object per line. Blank lines are skipped (they still count for
 * line numbers); a line break may be {@code \n} or {@code \r\n}. The bytes are handed on
 * undecoded, so a line that is not UTF-8 is reported like any other bad case.
 */
public final class JsonLines implements CaseSource {

  /** A longer line is reported as a bad case rather than read whole. */
  static final int MAX_LINE = 16 << 20;

  /** Stands for a line longer than {@link #MAX_LINE}; the reader of the line reports it. */
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

  /** @param source the stream as shown in messages: the file, or {@code stdin} */
  public JsonLines(InputStream in, String source) {
    this(in, source, MAX_LINE);
  }

  JsonLines(InputStream in, String source, int maxLine) {
    this.in = in;
    this.source = source;
    this.maxLine = maxLine;
  }

  @Override
  public List<BatchItem> next(int max) throws IOException {
    List<BatchItem> chunk = new ArrayList<>();
    while (chunk.size() < max) {
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
      return stop - start > maxLine ? TOO_LONG : Arrays.copyOfRange(buffer, start, stop);
    }
    carry.add(buffer, start, to - start);
    return carry.line();
  }

  /** The part of a line read before the buffer ran out. */
  private static final class Carry {
    private final int maxLine;
    private byte[] data = new byte[1 << 12];
    private int length;
    private boolean tooLong;

    Carry(int maxLine) {
      this.maxLine = maxLine;
    }

    void add(byte[] from, int offset, int n) {
      if (tooLong || length + n > maxLine + 1) {
        tooLong = true;
        return;
      }
      if (length + n > data.length) {
        data = Arrays.copyOf(data, Math.max(length + n, data.length * 2));
      }
      System.arraycopy(from, offset, data, length, n);
      length += n;
    }

    byte[] line() {
      int n = length > 0 && data[length - 1] == '\r' ? length - 1 : length;
      return tooLong || n > maxLine ? TOO_LONG : Arrays.copyOf(data, n);
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
