package dev.rdpdoctor.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rdpdoctor.casefile.ProbedFacts;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The probe connects to the host (and gateway) the user named, on the ports named, and nowhere
 * else, whatever the servers answer.
 */
class ProbeReachTest {

  /** A listener on another port that counts whoever comes: it must stay at zero. */
  private static final class Canary implements AutoCloseable {
    final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    final AtomicInteger visits = new AtomicInteger();
    final Thread thread = new Thread(() -> {
      while (!socket.isClosed()) {
        try (Socket visitor = socket.accept()) {
          visits.incrementAndGet();
          visitor.getInputStream().available();
        } catch (IOException e) {
          return;
        }
      }
    });

    Canary() throws IOException {
      thread.setDaemon(true);
      thread.start();
    }

    String url() {
      return "http://127.0.0.1:" + socket.getLocalPort() + "/";
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }

  @Test
  void serversThatPointElsewhereAreNotFollowed() throws Exception {
    try (Canary canary = new Canary()) {
      // certificates whose CA-issuer, OCSP and CRL addresses are the canary, a gateway that
      // redirects to it, and an RDP server that also names it in its reply
      TestCertificates.Issued rdp = TestCertificates.certificate().subject("rdp01.corp.example").expiredDaysAgo(5)
          .pointingTo(canary.url()).make();
      TestCertificates.Issued gw = TestCertificates.certificate().subject("gw01.corp.example")
          .pointingTo(canary.url()).make();
      String redirect = "HTTP/1.1 302 Found\r\nLocation: " + canary.url() + "\r\nWWW-Authenticate: Negotiate\r\n"
          + "Refresh: 0; url=" + canary.url() + "\r\nContent-Length: 0\r\n\r\n";
      try (FakeRdpServer server = FakeRdpServer.start(WindowsPolicy.requiringNla().script(rdp.serverContext()));
          FakeGateway gateway = new FakeGateway(gw.serverContext(), redirect)) {
        StringWriter progress = new StringWriter();
        ProbedFacts facts = new Prober(Probes.QUICK, new Progress(new PrintWriter(progress)), Clock.systemUTC())
            .probe(new Target("rdp01.corp.example", server.port()), Optional.of(new Target("gw01.corp.example", gateway.port())));
        assertThat(Probes.raw(facts).gateway().httpStatus()).as(progress.toString()).isEqualTo(302L);
        assertThat(Probes.at(facts, "certificate.subject").asText()).isEqualTo("CN=rdp01.corp.example");
        Thread.sleep(200);
        assertThat(canary.visits).as("connections to an address a server named").hasValue(0);
        assertThat(progress.toString()).doesNotContain(":" + canary.socket.getLocalPort());
      }
    }
  }

  @Test
  void aConnectorReachesOnlyThePeerItWasMadeFor() throws Exception {
    try (Canary canary = new Canary()) {
      InetSocketAddress named = new InetSocketAddress(InetAddress.getLoopbackAddress(), canary.socket.getLocalPort());
      Connector connector = new Connector(named);
      assertThat(connector.peer()).isEqualTo(named);
      ConnectResult result = connector.connect(Deadline.after(Duration.ofSeconds(2)));
      assertThat(result).isInstanceOf(ConnectResult.Connected.class);
      ((ConnectResult.Connected) result).socket().close();
      assertThat(Connector.class.getDeclaredMethods()).as("no method takes another address")
          .noneMatch(m -> List.of(m.getParameterTypes()).contains(InetSocketAddress.class));
    }
  }

  /**
   * Only {@link Connector} opens a connection, and only {@link DnsLookup} looks a name up: no
   * other class of the tool can reach the network (TlsSession layers TLS over a connected socket).
   */
  @Test
  void onlyTheConnectorOpensConnections() throws IOException {
    Pattern connects = Pattern.compile("new Socket\\(|\\.connect\\(|SocketChannel\\.open|new DatagramSocket|new URL\\(|"
        + "\\.toURL\\(|openConnection|openStream|HttpClient\\.new|getAllByName|InetAddress\\.getByName|createSocket\\((?!\\s*raw,)");
    try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
      List<String> offenders = sources.filter(p -> p.toString().endsWith(".java"))
          .filter(p -> !p.endsWith(Path.of("probe/Connector.java")) && !p.endsWith(Path.of("probe/DnsLookup.java")))
          .filter(p -> {
            try {
              String code = Files.readString(p)
                  .replaceAll("connector\\.connect\\(|new Connector\\([^)]*\\)\\.connect\\(", "the connector's connect(");
              return connects.matcher(code).find();
            } catch (IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          })
          .map(Path::toString).toList();
      assertThat(offenders).containsExactlyInAnyOrder(
          "src/main/java/dev/rdpdoctor/probe/Target.java".replace('/', java.io.File.separatorChar),
          "src/main/java/dev/rdpdoctor/serve/ServeSettings.java".replace('/', java.io.File.separatorChar));
    }
    // serve's settings only parse the address literal it is to listen on, to know whether it is loopback
    assertThat(Files.readString(Path.of("src/main/java/dev/rdpdoctor/serve/ServeSettings.java")))
        .contains("// an address literal is parsed, never looked up")
        .contains("if (!host.matches(\"[0-9.]+|\\\\[?[0-9a-fA-F:]+]?\")) {");
    // Target only parses an address literal the user typed: no lookup happens for it
    assertThat(Files.readString(Path.of("src/main/java/dev/rdpdoctor/probe/Target.java")))
        .contains("return InetAddress.getByName(host); // an address literal: parsed, not looked up");
  }
}
