package dev.rdpdoctor.evidence;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Events as CSV: Event Viewer's "Save as" CSV (a header {@code Level,Date and Time,Source,Event
 * ID,Task Category} in the language of the machine, each record with the event's description as a
 * sixth field the header does not name) and {@code Get-WinEvent | Export-Csv} (PowerShell's
 * {@code #TYPE} line, then {@code "Message","Id",...,"ProviderName","LogName",...}).
 */
final class EventCsvReader implements FormatReader {

  /** The headers of an event id, a source, a message, a log and a time, in the languages Windows writes them. */
  private static final Set<String> IDS = Set.of("event id", "id", "eventid", "ereignis-id", "id de l'événement",
      "id. del evento", "id evento", "id do evento", "gebeurtenis-id", "identyfikator zdarzenia", "код события");
  private static final Set<String> SOURCES = Set.of("source", "providername", "provider", "quelle", "origine", "origen",
      "fonte", "bron", "źródło", "источник");
  private static final Set<String> MESSAGES = Set.of("message", "description", "beschreibung", "descripción");
  private static final Set<String> LOGS = Set.of("logname", "log name", "protokollname", "journal");
  private static final Set<String> MACHINES = Set.of("machinename", "computer", "computername", "computer name");
  private static final Set<String> TIMES = Set.of("date and time", "timecreated", "datum und uhrzeit", "date et heure",
      "fecha y hora", "data e ora", "data e hora", "datum en tijd");

  @Override
  public String kind() {
    return "an event export (CSV)";
  }

  @Override
  public boolean recognises(DecodedText text) {
    return header(text).isPresent();
  }

  /** The header's columns and the line they are on. */
  private record Header(int line, int id, int source, int message, int log, int time, int machine, int names) {}

  private static Optional<Header> header(DecodedText text) {
    int n = 1;
    while (n <= text.lineCount() && text.line(n).isBlank()) {
      n++;
    }
    if (n <= text.lineCount() && text.line(n).startsWith("#TYPE ")) {
      n++;
    }
    if (n > text.lineCount() || !text.line(n).contains(",")) {
      return Optional.empty();
    }
    CsvRecords.Row row;
    try {
      row = new CsvRecords(DecodedText.of(text.line(n))).next();
    } catch (CsvRecords.Malformed e) {
      return Optional.empty();
    }
    if (row == null) {
      return Optional.empty();
    }
    List<String> names = row.fields().stream().map(f -> f.strip().toLowerCase(Locale.ROOT)).toList();
    int id = find(names, IDS);
    int source = find(names, SOURCES);
    if (id < 0 || source < 0) {
      return Optional.empty();
    }
    int message = find(names, MESSAGES);
    return Optional.of(new Header(n, id, source, message < 0 ? names.size() : message, find(names, LOGS),
        find(names, TIMES), find(names, MACHINES), names.size()));
  }

  private static int find(List<String> names, Set<String> any) {
    for (int i = 0; i < names.size(); i++) {
      if (any.contains(names.get(i))) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public void read(FileReading reading) {
    DecodedText text = reading.text();
    Header h = header(text).orElseThrow();
    CsvRecords records = new CsvRecords(text).from(h.line() + 1);
    int limit = reading.limits().maxEventText();
    while (true) {
      CsvRecords.Row row;
      try {
        row = records.next();
      } catch (CsvRecords.Malformed e) {
        reading.error(e.line, e.column, e.getMessage());
        return;
      }
      if (row == null) {
        return;
      }
      List<String> f = row.fields();
      if (f.size() <= Math.max(h.id(), h.source())) {
        reading.error(row.line(), 1, "a record with " + f.size() + " fields, where the header names " + h.names());
        continue;
      }
      String id = f.get(h.id()).strip();
      if (!id.matches("\\d{1,5}") || Long.parseLong(id) > 65535) {
        reading.error(row.line(), 1, "an event id must be a number from 0 to 65535, got " + Quoted.of(id));
        continue;
      }
      String source = f.get(h.source()).strip();
      String message = h.message() < f.size() ? f.get(h.message()).strip() : "";
      if (message.length() > limit) {
        message = message.substring(0, limit - 3) + "...";
      }
      Optional<String> log = h.log() >= 0 && h.log() < f.size() ? Optional.of(f.get(h.log()).strip()).filter(s -> !s.isEmpty())
          : Optional.empty();
      if (h.machine() >= 0 && h.machine() < f.size()) {
        reading.machine(f.get(h.machine()));
      }
      Optional<java.time.LocalDate> date = h.time() >= 0 && h.time() < f.size() ? LooseDate.parse(f.get(h.time()))
          : Optional.empty();
      reading.add(new Observation.Event(log, source, Long.parseLong(id), message, date,
          reading.origin(row.line(), "event " + id + " from " + source + date.map(d -> " on " + d).orElse(""))));
    }
  }
}
