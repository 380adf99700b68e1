package dev.rdpdoctor.evidence;

import dev.rdpdoctor.casefile.vocabulary.RegistryKind;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A registry export, as {@code reg export} and regedit write it: the line
 * {@code Windows Registry Editor Version 5.00} (or {@code REGEDIT4}), then for each key a line
 * {@code [HKEY_LOCAL_MACHINE\...]} followed by its values, {@code "Name"=dword:00000001},
 * {@code "Name"="text"}, {@code @="default"} or {@code "Name"=hex(7):...} spread over lines that
 * end with a backslash. Each value is kept as {@code reg query} shows it; each key exported is one
 * whose values were all listed.
 */
final class RegistryExportReader implements FormatReader {

  private static final Pattern HEADER = Pattern.compile("(?i)Windows Registry Editor Version \\d+\\.\\d+|REGEDIT4");
  private static final Pattern DWORD = Pattern.compile("(?i)dword:([0-9a-f]{1,8})");
  private static final Pattern HEX = Pattern.compile("(?i)hex(?:\\(([0-9a-f]{1,8})\\))?:");

  @Override
  public String kind() {
    return "a registry export";
  }

  @Override
  public boolean recognises(DecodedText text) {
    return HEADER.matcher(text.firstLine()).matches();
  }

  @Override
  public void read(FileReading reading) {
    DecodedText text = reading.text();
    String key = null;
    boolean headerSeen = false;
    for (int n = 1; n <= text.lineCount(); n++) {
      String line = text.line(n);
      String stripped = line.strip();
      if (stripped.isEmpty() || stripped.startsWith(";")) {
        continue;
      }
      if (!headerSeen) {
        headerSeen = true;
        continue;
      }
      if (stripped.startsWith("[")) {
        key = section(reading, n, stripped);
        continue;
      }
      int first = n;
      StringBuilder joined = new StringBuilder(stripped);
      boolean broken = false;
      while (joined.length() > 0 && joined.charAt(joined.length() - 1) == '\\' && !endsInsideQuotes(joined)) {
        joined.setLength(joined.length() - 1);
        if (n == text.lineCount() || text.line(n + 1).isBlank()) {
          String last = text.line(n);
          boolean end = n == text.lineCount() || java.util.stream.IntStream.rangeClosed(n + 1, text.lineCount())
              .allMatch(i -> text.line(i).isBlank());
          reading.error(n, last.length() + 1, end ? "the file ends inside a value that goes on to the next line: it was cut short"
              : "a value that goes on to the next line is followed by a blank one");
          if (end) {
            return;
          }
          broken = true;
          break;
        }
        joined.append(text.line(++n).strip());
      }
      if (!broken) {
        value(reading, first, indent(line), key, joined.toString());
      }
    }
  }

