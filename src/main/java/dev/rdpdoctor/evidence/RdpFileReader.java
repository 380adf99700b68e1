package dev.rdpdoctor.evidence;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Remote Desktop connection file ({@code .rdp}), as mstsc saves it (UTF-16LE with a byte order
 * mark) or a portal hands it out (UTF-8): one setting a line, {@code name:type:value}, the type
 * {@code s} (text), {@code i} (a number) or {@code b} (binary, in hex).
 */
final class RdpFileReader implements FormatReader {

  private static final Pattern SETTING = Pattern.compile("([A-Za-z][A-Za-z0-9 _.-]{0,99}):([sibSIB]):(.*)");

  @Override
  public String kind() {
    return "a Remote Desktop connection file";
  }

  @Override
  public boolean recognises(DecodedText text) {
    if (!SETTING.matcher(text.firstLine()).matches()) {
      return false;
    }
    int settings = 0;
    int others = 0;
    for (int n = 1; n <= text.lineCount() && settings + others < 200; n++) {
      String line = text.line(n).strip();
      if (!line.isEmpty()) {
        if (SETTING.matcher(line).matches()) {
          settings++;
        } else {
          others++;
        }
      }
    }
    return settings >= 2 && others * 4 <= settings;
  }

  @Override
  public void read(FileReading reading) {
    DecodedText text = reading.text();
    for (int n = 1; n <= text.lineCount(); n++) {
      String line = text.line(n);
      String stripped = line.strip();
      if (stripped.isEmpty()) {
        continue;
      }
      Matcher m = SETTING.matcher(stripped);
      if (!m.matches()) {
        reading.error(n, 1, "not a setting of an .rdp file: expected NAME:TYPE:VALUE with the type s, i or b, got "
            + Quoted.of(stripped));
        continue;
      }
      String kind = m.group(2);
      String value = m.group(3).strip();
      if (kind.equalsIgnoreCase("i") && !value.matches("-?\\d{1,10}")) {
        reading.error(n, m.start(3) + 1 + line.indexOf(stripped), "the setting " + Quoted.of(m.group(1))
            + " is a number (:i:), got " + Quoted.of(value));
        continue;
      }
      reading.add(new Observation.RdpSetting(m.group(1), kind, value, reading.origin(n)));
    }
  }
}
