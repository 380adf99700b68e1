package dev.rdpdoctor.batch;

import static org.assertj.core.api.Assertions.assertThat;

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
}
