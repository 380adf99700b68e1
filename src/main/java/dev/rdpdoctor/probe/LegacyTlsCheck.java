package dev.rdpdoctor.probe;

import java.io.IOException;
import java.net.Socket;

/**
 * After a modern handshake failed without a certificate: a fresh connection, the same
 * negotiation, then a TLS 1.0/1.1 hello. A server hello in reply means the server speaks only
 * an old TLS version, which is reported as such; anything else keeps the first failure.
 */
final class LegacyTlsCheck {

  private final Connector connector;
  private final Negotiator negotiator;
  private final ProbeSettings settings;
  private final Progress progress;

  LegacyTlsCheck(Connector connector, Negotiator negotiator, ProbeSettings settings, Progress progress) {
    this.connector = connector;
    this.negotiator = negotiator;
    this.settings = settings;
    this.progress = progress;
  }

  TlsOutcome check(RdpProtocol offered, String serverName,
      TlsOutcome.Failed modern, Deadline overall) {
    progress.say("tls: " + modern.error() + "; trying a TLS 1.0/1.1 hello");
    if (!(connector.connect(overall.capped(settings.step())) instanceof ConnectResult.Connected connected)) {
      return modern;
    }
    try (Socket socket = connected.socket()) {
      if (!(negotiator.negotiate(socket, offered, overall.capped(settings.step()))
          instanceof NegotiationAnswer.Selected selected) || selected.protocol() == 0) {
        return modern;
      }
      LegacyTlsHello.Reply reply = new LegacyTlsHello().exchange(socket, serverName, overall.capped(settings.tlsStep()));
      if (reply instanceof LegacyTlsHello.Reply.ServerHello hello && hello.version() < 0x0303) {
        return new TlsOutcome.LegacyOnly(
            LegacyTlsHello.VERSIONS.getOrDefault(hello.version(), String.format("0x%04x", hello.version())),
            LegacyTlsHello.SUITES.getOrDefault(hello.cipher(), String.format("0x%04x", hello.cipher())),
            hello.chain(), modern.error());
      }
      if (reply instanceof LegacyTlsHello.Reply.Refused refused) {
        progress.say("tls: " + refused.why());
      }
      return modern;
    } catch (IOException e) {
      return modern;
    }
  }
}
