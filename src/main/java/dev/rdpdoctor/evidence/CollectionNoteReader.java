package dev.rdpdoctor.evidence;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The note the collectors write beside what they gathered ({@code collection.txt}): a first line
 * {@code rdp-doctor evidence collection}, then {@code Collected: 2026-11-20T08:31:02Z}, the
 * computer, its role ({@code Role: host} or {@code client}) and what was run. The day it gives is
 * the day the symptoms were seen, unless the symptom file says another; the role tells whose
 * values the files beside it (in its folder and the folders in it) are, where the vocabulary reads
 * the same source for the host and for the client.
 */
final class CollectionNoteReader implements FormatReader {

  static final String FIRST_LINE = "rdp-doctor evidence collection";
  private static final Pattern COLLECTED = Pattern.compile("(?i)Collected\\s*:\\s*(\\S.*)");
  private static final Pattern ROLE = Pattern.compile("(?i)Role\\s*:\\s*(host|client)\\s*");
  private static final Pattern COMPUTER = Pattern.compile("(?i)Computer\\s*:\\s*(\\S+)\\s*");

  @Override
  public String kind() {
    return "a collector's note";
  }

  @Override
  public boolean recognises(DecodedText text) {
    return text.firstLine().equalsIgnoreCase(FIRST_LINE);
  }

  @Override
  public void read(FileReading reading) {
    DecodedText text = reading.text();
    Optional<String> role = Optional.empty();
    for (int n = 1; n <= text.lineCount(); n++) {
      Matcher r = ROLE.matcher(text.line(n).strip());
      if (r.matches()) {
        role = Optional.of(r.group(1).toLowerCase(java.util.Locale.ROOT));
      }
      Matcher computer = COMPUTER.matcher(text.line(n).strip());
      if (computer.matches()) {
        reading.machine(computer.group(1));
      }
    }
    for (int n = 1; n <= text.lineCount(); n++) {
      Matcher m = COLLECTED.matcher(text.line(n).strip());
      if (m.matches()) {
        int line = n;
        Optional<String> on = role;
        LooseDate.parse(m.group(1)).ifPresentOrElse(
            d -> reading.add(new Observation.Collected(d, on, reading.origin(line))),
            () -> reading.error(line, text.line(line).indexOf(m.group(1)) + 1,
                "the day of collection must be a date like 2026-11-20T08:31:02Z, got " + Quoted.of(m.group(1))));
        return;
      }
    }
    reading.error(1, 1, "a collector's note without its 'Collected:' line");
  }
}
