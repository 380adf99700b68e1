package dev.rdpdoctor.probe;

import java.security.cert.X509Certificate;
import java.util.List;

/** What a TLS handshake on the RDP port (or the gateway's) came to. */
sealed interface TlsOutcome {

  /** The certificates the server presented, leaf first; empty when none was seen. */
  List<X509Certificate> chain();

  /** A modern client's handshake (TLS 1.2 or 1.3) completed. */
  record Established(String version, String cipher, List<X509Certificate> chain) implements TlsOutcome {}

  /**
   * A modern client's handshake failed, but a TLS 1.0/1.1 hello got a server hello: the server
   * speaks only an old TLS version.
   */
  record LegacyOnly(String version, String cipher, List<X509Certificate> chain, String modernError)
      implements TlsOutcome {}

  /**
   * The handshake failed; {@code chain} holds the certificate if it came before the failure.
   * {@code refused}: the server answered with an alert, a hello the client refused, or a close,
   * rather than going quiet.
   */
  record Failed(String error, List<X509Certificate> chain, boolean refused) implements TlsOutcome {}
}
