package dev.rdpdoctor.probe;

import dev.rdpdoctor.yaml.Spelled;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Probes one host's RDP port: DNS, repeated TCP connects, one negotiation request per protocol
 * on a fresh connection each, and the TLS handshake on the first connection whose negotiation
 * selects a TLS-based protocol. Every step waits at most its share of the budget; a server that
 * never answers stops the requests after the first.
 */
final class RdpPortProbe {

  /** The requests, in the order they are sent and listed. */
  static final List<RdpProtocol> REQUESTS = List.of(RdpProtocol.RDP, RdpProtocol.TLS, RdpProtocol.CREDSSP,
      RdpProtocol.CREDSSP_EARLY_AUTH, RdpProtocol.RDSTLS, RdpProtocol.CLIENT_LIKE);

  private final ProbeSettings settings;
  private final Progress progress;
  private final Negotiator negotiator = new Negotiator();

  RdpPortProbe(ProbeSettings settings, Progress progress) {
    this.settings = settings;
    this.progress = progress;
  }

  Probe run(Target target) {
    Deadline overall = Deadline.after(settings.budget());
    ProbeDns dns = null;
    InetAddress address;
    if (target.isAddress()) {
      address = target.address();
      progress.say(target.host() + " is an address: no DNS lookup");
    } else {
      DnsLookup.Resolution resolution = new DnsLookup().resolve(target.host(), overall.capped(settings.step()));
      dns = resolution.fact();
      if (resolution.addresses().isEmpty()) {
        progress.say("dns " + target.host() + ": " + dns.error());
        return new Probe(target.toString(), dns, null, null, null, null);
      }
      address = resolution.addresses().get(0);
      progress.say("dns " + target.host() + " -> " + String.join(", ", dns.addresses()));
    }
    InetSocketAddress socketAddress = new InetSocketAddress(address, target.port());
    Connector connector = new Connector(socketAddress);
    TcpStats tcp = new TcpStats(target.port());
    connects(connector, tcp, overall);
    if (!tcp.anyConnected()) {
      return new Probe(target.toString(), dns, tcp.fact(), null, null, null);
    }
    List<ProbeNegotiation> negotiation = new ArrayList<>();
    ProbeTls tls = null;
    for (RdpProtocol offered : REQUESTS) {
      if (overall.passed()) {
        progress.say("out of time: " + (REQUESTS.size() - negotiation.size()) + " requests not sent");
        break;
      }
      pause(overall);
      ConnectResult connect = connector.connect(overall.capped(settings.step()));
      tcp.add(connect);
      if (connect instanceof ConnectResult.NotConnected failed) {
        negotiation.add(NegotiationFacts.couldNotConnect(offered, failed));
        progress.say(Spelled.spelling(offered) + " request: could not connect: " + failed.why());
        continue;
      }
      try (Socket socket = ((ConnectResult.Connected) connect).socket()) {
        NegotiationAnswer answer = negotiator.negotiate(socket, offered, overall.capped(settings.step()));
        ProbeNegotiation fact = NegotiationFacts.of(offered, answer);
        negotiation.add(fact);
        progress.say(Spelled.spelling(offered) + " request: " + NegotiationFacts.describe(fact));
        if (tls == null && answer instanceof NegotiationAnswer.Selected selected && selected.protocol() != 0) {
          tls = tls(target, socket, connector, offered, overall);
        }
        if (answer instanceof NegotiationAnswer.NoAnswer none && none.timedOut()) {
          progress.say("the server does not answer: the other requests are not sent");
          negotiation.set(negotiation.size() - 1, new ProbeNegotiation(offered, fact.result(), null, null,
              fact.detail() + "; the other requests were not sent"));
          break;
        }
      } catch (IOException e) {
        // closing a socket the probe is done with
      }
    }
    return new Probe(target.toString(), dns, tcp.fact(), negotiation, tls, null);
  }

  private void connects(Connector connector, TcpStats tcp, Deadline overall) {
    InetSocketAddress address = connector.peer();
    for (int i = 0; i < settings.tcpAttempts() && !overall.passed(); i++) {
      if (i > 0) {
        pause(overall);
      }
      ConnectResult attempt = connector.connect(overall.capped(settings.step()));
      tcp.add(attempt);
      if (attempt instanceof ConnectResult.Connected connected) {
        close(connected.socket());
        progress.say(String.format(Locale.ROOT, "tcp %s connected in %.1f ms", where(address), connected.millis()));
      } else if (attempt instanceof ConnectResult.NotConnected failed) {
        progress.say("tcp " + where(address) + ": " + failed.why());
        if (!tcp.anyConnected() && tcp.size() >= 2) {
          break; // twice and never connected: more attempts would only spend the budget
        }
      }
    }
  }

  private ProbeTls tls(Target target, Socket socket, Connector connector, RdpProtocol offered,
      Deadline overall) {
    String serverName = target.isAddress() ? null : target.host();
    TlsOutcome outcome;
    try (TlsSession session = new TlsSession()) {
      outcome = session.open(socket, serverName, overall.capped(settings.tlsStep()));
    }
    if (outcome instanceof TlsOutcome.Failed failed && failed.refused() && failed.chain().isEmpty() && !overall.passed()) {
      outcome = new LegacyTlsCheck(connector, negotiator, settings, progress)
          .check(offered, serverName, failed, overall);
    }
    ProbeTls fact = TlsFacts.of(outcome, target.host());
    progress.say("tls: " + TlsFacts.describe(fact));
    return fact;
  }

  private void pause(Deadline overall) {
    long millis = Math.min(settings.spacing().toMillis(), overall.remaining().toMillis());
    if (millis > 0) {
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static String where(InetSocketAddress address) {
    String host = address.getAddress().getHostAddress();
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
  }

  private static void close(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // nothing to do
    }
  }
}
