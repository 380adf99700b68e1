package dev.rdpdoctor.consult;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PromptTest {

  private final StringWriter shown = new StringWriter();

  private Prompt prompt(String typed) {
    return new Prompt(new BufferedReader(new StringReader(typed)), new PrintWriter(shown, true));
  }

  @Test
  void readsOneLineAtEachPromptWhateverEndsIt() {
    Prompt p = prompt("1058\r\nyes\rno\n\nlast");
    assertThat(p.ask()).isEqualTo("1058");
    assertThat(p.ask()).isEqualTo("yes");
    assertThat(p.ask()).isEqualTo("no");
    assertThat(p.ask()).isEmpty();
    assertThat(p.ask()).isEqualTo("last");
    assertThat(p.ask()).isNull();
    assertThat(shown.toString()).isEqualTo("> ".repeat(6));
  }

  @Test
  void aLineOverTheLimitIsSkippedAndTheUserAskedAgain() {
    String longest = "y".repeat(Prompt.MAX_LINE);
    Prompt p = prompt("x".repeat(Prompt.MAX_LINE + 1) + "\r\n" + longest + "\n" + "z".repeat(20_000) + "\rquit\n");
    assertThat(p.ask()).isEqualTo(longest);
    assertThat(p.ask()).isEqualTo("quit");
    assertThat(shown.toString()).isEqualTo("> "
        + "  That answer is too long (over 4,096 characters); it was skipped. Type it again, shorter.\n"
        + "> > "
        + "  That answer is too long (over 4,096 characters); it was skipped. Type it again, shorter.\n"
        + "> ");
  }

  @Test
  void aLineOfHundredsOfMegabytesIsSkippedInBoundedMemory() {
    long length = 256L << 20;
    Prompt p = new Prompt(new BufferedReader(new InputStreamReader(new OneLongLine(length, "\nquit\n"), StandardCharsets.UTF_8)),
        new PrintWriter(shown, true));
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = threads.getCurrentThreadAllocatedBytes();
    String answer = p.ask();
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    assertThat(allocated).as("bytes allocated to read past a line of %,d characters", length).isLessThan(16L << 20);
    assertThat(answer.length()).as("the length of the answer taken").isEqualTo(4); // no huge value in a failure
    assertThat(answer).isEqualTo("quit");
    assertThat(shown.toString()).contains("That answer is too long");
  }

  /** A line of {@code length} x's, then {@code rest}, made as it is read. */
  private static final class OneLongLine extends InputStream {
    private final byte[] rest;
    private long left;
    private int restAt;

    OneLongLine(long length, String rest) {
      this.left = length;
      this.rest = rest.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0];
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (len == 0) {
        return 0;
      }
      if (left > 0) {
        int n = (int) Math.min(len, left);
        Arrays.fill(b, off, off + n, (byte) 'x');
        left -= n;
        return n;
      }
      if (restAt == rest.length) {
        return -1;
      }
      int n = Math.min(len, rest.length - restAt);
      System.arraycopy(rest, restAt, b, off, n);
      restAt += n;
      return n;
    }
  }
}
