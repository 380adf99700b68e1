package dev.rdpdoctor.casefile;

import dev.rdpdoctor.yaml.Spelled;
import java.util.List;

/** The RDP-Tcp SecurityLayer setting: 0 RDP, 1 Negotiate, 2 TLS. */
public enum SecurityLayer implements Spelled {
  RDP("0", "rdp-security-layer", "native"),
  NEGOTIATE("1"),
  TLS("2", "ssl");

  private final List<String> aliases;

  SecurityLayer(String... aliases) {
    this.aliases = List.of(aliases);
  }

  @Override
  public List<String> aliases() {
    return aliases;
  }
}
