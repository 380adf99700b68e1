package dev.rdpdoctor.casefile;

import dev.rdpdoctor.yaml.Spelled;
import java.util.List;

/** What a TCP connect to the RDP port did. */
public enum TcpOutcome implements Spelled {
  CONNECTED("open", "ok"),
  REFUSED("closed", "reset"),
  TIMED_OUT("timeout", "filtered"),
  UNREACHABLE("no-route");

  private final List<String> aliases;

  TcpOutcome(String... aliases) {
    this.aliases = List.of(aliases);
  }

  @Override
  public List<String> aliases() {
    return aliases;
  }
}
