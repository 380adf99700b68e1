package dev.rdpdoctor.evidence;

import dev.rdpdoctor.casefile.vocabulary.RegistryKind;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The output of {@code reg query}: a line naming each key ({@code HKEY_LOCAL_MACHINE\...}), then
 * its values indented by four spaces, {@code NAME    REG_DWORD    0x1}, the name, type and data
 * set apart by four spaces. A query may ask for one value ({@code /v}), so a value it does not list
 * is not known to be absent.
 */
final class RegistryQueryReader implements FormatReader {

  private static final Pattern VALUE = Pattern.compile(" {4}(.*?) {4}(REG_[A-Z_]+)(?: {4}(.*))?");
  private static final Pattern NOT_FOUND = Pattern.compile("(?i)ERROR: The system was unable to find the specified registry key or value\\.?");
  private static final Pattern END = Pattern.compile("(?i)End of search: \\d+ match\\(es\\) found\\.?");

  @Override
  public String kind() {
    return "the output of reg query";
  }

  @Override
  public boolean recognises(DecodedText text) {
    String first = text.firstLine();
    if (NOT_FOUND.matcher(first).matches()) {
      return true;
    }
    if (!RegistryPath.isKey(first) || first.contains("=") || first.startsWith("[")) {
      return false;
    }
    for (int n = 1; n <= text.lineCount(); n++) {
      if (VALUE.matcher(text.line(n)).matches()) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void read(FileReading reading) {
    DecodedText text = reading.text();
    String key = null;
    for (int n = 1; n <= text.lineCount(); n++) {
      String line = text.line(n);
      if (line.isBlank() || NOT_FOUND.matcher(line.strip()).matches() || END.matcher(line.strip()).matches()) {
        continue;
      }
      if (!Character.isWhitespace(line.charAt(0))) {
        if (RegistryPath.isKey(line)) {
          key = line.strip();
        } else {
          reading.error(n, 1, "not a line of reg query's output: expected a key (HKEY_...) or an indented value, got "
              + Quoted.of(line));
          key = null;
        }
        continue;
      }
      Matcher m = VALUE.matcher(line);
      if (!m.matches()) {
        reading.error(n, 1, "a value's line must be indented, its name, type and data set apart by four spaces"
            + " (NAME, REG_DWORD, 0x1), got " + Quoted.of(line.strip()));
        continue;
      }
      if (key == null) {
        continue;
      }
      String data = m.group(3) == null ? "" : m.group(3);
      String type = m.group(2);
      Parsed parsed = parse(type, data);
      if (parsed == null) {
        reading.error(n, m.start(3) + 1, "the data of " + Quoted.of(m.group(1)) + " is not a " + type + ": " + Quoted.of(data));
        continue;
      }
      reading.add(new Observation.RegistryValue(key, m.group(1), parsed.kind, parsed.data, reading.origin(n)));
    }
  }

  private record Parsed(RegistryKind kind, String data) {}

  private static Parsed parse(String type, String data) {
    switch (type) {
      case "REG_DWORD", "REG_QWORD" -> {
        String d = data.strip().toLowerCase(Locale.ROOT);
        int digits = type.equals("REG_DWORD") ? 8 : 16;
        if (!d.matches("0x[0-9a-f]{1," + digits + "}")) {
          return null;
        }
        return new Parsed(type.equals("REG_DWORD") ? RegistryKind.REG_DWORD : RegistryKind.REG_QWORD,
            Long.toUnsignedString(Long.parseUnsignedLong(d.substring(2), 16)));
      }
      case "REG_SZ" -> {
        return new Parsed(RegistryKind.REG_SZ, data);
      }
      case "REG_EXPAND_SZ" -> {
        return new Parsed(RegistryKind.REG_EXPAND_SZ, data);
      }
      case "REG_MULTI_SZ" -> {
        return new Parsed(RegistryKind.REG_MULTI_SZ, data);
      }
      default -> {
        String d = data.strip().toUpperCase(Locale.ROOT);
        return d.matches("[0-9A-F]*") && d.length() % 2 == 0 ? new Parsed(RegistryKind.REG_BINARY, d) : null;
      }
    }
  }
}
