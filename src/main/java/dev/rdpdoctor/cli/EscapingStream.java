package dev.rdpdoctor.cli;

import dev.rdpdoctor.problem.ControlCharacters;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Standard output or error as the command line writes them: UTF-8 passed through, except that
 * every character a terminal would act on ({@link ControlCharacters}) is written as its visible
 * escape, whatever wrote it (a report, a message, a batch's results). The escapes keep a JSON
 * string, and a double-quoted YAML one, meaning what it meant.
 *
 * <p>It also remembers the first write that failed (a full disk, a closed pipe), which a
 * {@link PrintStream} or {@link java.io.PrintWriter} above it would swallow, so that the run can
 * end with an error instead of exit 0 and a truncated report.
 */
final class EscapingStream extends FilterOutputStream {

  /** The bytes that may start a character to escape: the C0 controls, DEL, and the first bytes of C1 and bidi controls. */
  private static final boolean[] MAY_START = new boolean[256];

  static {
    for (int c = 0; c < 0x20; c++) {
      MAY_START[c] = c != '\n' && c != '\t';
    }
    MAY_START[0x7F] = true;
    MAY_START[0xC2] = true;
    MAY_START[0xE2] = true;
  }

  /** The first bytes of a character that might be one to escape, waiting for the rest of it. */
  private final byte[] held = new byte[2];
  private int heldCount;
  private IOException failure;

  EscapingStream(OutputStream out) {
    super(out);
  }

  /** Why a write failed, if one did: the first failure's reason. */
  Optional<String> failure() {
    if (failure != null) {
      return Optional.of(failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage());
    }
    if (out instanceof PrintStream printer && printer.checkError()) {
      return Optional.of("the stream failed"); // a PrintStream says that it failed, not why
    }
    return Optional.empty();
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    try {
      escape(b, off, off + len);
    } catch (IOException e) {
      failed(e);
    }
  }

  @Override
  public void flush() throws IOException {
    try {
      release();
      out.flush();
    } catch (IOException e) {
      failed(e);
    }
  }

  @Override
  public void close() throws IOException {
    flush();
    out.close();
  }

  private void failed(IOException e) throws IOException {
    if (failure == null) {
      failure = e;
    }
    throw e;
  }

  private void escape(byte[] b, int off, int end) throws IOException {
    int i = off;
    if (heldCount > 0) {
      i = finishHeld(b, off, end);
    }
    int run = i;
    while (i < end) {
      if (!MAY_START[b[i] & 0xFF]) {
        i++;
        continue;
      }
      int length = actedAt(b, i, end);
      if (length == 0) {
        i++;
        continue;
      }
      out.write(b, run, i - run);
      if (length < 0) { // the start of a character that may be one to escape: wait for its rest
        heldCount = end - i;
        System.arraycopy(b, i, held, 0, heldCount);
        return;
      }
      writeEscape(codePoint(b, i, length));
      i += length;
      run = i;
    }
    out.write(b, run, end - run);
  }

  /** Completes the held start of a character with the first bytes given; returns where the rest begins. */
  private int finishHeld(byte[] b, int off, int end) throws IOException {
    byte[] joined = new byte[3];
    System.arraycopy(held, 0, joined, 0, heldCount);
    int taken = Math.min(3 - heldCount, end - off);
    System.arraycopy(b, off, joined, heldCount, taken);
    int length = actedAt(joined, 0, heldCount + taken);
    if (length < 0) { // still not whole
      System.arraycopy(b, off, held, heldCount, taken);
      heldCount += taken;
      return end;
    }
    int was = heldCount;
    heldCount = 0;
    if (length == 0) {
      out.write(joined, 0, was); // an ordinary character: what was held cannot begin one to escape
      return off;
    }
    writeEscape(codePoint(joined, 0, length));
    return off + length - was;
  }

  /** Writes what is held as it is: at a flush, the output stands at the end of a character. */
  private void release() throws IOException {
    if (heldCount > 0) {
      int count = heldCount;
      heldCount = 0;
      out.write(held, 0, count);
    }
  }

  /**
   * The length in bytes of the character to escape that starts at {@code i}: 0 when there is
   * none, -1 when the bytes end before it can be told.
   */
  private static int actedAt(byte[] b, int i, int end) {
    int c = b[i] & 0xFF;
    if (c < 0x80) {
      return ControlCharacters.acted(c) ? 1 : 0;
    }
    if (c == 0xC2) { // U+0080 to U+00BF: C1 controls are U+0080 to U+009F
      if (i + 1 >= end) {
        return -1;
      }
      int next = b[i + 1] & 0xFF;
      return next >= 0x80 && next <= 0x9F ? 2 : 0;
    }
    if (c == 0xE2) { // U+2000 to U+2FFF: the bidi controls are E2 80 AA-AE and E2 81 A6-A9
      if (i + 1 >= end) {
        return -1;
      }
      int second = b[i + 1] & 0xFF;
      if (second != 0x80 && second != 0x81) {
        return 0;
      }
      if (i + 2 >= end) {
        return -1;
      }
      int third = b[i + 2] & 0xFF;
      return (third & 0xC0) == 0x80 && ControlCharacters.acted(0x2000 | (second & 0x3F) << 6 | (third & 0x3F)) ? 3 : 0;
    }
    return 0;
  }

  private static int codePoint(byte[] b, int i, int length) {
    return switch (length) {
      case 1 -> b[i] & 0xFF;
      case 2 -> (b[i] & 0x1F) << 6 | (b[i + 1] & 0x3F);
      default -> (b[i] & 0x0F) << 12 | (b[i + 1] & 0x3F) << 6 | (b[i + 2] & 0x3F);
    };
  }

  private void writeEscape(int codePoint) throws IOException {
    out.write(ControlCharacters.escape(codePoint).getBytes(StandardCharsets.US_ASCII));
  }
}
