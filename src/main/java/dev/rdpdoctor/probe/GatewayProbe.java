package dev.rdpdoctor.probe;

import dev.rdpdoctor.yaml.Excerpt;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import javax.net.ssl.SSLSocket;

/**
 * Probes an RD Gateway: a TLS handshake on its port with SNI for its name, its certificate and
 * whether the certificate covers that name, then the unauthenticated first request of the HTTP
 * transport (MS-TSGU 4.2.1, {@code RDG_OUT_DATA}). An RD Gateway answers it with 401 and the
 * authentication schemes it accepts; the probe reads that answer and closes. No credentials are
 * sent.
 */
final class GatewayProbe {

  private final ProbeSettings settings;
  private final Progress progress;

  GatewayProbe(ProbeSettings settings, Progress progress) {
    this.settings = settings;
    this.progress = progress;
  }

  ProbeGateway run(Target gateway) {
    Deadline overall = Deadline.after(settings.budget());
    long port = gateway.port();
    InetSocketAddress address;
    if (gateway.isAddress()) {
      address = new InetSocketAddress(gateway.host(), gateway.port());
    } else {
      DnsLookup.Resolution resolution = new DnsLookup().resolve(gateway.host(), overall.capped(settings.step()));
      if (resolution.addresses().isEmpty()) {
        return failed(gateway, "the gateway name: " + resolution.fact().error());
      }
      address = new InetSocketAddress(resolution.addresses().get(0), gateway.port());
    }
    ConnectResult connect = new Connector(address).connect(overall.capped(settings.step()));
    if (connect instanceof ConnectResult.NotConnected refused) {
      return failed(gateway, "the connect to " + gateway + " failed: " + refused.why());
    }
    Socket raw = ((ConnectResult.Connected) connect).socket();
    String serverName = gateway.isAddress() ? null : gateway.host();
    try (TlsSession session = new TlsSession(); raw) {
      TlsOutcome outcome = session.open(raw, serverName, overall.capped(settings.tlsStep()));
      Certificate certificate = outcome.chain().isEmpty() ? null : CertificateFacts.of(outcome.chain().get(0));
      Boolean nameMatches = certificate == null ? null : NameMatch.of(gateway.host(), certificate.names());
      if (!(outcome instanceof TlsOutcome.Established established)) {
        String error = ((TlsOutcome.Failed) outcome).error();
        progress.say("gateway " + gateway + ": " + error);
        return new ProbeGateway(gateway.host(), port, null, null, certificate, nameMatches, null, null, null, error);
      }
      progress.say("gateway " + gateway + ": " + established.version() + ", certificate "
          + (certificate == null ? "none" : Excerpt.of(certificate.subject()) + (Boolean.FALSE.equals(nameMatches)
              ? ", name does not match" : Boolean.TRUE.equals(nameMatches) ? ", name matches" : "")));
      HttpReply reply;
      Deadline step = overall.capped(settings.step());
      SocketGuard guard = SocketGuard.arm(raw, step);
      try {
        reply = request(session.socket(), gateway, step);
      } catch (IOException e) {
        return new ProbeGateway(gateway.host(), port, established.version(), established.cipher(), certificate,
            nameMatches, null, null, null, guard.fired() || e instanceof SocketTimeoutException
                ? "no complete HTTP answer to RDG_OUT_DATA within the time allowed"
                : "no HTTP answer to RDG_OUT_DATA: " + e.getMessage());
      } finally {
        guard.close();
      }
      boolean rdGateway = reply.status() == 401 && !reply.authSchemes().isEmpty();
      progress.say("gateway " + gateway + ": RDG_OUT_DATA -> " + reply.status()
          + (reply.authSchemes().isEmpty() ? "" : " " + Excerpt.of(String.join(", ", reply.authSchemes())))
          + (rdGateway ? " (answers like an RD Gateway)" : " (does not answer like an RD Gateway)"));
      return new ProbeGateway(gateway.host(), port, established.version(), established.cipher(), certificate,
          nameMatches, (long) reply.status(), reply.authSchemes(), rdGateway, null);
    } catch (IOException e) {
      return failed(gateway, "the connection to the gateway failed: " + e.getMessage());
    }
  }

  private static HttpReply request(SSLSocket tls, Target gateway, Deadline deadline) throws IOException {
    String request = "RDG_OUT_DATA /remoteDesktopGateway/ HTTP/1.1\r\n"
        + "Host: " + gateway.host() + "\r\n"
        + "Accept: */*\r\n"
        + "Cache-Control: no-cache\r\n"
        + "Pragma: no-cache\r\n"
        + "Connection: Keep-Alive\r\n"
        + "Content-Length: 0\r\n"
        + "User-Agent: MS-RDGateway/1.0\r\n"
        + "RDG-Connection-Id: {" + UUID.randomUUID() + "}\r\n"
        + "\r\n";
    tls.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
    tls.getOutputStream().flush();
    return HttpReply.read(tls, deadline);
  }

  private ProbeGateway failed(Target gateway, String error) {
    progress.say("gateway " + gateway + ": " + error);
    return new ProbeGateway(gateway.host(), (long) gateway.port(), null, null, null, null, null, null, null, error);
  }
}
