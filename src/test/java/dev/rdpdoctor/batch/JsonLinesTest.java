package dev.rdpdoctor.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rdpdoctor.problem.InvalidInputException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonLinesTest {

  private static List<BatchItem.JsonLine> all(JsonLines lines) throws IOException {
    List<BatchItem.JsonLine> out = new ArrayList<>();
    for (List<BatchItem> chunk = lines.next(3, Long.MAX_VALUE); !chunk.isEmpty(); chunk = lines.next(3, Long.MAX_VALUE)) {
      chunk.forEach(i -> out.add((BatchItem.JsonLine) i));
    }
    return out;
  }

  private static JsonLines of(String text) {
    return new JsonLines(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "stdin");
  }

  private static String text(BatchItem.JsonLine l) {
    return new String(l.content(), StandardCharsets.UTF_8);
  }

  @Test
  void everyLineIsACaseNumberedFromOneAndBlankLinesAreSkipped() throws IOException {
    List<BatchItem.JsonLine> items = all(of("{\"a\":1}\n\n   \n{\"b\":2}\r\n{\"c\":3}"));
    assertThat(items).extracting(BatchItem.JsonLine::line).containsExactly(1L, 4L, 5L);
    assertThat(items).extracting(BatchItem.JsonLine::index).containsExactly(0L, 1L, 2L);
    assertThat(items).extracting(JsonLinesTest::text).containsExactly("{\"a\":1}", "{\"b\":2}", "{\"c\":3}");
    assertThat(items).extracting(BatchItem.JsonLine::source).containsOnly("stdin");
  }

  @Test
  void aLineLongerThanTheBufferIsReadWhole() throws IOException {
    String longLine = "{\"notes\":\"" + "x".repeat(200_000) + "\"}";
    List<BatchItem.JsonLine> items = all(of("{}\n" + longLine + "\r\n{}\n"));
    assertThat(items).extracting(BatchItem.JsonLine::line).containsExactly(1L, 2L, 3L);
    assertThat(text(items.get(1))).isEqualTo(longLine);
  }

  @Test
  void aLineTooLongIsMarkedNotRead() throws IOException {
    String input = "{}\n" + "y".repeat(100) + "\n" + "z".repeat(70_000) + "\n{}";
    JsonLines lines = new JsonLines(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), "f.jsonl", 50);
    List<BatchItem.JsonLine> items = all(lines);
    assertThat(items).extracting(BatchItem.JsonLine::line).containsExactly(1L, 2L, 3L, 4L);
    assertThat(items.get(1).content()).isSameAs(JsonLines.TOO_LONG);
    assertThat(items.get(2).content()).isSameAs(JsonLines.TOO_LONG);
    assertThat(text(items.get(3))).isEqualTo("{}");
  }

  @Test
  void whatIsAtHandIsHandedOnWithoutWaitingForAFullChunk() throws IOException {
    // a producer that has written two lines and not yet the third
    InputStream slow = new InputStream() {
      private final byte[] first = "{}\n{}\n".getBytes(StandardCharsets.UTF_8);
      private int at;

      @Override
      public int read() {
        return at < first.length ? first[at++] : -1;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (at >= first.length) {
          throw new AssertionError("read on although two lines were at hand");
        }
        int n = Math.min(len, first.length - at);
        System.arraycopy(first, at, b, off, n);
        at += n;
        return n;
      }

      @Override
      public int available() {
        return first.length - at;
      }
    };
    assertThat(new JsonLines(slow, "stdin").next(256, Long.MAX_VALUE)).hasSize(2);
  }

  /** A line of {@code size} bytes of {@code x} and its line break, then {@code rest}, made as it is read. */
  private static InputStream hugeLineThen(long size, String rest) {
    byte[] tail = ("\n" + rest).getBytes(StandardCharsets.UTF_8);
    return new InputStream() {
      private long at;

      @Override
      public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0];
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (at >= size + tail.length) {
          return -1;
        }
        int n = 0;
        for (; n < len && at < size + tail.length; n++, at++) {
          b[off + n] = at < size ? (byte) 'x' : tail[(int) (at - size)];
        }
        return n;
      }
    };
  }

  @Test
  void aLineLongerThanTheLargestCaseIsSkippedToItsEndWithoutBeingHeld() throws IOException {
    // 15 MiB: under the old 16 MiB line limit, so it used to be held whole, six of them at once
    JsonLines lines = new JsonLines(hugeLineThen(15L << 20, "{}\n"), "stdin");
    List<BatchItem.JsonLine> items = all(lines);
    assertThat(JsonLines.MAX_LINE).isEqualTo(256 << 10);
    assertThat(items).extracting(BatchItem.JsonLine::line).containsExactly(1L, 2L);
    assertThat(items.get(0).content()).isSameAs(JsonLines.TOO_LONG);
    assertThat(text(items.get(1))).isEqualTo("{}");
  }

  @Test
  void aLineOfExactlyTheLimitIsReadWholeAndOneByteMoreIsNot() throws IOException {
    String limit = "a".repeat(JsonLines.MAX_LINE);
    List<BatchItem.JsonLine> items = all(of(limit + "\r\n" + limit + "b\n" + limit));
    assertThat(items).extracting(i -> i.content().length).containsExactly(JsonLines.MAX_LINE, 0, JsonLines.MAX_LINE);
    assertThat(items.get(1).content()).isSameAs(JsonLines.TOO_LONG);
  }

  @Test
  void chunksStopOnceTheyHoldTheBytesAskedFor() throws IOException {
    JsonLines lines = of("{\"a\":1}\n{\"b\":2}\n{\"c\":3}\n{\"d\":4}\n");
    assertThat(lines.next(10, 14)).hasSize(2); // 7 bytes a line: the second brings it to 14
    assertThat(lines.next(10, 1)).hasSize(1);
    assertThat(lines.next(10, Long.MAX_VALUE)).hasSize(1);
    assertThat(lines.next(10, Long.MAX_VALUE)).isEmpty();
  }

  @Test
  void aLoneCarriageReturnInsideALineIsWhitespaceNotALineBreak() throws IOException {
    List<BatchItem.JsonLine> items = all(of("{\"error\":\r {\"code\": \"0x904\"}}\n{\"b\":\r\r2}\r\n"
        + "{\"title\": \"a\rb \\\"\r\"}\n"));
    assertThat(items).extracting(BatchItem.JsonLine::line).containsExactly(1L, 2L, 3L);
    assertThat(text(items.get(0))).isEqualTo("{\"error\":  {\"code\": \"0x904\"}}");
    assertThat(text(items.get(1))).isEqualTo("{\"b\":  2}");
    // inside a string a CR is left as it is, for the reader to refuse (JSON escapes it there)
    assertThat(text(items.get(2))).isEqualTo("{\"title\": \"a\rb \\\"\r\"}");
  }

  @Test
  void aStreamThatCannotBeReadIsALocatedError() throws IOException {
    InputStream broken = new InputStream() {
      private int reads;

      @Override
      public int read() throws IOException {
        throw new IOException("Is a directory");
      }

      @Override
      public int available() {
        return 1; // more seems to be at hand, so the reader reads on into the failure
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (reads++ == 0) {
          b[off] = '{';
          b[off + 1] = '}';
          b[off + 2] = '\n';
          return 3;
        }
        throw new IOException("Is a directory");
      }
    };
    JsonLines lines = new JsonLines(broken, "stdin");
    assertThat(lines.next(10, Long.MAX_VALUE)).hasSize(1); // what was read comes first
    assertThatThrownBy(() -> lines.next(10, Long.MAX_VALUE)).isInstanceOf(InvalidInputException.class)
        .hasMessage("stdin:2:1: error: cannot read the cases: Is a directory");
  }
}
