package dev.rdpdoctor.knowledge;

import dev.rdpdoctor.yaml.Spelled;
import java.util.List;

/** What a fix needs restarted, in increasing disruption. */
public enum Restart implements Spelled {
  NONE("no"),
  CLIENT("client-restart"),
  SERVICE("service-restart"),
  REBOOT("restart", "host-reboot");

  private final List<String> aliases;

  Restart(String... aliases) {
    this.aliases = List.of(aliases);
  }

  @Override
  public List<String> aliases() {
    return aliases;
  }
}
