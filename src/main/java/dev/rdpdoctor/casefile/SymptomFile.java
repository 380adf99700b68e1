package dev.rdpdoctor.casefile;

import java.time.LocalDate;
import java.util.List;

/**
 * A symptom file as the user wrote it. Every section may be left out; anything not stated is
 * unknown, never false.
 *
 * @param title a one-line summary of the ticket
 * @param notes free text, kept but not read by the rules
 * @param observed when the symptoms were seen; dates are judged against it (default: today)
 * @param sessions the host's sessions and listener, as query session / qwinsta show them
 */
public record SymptomFile(
    String title,
    String notes,
    LocalDate observed,
    ErrorReport error,
    Client client,
    ConnectionPath path,
    Host host,
    RdpSettings rdp,
    Certificate certificate,
    Sessions sessions,
    List<WindowsEvent> events,
    DifferentialTests tests,
    Probe probe,
    Expectation expect) {

  public SymptomFile {
    events = events == null ? List.of() : List.copyOf(events);
  }
}
