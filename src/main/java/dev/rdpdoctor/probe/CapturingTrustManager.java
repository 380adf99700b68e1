package dev.rdpdoctor.probe;

import java.net.Socket;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts every server and keeps the chain it presented, so the probe can report on a
 * certificate a client would reject, even when the handshake fails afterwards. Extended, so
 * JSSE does not re-check the chain against its algorithm constraints (an MD5-signed
 * certificate must be reported, not refused).
 */
final class CapturingTrustManager extends X509ExtendedTrustManager {

  private volatile List<X509Certificate> chain = List.of();

  List<X509Certificate> chain() {
    return chain;
  }

  private void keep(X509Certificate[] presented) {
    chain = presented == null ? List.of() : List.of(presented);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] presented, String authType, Socket socket) {
    keep(presented);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] presented, String authType, SSLEngine engine) {
    keep(presented);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] presented, String authType) {
    keep(presented);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] presented, String authType, Socket socket) {
    throw new UnsupportedOperationException("the probe is a client");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] presented, String authType, SSLEngine engine) {
    throw new UnsupportedOperationException("the probe is a client");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] presented, String authType) {
    throw new UnsupportedOperationException("the probe is a client");
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return new X509Certificate[0];
  }
}
