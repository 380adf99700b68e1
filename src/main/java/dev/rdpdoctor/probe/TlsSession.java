package dev.rdpdoctor.probe;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;

/**
 * A TLS client session, opened as a current RDP client makes it (TLS 1.2 or 1.3), on a socket that
 * already carries the X.224 exchange. SNI is set explicitly, so a single-label name is sent too;
 * the chain is captured, never trusted or refused. The probe closes right after the handshake:
 * CredSSP never starts, and no credentials are sent.
 */
final class TlsSession implements AutoCloseable {

  static final List<String> MODERN = List.of("TLSv1.3", "TLSv1.2");

  private SSLSocket socket;

  /** The TLS socket, once {@link #open} established it. */
  SSLSocket socket() {
    return socket;
  }

  @Override
  public void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException e) {
        // done with it
      }
    }
  }

  TlsOutcome open(Socket raw, String serverName, Deadline deadline) {
    CapturingTrustManager trust = new CapturingTrustManager();
    long start = System.nanoTime();
    try (SocketGuard guard = SocketGuard.arm(raw, deadline)) {
      try {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {trust}, null);
        SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(
            raw, serverName == null ? raw.getInetAddress().getHostAddress() : serverName, raw.getPort(), true);
        tls.setUseClientMode(true);
        tls.setEnabledProtocols(MODERN.stream()
            .filter(p -> Arrays.asList(tls.getSupportedProtocols()).contains(p))
            .toArray(String[]::new));
        SSLParameters parameters = tls.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm(null);
        parameters.setServerNames(sni(serverName));
        tls.setSSLParameters(parameters);
        tls.setSoTimeout(deadline.millisLeft());
        tls.startHandshake();
        socket = tls;
        SSLSession session = tls.getSession();
        return new TlsOutcome.Established(session.getProtocol(), session.getCipherSuite(), trust.chain());
      } catch (SocketTimeoutException e) {
        return new TlsOutcome.Failed("no TLS answer within " + millis(start) + " ms", trust.chain(), false);
      } catch (SSLException e) {
        return guard.fired()
            ? new TlsOutcome.Failed("the TLS handshake did not finish within " + millis(start) + " ms", trust.chain(), false)
            : new TlsOutcome.Failed(describe(e), trust.chain(), true);
      } catch (IOException e) {
        return new TlsOutcome.Failed(guard.fired() ? "the TLS handshake did not finish within " + millis(start) + " ms"
            : "the connection failed during the TLS handshake: " + e.getMessage(), trust.chain(), false);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("this Java has no TLS client: " + e.getMessage(), e);
      }
    }
  }

  /** SNI for a host name, single-label ones included; none for an address. */
  static List<SNIServerName> sni(String serverName) {
    if (serverName == null || Target.isAddressLiteral(serverName)) {
      return List.of();
    }
    try {
      return List.of(new SNIHostName(serverName));
    } catch (IllegalArgumentException e) {
      return List.of();
    }
  }

  private static String describe(SSLException e) {
    String message = String.valueOf(e.getMessage());
    String lower = message.toLowerCase(Locale.ROOT);
    if (lower.contains("protocol_version") || lower.contains("not accepted by client preferences")
        || lower.contains("no appropriate protocol")) {
      return "the server refused TLS 1.2 and 1.3 (" + message + ")";
    }
    if (lower.contains("remote host terminated") || lower.contains("unexpected end")) {
      return "the server closed the connection during the TLS handshake";
    }
    return "the TLS handshake failed: " + message;
  }

  private static long millis(long start) {
    return Math.round((System.nanoTime() - start) / 1_000_000.0);
  }
}
