package dev.rdpdoctor.casefile;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.rdpdoctor.yaml.Range;

/**
 * An event from the host's logs: {@code events[]}. Written as a bare id ({@code - 1058}) or with
 * its source and text.
 */
public record WindowsEvent(@Range(min = 0, max = WindowsEvent.MAX_ID) Long id, String source, String text) {

  /** Windows event ids are 16 bits. */
  static final long MAX_ID = 65535;

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  static WindowsEvent ofId(Long id) {
    return new WindowsEvent(id, null, null);
  }

  @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
  public WindowsEvent {
    if (id == null) {
      throw new IllegalArgumentException("an event needs its id, e.g. 'id: 1058'");
    }
    if (id < 0 || id > WindowsEvent.MAX_ID) {
      throw new IllegalArgumentException("event id " + id + " is out of range: Windows event ids are 0 to 65535");
    }
  }
}
