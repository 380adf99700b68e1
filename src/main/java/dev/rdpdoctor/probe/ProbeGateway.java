package dev.rdpdoctor.probe;

import java.util.List;

/**
 * The RD Gateway as the probe saw it: {@code probe.gateway}. What the rules read of it (the
 * gateway's name and certificate names) is written in {@code path.gateway}.
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
record ProbeGateway(
    String fqdn,
    Long port,
    String tlsVersion,
    String cipher,
    Certificate certificate,
    Boolean nameMatches,
    Long httpStatus,
    List<String> authSchemes,
    Boolean rdGateway,
    String error) {

  ProbeGateway {
    authSchemes = authSchemes == null ? null : List.copyOf(authSchemes);
  }
}
