package dev.rdpdoctor.casefile;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.rdpdoctor.yaml.SpelledValues;
import java.time.LocalDate;

/**
 * A change made on the host before the failure started: {@code host.recent_changes[]}. Written
 * either as a bare kind ({@code - os-upgrade}) or with a date and a detail.
 */
public record RecentChange(ChangeKind kind, LocalDate date, String detail) {

  private static final SpelledValues<ChangeKind> KINDS = SpelledValues.of(ChangeKind.class);

  /**
   * The bare form. It takes the text rather than the enum: Jackson hands a delegating creator
   * of another type whatever the YAML holds, a section included, whereas a text creator is used
   * for text only, so a section still reaches the properties creator below.
   */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  static RecentChange ofKind(String kind) {
    return new RecentChange(KINDS.parse(kind), null, null);
  }

  @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
  public RecentChange {
    if (kind == null) {
      throw new IllegalArgumentException("a recent change needs its kind, e.g. 'kind: os-upgrade'");
    }
  }
}
