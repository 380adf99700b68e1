package dev.rdpdoctor.casefile;

import dev.rdpdoctor.yaml.Spelled;
import java.util.List;

/** RDP_NEG_FAILURE codes (MS-RDPBCGR 2.2.1.2.2). */
public enum NegotiationFailure implements Spelled {
  SSL_REQUIRED_BY_SERVER("1"),
  SSL_NOT_ALLOWED_BY_SERVER("2"),
  SSL_CERT_NOT_ON_SERVER("3"),
  INCONSISTENT_FLAGS("4"),
  HYBRID_REQUIRED_BY_SERVER("5"),
  SSL_WITH_USER_AUTH_REQUIRED_BY_SERVER("6");

  private final List<String> aliases;

  NegotiationFailure(String... aliases) {
    this.aliases = List.of(aliases);
  }

  @Override
  public List<String> aliases() {
    return aliases;
  }
}
