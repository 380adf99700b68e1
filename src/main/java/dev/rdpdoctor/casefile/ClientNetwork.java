package dev.rdpdoctor.casefile;

import dev.rdpdoctor.yaml.Spelled;
import java.util.List;

/** How the client reaches the network. */
public enum ClientNetwork implements Spelled {
  WIRED("ethernet", "lan"),
  WI_FI("wifi", "wlan", "wireless"),
  VPN,
  CELLULAR("mobile", "lte", "5g", "4g", "tethered");

  private final List<String> aliases;

  ClientNetwork(String... aliases) {
    this.aliases = List.of(aliases);
  }

  @Override
  public List<String> aliases() {
    return aliases;
  }
}
