package dev.rdpdoctor.casefile;

import dev.rdpdoctor.yaml.Spelled;
import java.util.List;

/** How the server answered one X.224 Connection Request. */
public enum NegotiationResult implements Spelled {
  SELECTED("accepted", "response"),
  FAILURE("failed", "refused"),
  LEGACY("no-negotiation"),
  NOT_RDP("garbage"),
  NO_ANSWER("closed", "silent", "timeout");

  private final List<String> aliases;

  NegotiationResult(String... aliases) {
    this.aliases = List.of(aliases);
  }

  @Override
  public List<String> aliases() {
    return aliases;
  }
}
