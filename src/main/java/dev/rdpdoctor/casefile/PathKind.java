package dev.rdpdoctor.casefile;

import dev.rdpdoctor.yaml.Spelled;
import java.util.List;

/** The route from client to host. */
public enum PathKind implements Spelled {
  DIRECT("lan", "local"),
  VPN,
  RD_GATEWAY("gateway", "rdg", "rds-gateway", "remote-desktop-gateway"),
  AVD("azure-virtual-desktop", "wvd", "windows-365", "w365"),
  AZURE("azure-public-ip", "azure-vm", "public-ip");

  private final List<String> aliases;

  PathKind(String... aliases) {
    this.aliases = List.of(aliases);
  }

  @Override
  public List<String> aliases() {
    return aliases;
  }
}
