package dev.rdpdoctor.evidence;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A file's bytes as text, in the encoding Windows wrote it in: UTF-16LE with a byte order mark
 * (regedit, {@code reg export}, PowerShell 5.1's {@code >} and {@code Out-File}), UTF-16BE, UTF-8
 * with or without one, UTF-16LE without one, or else the Windows code page of the Western
 * languages (a console's output redirected by {@code cmd}). Lines end at CRLF, LF or a lone CR and
 * are numbered from 1; a file with NUL characters in it is binary, not text.
 */
final class DecodedText {

  private static final Charset WESTERN = Charset.isSupported("windows-1252") ? Charset.forName("windows-1252")
      : StandardCharsets.ISO_8859_1;

  private final String text;
  private final String encoding;
  private final int[] lineStarts;

  private DecodedText(String text, String encoding) {
    this.text = text;
    this.encoding = encoding;
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n')) {
        starts.add(i + 1);
      }
    }
    lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The text of {@code bytes}; empty when they are not text (a NUL in them, an .evtx log, an image). */
  static Optional<DecodedText> of(byte[] bytes) {
    if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
      return text(decode(bytes, 2, StandardCharsets.UTF_16LE), "UTF-16LE");
    }
    if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
      return text(decode(bytes, 2, StandardCharsets.UTF_16BE), "UTF-16BE");
    }
    if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
      return text(decode(bytes, 3, StandardCharsets.UTF_8), "UTF-8");
    }
    if (looksLikeUtf16Le(bytes)) {
      return text(decode(bytes, 0, StandardCharsets.UTF_16LE), "UTF-16LE");
    }
    try {
      String utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
      return text(utf8, "UTF-8");
    } catch (CharacterCodingException e) {
      return text(decode(bytes, 0, WESTERN), WESTERN.name());
    }
  }

  /** Text given as a string, as tests and the other readers' parts give it. */
  static DecodedText of(String text) {
    return new DecodedText(text, "UTF-16");
  }

  private static Optional<DecodedText> text(String decoded, String encoding) {
    return decoded.indexOf('\0') >= 0 ? Optional.empty() : Optional.of(new DecodedText(decoded, encoding));
  }

  /** UTF-16LE without a byte order mark: ASCII text with a NUL after each character. */
  private static boolean looksLikeUtf16Le(byte[] bytes) {
    int n = Math.min(bytes.length, 512) & ~1;
    if (n < 4) {
      return false;
    }
    int zeroHigh = 0;
    int zeroLow = 0;
    for (int i = 0; i < n; i += 2) {
      zeroLow += bytes[i] == 0 ? 1 : 0;
      zeroHigh += bytes[i + 1] == 0 ? 1 : 0;
    }
    return zeroHigh * 10 >= n / 2 * 9 && zeroLow == 0;
  }

  private static String decode(byte[] bytes, int from, Charset charset) {
    try {
      return charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE)
          .decode(ByteBuffer.wrap(bytes, from, bytes.length - from)).toString();
    } catch (CharacterCodingException e) {
      throw new IllegalStateException("a decoder that replaces cannot fail", e);
    }
  }

  String text() {
    return text;
  }

  String encoding() {
    return encoding;
  }

  int lineCount() {
    return lineStarts.length;
  }

  /** Line {@code n} (from 1), without its line break. */
  String line(int n) {
    int start = lineStarts[n - 1];
    int end = n < lineStarts.length ? lineStarts[n] : text.length();
    while (end > start && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
      end--;
    }
    return text.substring(start, end);
  }

  /** Every line, in order, without line breaks. */
  List<String> lines() {
    List<String> out = new ArrayList<>(lineStarts.length);
    for (int i = 1; i <= lineStarts.length; i++) {
      out.add(line(i));
    }
    return out;
  }

  /** Where line {@code n} (from 1) starts in the text; its end for a line past the last. */
  int offsetOf(int n) {
    return n > lineStarts.length ? text.length() : lineStarts[Math.max(n, 1) - 1];
  }

  /** The line (from 1) the character at {@code offset} is on. */
  int lineOf(int offset) {
    int i = Arrays.binarySearch(lineStarts, offset);
    return i >= 0 ? i + 1 : -i - 1;
  }

  /** The column (from 1) of the character at {@code offset} on its line. */
  int columnOf(int offset) {
    return offset - lineStarts[lineOf(offset) - 1] + 1;
  }

  /** The first line that is not blank, stripped; empty for a blank text. */
  String firstLine() {
    for (int i = 1; i <= lineStarts.length; i++) {
      String l = line(i).strip();
      if (!l.isEmpty()) {
        return l;
      }
    }
    return "";
  }
}
