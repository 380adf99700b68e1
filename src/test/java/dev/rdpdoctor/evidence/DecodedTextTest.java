package dev.rdpdoctor.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DecodedTextTest {

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void utf16WithItsByteOrderMarkAsRegeditWritesItIsReadWithItsLinesNumbered() {
    DecodedText t = Exports.text("RDP-Tcp.reg");
    assertThat(t.encoding()).isEqualTo("UTF-16LE");
    assertThat(t.line(1)).isEqualTo("Windows Registry Editor Version 5.00");
    assertThat(t.line(2)).isEmpty();
    assertThat(t.line(3)).startsWith("[HKEY_LOCAL_MACHINE\\SYSTEM");
  }

  @Test
  void everyEncodingWindowsWritesGivesTheSameText() {
    String text = "full address:s:rdp01\r\nprompt for credentials:i:1\r\n";
    byte[] le = text.getBytes(StandardCharsets.UTF_16LE);
    byte[] be = text.getBytes(StandardCharsets.UTF_16BE);
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    assertThat(DecodedText.of(concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, le)).orElseThrow().text()).isEqualTo(text);
    assertThat(DecodedText.of(concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, be)).orElseThrow().text()).isEqualTo(text);
    assertThat(DecodedText.of(concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8)).orElseThrow().text())
        .isEqualTo(text);
    assertThat(DecodedText.of(utf8).orElseThrow().text()).isEqualTo(text);
    assertThat(DecodedText.of(le).orElseThrow().text()).as("UTF-16LE without a mark").isEqualTo(text);
  }

  @Test
  void bytesThatAreNotUtf8AreReadAsTheWesternWindowsCodePage() {
    byte[] latin = "Ereignis f\u00fcr Anmeldung".getBytes(java.nio.charset.Charset.forName("windows-1252"));
    DecodedText t = DecodedText.of(latin).orElseThrow();
    assertThat(t.text()).isEqualTo("Ereignis f\u00fcr Anmeldung");
    assertThat(t.encoding()).isEqualTo("windows-1252");
  }

  @Test
  void aFileWithANulInItIsNotText() {
    assertThat(DecodedText.of(new byte[] {'E', 'l', 'f', 'F', 'i', 'l', 'e', 0, 1, 2})).isEmpty();
  }

  @Test
  void linesEndAtCrLfLfOrALoneCrAndOffsetsGiveTheirLineAndColumn() {
    DecodedText t = DecodedText.of("a\r\nbb\ncc\rdd");
    assertThat(t.lines()).containsExactly("a", "bb", "cc", "dd");
    int d = t.text().indexOf("dd") + 1;
    assertThat(t.lineOf(d)).isEqualTo(4);
    assertThat(t.columnOf(d)).isEqualTo(2);
  }
}
