package dev.rdpdoctor.casefile;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.time.LocalDate;

/**
 * A change made on the host before the failure started: {@code host.recent_changes[]}. Written
 * either as a bare kind ({@code - os-upgrade}) or with a date and a detail.
 */
public record RecentChange(ChangeKind kind, LocalDate date, String detail) {

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  static RecentChange ofKind(ChangeKind kind) {
    return new RecentChange(kind, null, null);
  }

  @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
  public RecentChange {
    if (kind == null) {
      throw new IllegalArgumentException("a recent change needs its kind, e.g. 'kind: os-upgrade'");
    }
  }
}
