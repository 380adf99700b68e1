package dev.rdpdoctor.casefile;

import java.util.List;

/**
 * An RD Gateway (or AVD gateway) on the path: {@code path.gateway:}.
 *
 * @param fqdn the name the client connects to
 * @param certificateNames the subject CN and SANs of the gateway's certificate
 * @param nameMatches whether a certificate name covers the FQDN; worked out from the two above
 *     when not stated
 */
public record Gateway(String fqdn, List<String> certificateNames, Boolean nameMatches) {

  public Gateway {
    certificateNames = certificateNames == null ? null : List.copyOf(certificateNames);
  }

  static Gateway unknown() {
    return new Gateway(null, null, null);
  }
}