  private static int indent(String line) {
    int i = 0;
    while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
      i++;
    }
    return i;
  }

  /** The key a {@code [KEY]} line opens; null for a deleted key ({@code [-KEY]}) or a malformed line. */
  private static String section(FileReading reading, int n, String stripped) {
    if (!stripped.endsWith("]")) {
      reading.error(n, 1, "a key's line must end with ']': " + Quoted.of(stripped));
      return null;
    }
    String path = stripped.substring(1, stripped.length() - 1);
    if (path.startsWith("-")) {
      return null; // an instruction to delete the key, not an export of it
    }
    if (!RegistryPath.isKey(path)) {
      reading.error(n, 2, "not a registry key: " + Quoted.of(path) + " (a key starts with its hive, HKEY_LOCAL_MACHINE\\...)");
      return null;
    }
    reading.add(new Observation.RegistryKey(path, reading.origin(n)));
    return path;
  }

  private static void value(FileReading reading, int n, int column, String key, String line) {
    String name;
    int at;
    if (line.startsWith("@=")) {
      name = "(Default)";
      at = 1;
    } else if (line.startsWith("\"")) {
      int close = closingQuote(line, 1);
      if (close < 0 || close + 1 >= line.length() || line.charAt(close + 1) != '=') {
        reading.error(n, column + 1, "a value's line must be \"NAME\"=DATA: " + Quoted.of(line));
        return;
      }
      name = unescape(line.substring(1, close));
      at = close + 1;
    } else {
      reading.error(n, column + 1, "not a line of a registry export: expected [KEY], \"NAME\"=DATA, @=DATA or a ; comment, got "
          + Quoted.of(line));
      return;
    }
    if (key == null) {
      return; // under a deleted or malformed key, said there
    }
    String data = line.substring(at + 1).strip();
    int dataColumn = column + at + 2;
    if (data.equals("-")) {
      return; // an instruction to delete the value
    }
    Parsed parsed = parse(data);
    if (parsed == null) {
      reading.error(n, dataColumn, "the data of " + Quoted.of(name) + " is not \"TEXT\", dword:XXXXXXXX or hex(N):XX,...: "
          + Quoted.of(data));
      return;
    }
    reading.add(new Observation.RegistryValue(key, name, parsed.kind, parsed.data, reading.origin(n)));
  }

  private record Parsed(RegistryKind kind, String data) {}

  private static Parsed parse(String data) {
    if (data.startsWith("\"")) {
      int close = closingQuote(data, 1);
      return close == data.length() - 1 ? new Parsed(RegistryKind.REG_SZ, unescape(data.substring(1, close))) : null;
    }
    Matcher dword = DWORD.matcher(data);
    if (dword.matches()) {
      return new Parsed(RegistryKind.REG_DWORD, Long.toString(Long.parseLong(dword.group(1), 16)));
    }
    Matcher hex = HEX.matcher(data);
    if (!hex.lookingAt()) {
      return null;
    }
    byte[] bytes = bytes(data.substring(hex.end()));
    if (bytes == null) {
      return null;
    }
    String type = hex.group(1) == null ? "3" : hex.group(1).toLowerCase(Locale.ROOT).replaceFirst("^0+(?=.)", "");
    return switch (type) {
      case "1" -> new Parsed(RegistryKind.REG_SZ, utf16(bytes).split("\0", -1)[0]);
      case "2" -> new Parsed(RegistryKind.REG_EXPAND_SZ, utf16(bytes).split("\0", -1)[0]);
      case "7" -> new Parsed(RegistryKind.REG_MULTI_SZ, multi(utf16(bytes)));
      case "4" -> bytes.length == 4 ? new Parsed(RegistryKind.REG_DWORD, Long.toString(little(bytes))) : null;
      case "b" -> bytes.length == 8 ? new Parsed(RegistryKind.REG_QWORD, Long.toUnsignedString(little(bytes))) : null;
      default -> new Parsed(RegistryKind.REG_BINARY, hexText(bytes));
    };
  }

  /** The bytes of {@code 41,00,42,00}; null when it is not such a list. */
  private static byte[] bytes(String list) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(list.length() / 3 + 1);
    String[] parts = list.split(",", -1);
    for (int i = 0; i < parts.length; i++) {
      String b = parts[i].strip();
      if (b.isEmpty() && i == parts.length - 1 && (i == 0 || out.size() > 0)) {
        break; // nothing after the last comma, or no bytes at all
      }
      if (b.length() != 2 || Character.digit(b.charAt(0), 16) < 0 || Character.digit(b.charAt(1), 16) < 0) {
        return null;
      }
      out.write(Integer.parseInt(b, 16));
    }
    return out.toByteArray();
  }

  private static long little(byte[] bytes) {
    long v = 0;
    for (int i = bytes.length - 1; i >= 0; i--) {
      v = v << 8 | bytes[i] & 0xFF;
    }
    return v;
  }

  private static String utf16(byte[] bytes) {
    return new String(bytes, 0, bytes.length & ~1, StandardCharsets.UTF_16LE);
  }

  /** A multi-string as {@code reg query} shows it: the strings separated by {@code \0}. */
  private static String multi(String strings) {
    String s = strings;
    while (s.endsWith("\0")) {
      s = s.substring(0, s.length() - 1);
    }
    return s.replace("\0", "\\0");
  }

  /** Binary data as {@code reg query} shows it: two upper-case hex digits a byte, nothing between. */
  static String hexText(byte[] bytes) {
    StringBuilder out = new StringBuilder(bytes.length * 2);
    for (byte b : bytes) {
      out.append(String.format(Locale.ROOT, "%02X", b & 0xFF));
    }
    return out.toString();
  }

  /** Where the quote that opens at {@code from - 1} closes, past {@code \"} and {@code \\}; -1 when it does not. */
  private static int closingQuote(String s, int from) {
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        return i;
      }
    }
    return -1;
  }

  private static boolean endsInsideQuotes(CharSequence s) {
    boolean inside = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (inside && c == '\\') {
        i++;
      } else if (c == '"') {
        inside = !inside;
      }
    }
    return inside;
  }

  private static String unescape(String s) {
    return s.replace("\\\\", "\u0000").replace("\\\"", "\"").replace("\u0000", "\\");
  }
}
