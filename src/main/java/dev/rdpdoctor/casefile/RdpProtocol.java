package dev.rdpdoctor.casefile;

import dev.rdpdoctor.yaml.Spelled;
import java.util.List;

/** Security protocols of RDP_NEG_REQ / RDP_NEG_RSP (MS-RDPBCGR 2.2.1.1.1). */
public enum RdpProtocol implements Spelled {
  RDP("standard-rdp", "protocol-rdp"),
  TLS("ssl", "protocol-ssl"),
  CREDSSP("hybrid", "nla", "protocol-hybrid"),
  CREDSSP_EARLY_AUTH("hybrid-ex", "protocol-hybrid-ex"),
  RDSTLS("protocol-rdstls"),
  CLIENT_LIKE("client", "all");

  private final List<String> aliases;

  RdpProtocol(String... aliases) {
    this.aliases = List.of(aliases);
  }

  @Override
  public List<String> aliases() {
    return aliases;
  }
}
