package dev.rdpdoctor.casefile;

import dev.rdpdoctor.yaml.Range;
import java.util.List;

/**
 * The RD Gateway as the probe saw it: {@code probe.gateway:}. The interpreted facts (the name
 * match the rules read) go in {@code path.gateway}.
 *
 * @param fqdn the gateway name probed, sent as SNI
 * @param tlsVersion the TLS version of the handshake on the gateway's port
 * @param certificate the certificate the gateway presented for that name
 * @param nameMatches the certificate covers {@code fqdn}
 * @param httpStatus the HTTP status of the unauthenticated RDG_OUT_DATA request
 * @param authSchemes the schemes of its {@code WWW-Authenticate} headers
 * @param rdGateway it answers like an RD Gateway: 401 with authentication schemes
 * @param error what failed, in words
 */
public record ProbeGateway(
    String fqdn,
    @Range(min = 1, max = 65535) Long port,
    String tlsVersion,
    String cipher,
    Certificate certificate,
    Boolean nameMatches,
    @Range(min = 100, max = 599) Long httpStatus,
    List<String> authSchemes,
    Boolean rdGateway,
    String error) {

  public ProbeGateway {
    authSchemes = authSchemes == null ? null : List.copyOf(authSchemes);
  }

  ProbeGateway withCertificate(Certificate seen) {
    return new ProbeGateway(fqdn, port, tlsVersion, cipher, seen, nameMatches, httpStatus,
        authSchemes, rdGateway, error);
  }
}
