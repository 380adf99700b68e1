package dev.rdpdoctor.casefile;

import dev.rdpdoctor.yaml.Spelled;
import java.util.List;

/** Whether the error happens on every attempt. */
public enum Frequency implements Spelled {
  ALWAYS("every-time", "consistently"),
  INTERMITTENT("sometimes", "occasionally");

  private final List<String> aliases;

  Frequency(String... aliases) {
    this.aliases = List.of(aliases);
  }

  @Override
  public List<String> aliases() {
    return aliases;
  }
}
