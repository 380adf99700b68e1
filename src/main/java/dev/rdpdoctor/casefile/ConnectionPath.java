package dev.rdpdoctor.casefile;

/**
 * How the client reaches the host: {@code path:}.
 *
 * @param kind direct, VPN, RD Gateway, AVD or an Azure public address
 * @param target the host name or address the client connects to
 * @param gateway the RD Gateway, when there is one
 */
public record ConnectionPath(PathKind kind, String target, Gateway gateway) {

  static ConnectionPath unknown() {
    return new ConnectionPath(null, null, null);
  }
}
