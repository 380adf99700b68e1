package dev.rdpdoctor.casefile;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.rdpdoctor.yaml.Spelled;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A change made on the host before the failure started: {@code host.recent_changes[]}. Written
 * either as a bare kind ({@code - os-upgrade}) or with a date and a detail.
 */
public record RecentChange(ChangeKind kind, LocalDate date, String detail) {

  /**
   * The bare form. It takes the text rather than the enum: Jackson hands a delegating creator
   * whatever the YAML holds, a section included, whereas a text creator is used for text only,
   * so a section still reaches the properties creator below.
   */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  static RecentChange ofKind(String kind) {
    String wanted = Spelled.normalise(kind);
    for (ChangeKind k : ChangeKind.values()) {
      if (Spelled.spelling(k).equals(wanted) || k.aliases().contains(wanted)) {
        return new RecentChange(k, null, null);
      }
    }
    throw new IllegalArgumentException("'" + kind + "' is not a kind of change; allowed: "
        + Arrays.stream(ChangeKind.values()).map(Spelled::spelling).collect(Collectors.joining(", ")));
  }

  @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
  public RecentChange {
    if (kind == null) {
      throw new IllegalArgumentException("a recent change needs its kind, e.g. 'kind: os-upgrade'");
    }
  }
}
