package dev.rdpdoctor.probe;

import static dev.rdpdoctor.probe.Probes.answer;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every answer a server can give to the negotiation, and every way it can fail to give one. */
class RdpPortProbeTest {

  private static SSLContext tls;

  @BeforeAll
  static void certificate() {
    tls = TestCertificates.certificate().make().serverContext();
  }

  private static FakeRdpServer.Script reply(String hex) {
    return c -> {
      c.readRequest();
      c.write(Hex.bytes(hex));
      c.holdUntilClosed();
    };
  }

  @Test
  void aServerThatRequiresNlaRefusesRequestsWithoutCredSsp() throws IOException {
    try (FakeRdpServer server = FakeRdpServer.start(WindowsPolicy.requiringNla().script(tls))) {
      Probe probe = Probes.rdp(server.target());
      assertThat(answer(probe, RdpProtocol.RDP).failure()).isEqualTo(NegotiationFailure.HYBRID_REQUIRED_BY_SERVER);
      assertThat(answer(probe, RdpProtocol.TLS).failure()).isEqualTo(NegotiationFailure.HYBRID_REQUIRED_BY_SERVER);
      assertThat(answer(probe, RdpProtocol.CREDSSP).selected()).isEqualTo(RdpProtocol.CREDSSP);
      assertThat(answer(probe, RdpProtocol.CREDSSP_EARLY_AUTH).selected()).isEqualTo(RdpProtocol.CREDSSP_EARLY_AUTH);
      assertThat(answer(probe, RdpProtocol.RDSTLS).selected()).isEqualTo(RdpProtocol.RDSTLS);
      assertThat(answer(probe, RdpProtocol.CLIENT_LIKE).selected()).isEqualTo(RdpProtocol.CREDSSP_EARLY_AUTH);
      assertThat(probe.tls().version()).startsWith("TLSv1.");
      assertThat(probe.tls().error()).isNull();
      assertThat(server.requested).containsExactly(0x00, 0x01, 0x03, 0x08, 0x04, 0x0b);
    }
  }

  @Test
  void eachRequestGoesOnItsOwnConnectionAndCarriesNoCredentials() throws IOException {
    try (FakeRdpServer server = FakeRdpServer.start(WindowsPolicy.negotiateWithoutNla().script(tls))) {
      Probe probe = Probes.rdp(server.target());
      assertThat(probe.negotiation()).hasSize(6);
      assertThat(probe.tcp().attempts()).isEqualTo(2 + 6);
      assertThat(server.requests).hasSize(6).allSatisfy(r -> {
        String text = new String(r, StandardCharsets.ISO_8859_1);
        assertThat(text).contains("Cookie: mstshash=rdpdoctor\r\n");
        assertThat(r).hasSize(44 - "eltons".length() + "rdpdoctor".length());
      });
    }
  }

  @Test
  void aServerThatNegotiatesAcceptsStandardRdpAndTls() throws IOException {
    try (FakeRdpServer server = FakeRdpServer.start(WindowsPolicy.negotiateWithoutNla().script(tls))) {
      Probe probe = Probes.rdp(server.target());
      assertThat(answer(probe, RdpProtocol.RDP).selected()).isEqualTo(RdpProtocol.RDP);
      assertThat(answer(probe, RdpProtocol.TLS).selected()).isEqualTo(RdpProtocol.TLS);
      assertThat(answer(probe, RdpProtocol.CREDSSP).selected()).isEqualTo(RdpProtocol.CREDSSP);
    }
  }

  @Test
  void aServerOnStandardRdpSecurityRefusesTls() throws IOException {
    try (FakeRdpServer server = FakeRdpServer.start(WindowsPolicy.rdpOnly().script(tls))) {
      Probe probe = Probes.rdp(server.target());
      assertThat(answer(probe, RdpProtocol.RDP).selected()).isEqualTo(RdpProtocol.RDP);
      assertThat(answer(probe, RdpProtocol.TLS).failure()).isEqualTo(NegotiationFailure.SSL_NOT_ALLOWED_BY_SERVER);
      assertThat(answer(probe, RdpProtocol.CLIENT_LIKE).failure()).isEqualTo(NegotiationFailure.SSL_NOT_ALLOWED_BY_SERVER);
      assertThat(probe.tls()).as("no TLS without a TLS-based selection").isNull();
    }
  }

  @Test
  void aServerOnTlsRefusesStandardRdp() throws IOException {
    try (FakeRdpServer server = FakeRdpServer.start(WindowsPolicy.tlsWithoutNla().script(tls))) {
      Probe probe = Probes.rdp(server.target());
      assertThat(answer(probe, RdpProtocol.RDP).failure()).isEqualTo(NegotiationFailure.SSL_REQUIRED_BY_SERVER);
      assertThat(answer(probe, RdpProtocol.TLS).selected()).isEqualTo(RdpProtocol.TLS);
    }
  }

  @Test
  void aServerWithoutItsCertificateSaysSo() throws IOException {
    try (FakeRdpServer server = FakeRdpServer.start(WindowsPolicy.requiringNla().withCertificateMissing().script(tls))) {
      Probe probe = Probes.rdp(server.target());
      assertThat(answer(probe, RdpProtocol.CREDSSP).failure()).isEqualTo(NegotiationFailure.SSL_CERT_NOT_ON_SERVER);
      assertThat(answer(probe, RdpProtocol.CLIENT_LIKE).failure()).isEqualTo(NegotiationFailure.SSL_CERT_NOT_ON_SERVER);
      assertThat(probe.tls()).isNull();
    }
  }

  @ParameterizedTest
  @EnumSource(NegotiationFailure.class)
  void reportsEveryFailureCodeByName(NegotiationFailure failure) throws IOException {
    int code = failure.ordinal() + 1;
    try (FakeRdpServer server = FakeRdpServer.start(reply(Hex.of(FakeRdpServer.confirm(0x03, 0, code))))) {
      Probe probe = Probes.rdp(server.target());
      assertThat(probe.negotiation()).hasSize(6).allSatisfy(n -> {
        assertThat(n.result()).isEqualTo(NegotiationResult.FAILURE);
        assertThat(n.failure()).isEqualTo(failure);
      });
    }
  }

  @Test
  void anUndefinedFailureCodeIsAFailureWithItsNumber() throws IOException {
    try (FakeRdpServer server = FakeRdpServer.start(reply("03 00 00 13 0e d0 00 00 12 34 00 03 00 08 00 09 00 00 00"))) {
      ProbeNegotiation n = answer(Probes.rdp(server.target()), RdpProtocol.TLS);
      assertThat(n.result()).isEqualTo(NegotiationResult.FAILURE);
      assertThat(n.failure()).isNull();
      assertThat(n.detail()).isEqualTo("failure code 0x9, which the specification does not define");
    }
  }

  @Test
  void aServerThatSelectsStandardRdpForEverythingIsReportedAsSelectingIt() throws IOException {
    // xrdp with security_layer=rdp answers this way instead of SSL_NOT_ALLOWED_BY_SERVER
    try (FakeRdpServer server = FakeRdpServer.start(reply("03 00 00 13 0e d0 00 00 12 34 00 02 01 08 00 00 00 00 00"))) {
      Probe probe = Probes.rdp(server.target());
      ProbeNegotiation n = answer(probe, RdpProtocol.TLS);
      assertThat(n.result()).isEqualTo(NegotiationResult.SELECTED);
      assertThat(n.selected()).isEqualTo(RdpProtocol.RDP);
      assertThat(n.detail()).isEqualTo("the server chose standard RDP security instead of a protocol offered");
      assertThat(answer(probe, RdpProtocol.RDP).detail()).isNull();
      assertThat(probe.tls()).isNull();
    }
  }

  @Test
  void aSelectionThatWasNotOfferedIsNoted() throws IOException {
    try (FakeRdpServer server = FakeRdpServer.start(c -> {
      c.readRequest();
      c.selected(0x02, 0); // CredSSP, whatever was asked
      c.serveTls(tls);
    })) {
      ProbeNegotiation n = answer(Probes.rdp(server.target()), RdpProtocol.RDSTLS);
      assertThat(n.selected()).isEqualTo(RdpProtocol.CREDSSP);
      assertThat(n.detail()).isEqualTo("the server selected credssp, which was not offered");
    }
  }

  @Test
  void aConfirmWithoutNegotiationDataIsALegacyServer() throws IOException {
    try (FakeRdpServer server = FakeRdpServer.start(reply("03 00 00 0b 06 d0 00 00 12 34 00"))) {
      assertThat(Probes.rdp(server.target()).negotiation()).hasSize(6)
          .allSatisfy(n -> assertThat(n.result()).isEqualTo(NegotiationResult.LEGACY));
    }
  }

  @Test
  void somethingThatIsNotRdpIsReportedAsSuch() throws IOException {
    String http = Hex.of("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    try (FakeRdpServer server = FakeRdpServer.start(reply(http))) {
      Probe probe = Probes.rdp(server.target());
      assertThat(probe.tcp().outcome()).isEqualTo(TcpOutcome.CONNECTED);
      assertThat(probe.negotiation()).hasSize(6).allSatisfy(n -> {
        assertThat(n.result()).isEqualTo(NegotiationResult.NOT_RDP);
        assertThat(n.detail()).isEqualTo("the reply starts with 0x48 ('HTTP'), not a TPKT header (0x03)");
      });
    }
  }

  @Test
  void anEnormousLengthFieldIsRefusedBeforeAnythingIsAllocated() throws IOException {
    try (FakeRdpServer server = FakeRdpServer.start(reply("03 00 ff ff 0e d0 00 00"))) {
      ProbeNegotiation n = answer(Probes.rdp(server.target()), RdpProtocol.RDP);
      assertThat(n.result()).isEqualTo(NegotiationResult.NOT_RDP);
      assertThat(n.detail()).isEqualTo("the TPKT length field says 65535 bytes, more than any Connection Confirm (1024 at most)");
    }
  }

  @Test
  void aTpduThatIsNotAConnectionConfirmIsNotRdp() throws IOException {
    try (FakeRdpServer server = FakeRdpServer.start(reply("03 00 00 13 0e f0 00 00 12 34 00 02 00 08 00 00 00 00 00"))) {
      ProbeNegotiation n = answer(Probes.rdp(server.target()), RdpProtocol.RDP);
      assertThat(n.result()).isEqualTo(NegotiationResult.NOT_RDP);
      assertThat(n.detail()).contains("not a Connection Confirm");
    }
  }

  @Test
  void aServerThatClosesWithoutAnsweringGivesNoAnswerToEveryRequest() throws IOException {
    try (FakeRdpServer server = FakeRdpServer.start(c -> c.readRequest())) {
      Probe probe = Probes.rdp(server.target());
      assertThat(probe.negotiation()).hasSize(6).allSatisfy(n -> {
        assertThat(n.result()).isEqualTo(NegotiationResult.NO_ANSWER);
        assertThat(n.detail()).isEqualTo("the server closed the connection without answering");
      });
    }
  }

  @Test
  void aReplyCutShortIsNoAnswerWithHowMuchCame() throws IOException {
    try (FakeRdpServer server = FakeRdpServer.start(c -> {
      c.readRequest();
      c.write(Hex.bytes("03 00 00 13 0e d0 00"));
    })) {
      ProbeNegotiation n = answer(Probes.rdp(server.target()), RdpProtocol.RDP);
      assertThat(n.result()).isEqualTo(NegotiationResult.NO_ANSWER);
      assertThat(n.detail()).isEqualTo("the server closed the connection after 7 of 19 bytes");
    }
  }

  @Test
  void aServerThatNeverAnswersCostsOneStepAndStopsTheRequests() throws IOException {
    try (FakeRdpServer server = FakeRdpServer.start(c -> {
      c.readRequest();
      c.holdUntilClosed();
    })) {
      long start = System.nanoTime();
      Probe probe = Probes.rdp(server.target());
      double seconds = (System.nanoTime() - start) / 1e9;
      assertThat(probe.negotiation()).hasSize(1);
      assertThat(probe.negotiation().get(0).result()).isEqualTo(NegotiationResult.NO_ANSWER);
      assertThat(probe.negotiation().get(0).detail()).matches("no answer within \\d+ ms; the other requests were not sent");
      assertThat(seconds).isBetween(1.9, 3.0);
    }
  }

  @Test
  void aServerThatDripsOneByteAtATimeIsCutOffAtTheStepDeadline() throws IOException {
    byte[] confirm = FakeRdpServer.confirm(0x02, 0, 0);
    try (FakeRdpServer server = FakeRdpServer.start(c -> {
      c.readRequest();
      for (byte b : confirm) {
        c.write(new byte[] {b});
        try {
          Thread.sleep(300);
        } catch (InterruptedException e) {
          return;
        }
      }
    })) {
      long start = System.nanoTime();
      Probe probe = Probes.rdp(server.target());
      double seconds = (System.nanoTime() - start) / 1e9;
      assertThat(probe.negotiation().get(0).result()).isEqualTo(NegotiationResult.NO_ANSWER);
      assertThat(probe.negotiation().get(0).detail())
          .matches("no complete answer within \\d+ ms \\(\\d+ bytes came\\); the other requests were not sent");
      assertThat(seconds).isLessThan(3.0);
    }
  }

  @Test
  void aClosedPortIsRefusedAndNothingIsNegotiated() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    Probe probe = Probes.rdp(new Target("127.0.0.1", port));
    assertThat(probe.tcp().outcome()).isEqualTo(TcpOutcome.REFUSED);
    assertThat(probe.tcp().attempts()).isEqualTo(2);
    assertThat(probe.tcp().failures()).isEqualTo(2);
    assertThat(probe.tcp().lossPercent()).as("no loss estimate without a connect").isNull();
    assertThat(probe.negotiation()).isNull();
  }

  @Test
  void aPortThatDropsConnectsTimesOutWithinTheBudget() throws IOException {
    // a listener that never accepts, its backlog filled: Linux then drops further SYNs
    try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      List<Socket> held = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        Socket s = new Socket();
        try {
          s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), full.getLocalPort()), 300);
        } catch (IOException e) {
          // the backlog is full already
        }
        held.add(s);
      }
      try {
        long start = System.nanoTime();
        Probe probe = Probes.rdp(new Target("127.0.0.1", full.getLocalPort()));
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(probe.tcp().outcome()).isEqualTo(TcpOutcome.TIMED_OUT);
        assertThat(probe.negotiation()).isNull();
        assertThat(seconds).isLessThan(Probes.QUICK.budget().toSeconds());
      } finally {
        for (Socket s : held) {
          s.close();
        }
      }
    }
  }

  @Test
  void aNameIsResolvedAndItsAddressesKept() throws IOException {
    try (FakeRdpServer server = FakeRdpServer.start(WindowsPolicy.requiringNla().script(tls))) {
      Probe probe = Probes.rdp(server.target("rdp01.corp.example"));
      assertThat(probe.dns().name()).isEqualTo("rdp01.corp.example");
      assertThat(probe.dns().addresses()).containsExactly("127.0.0.1");
      assertThat(probe.dns().error()).isNull();
    }
  }

  @Test
  void aNameThatDoesNotResolveStopsTheProbe() {
    Probe probe = Probes.rdp(new Target("nowhere.corp.example", 3389));
    assertThat(probe.dns().error()).isEqualTo("the name does not resolve (unknown host)");
    assertThat(probe.dns().addresses()).isNull();
    assertThat(probe.tcp()).isNull();
  }

  @Test
  void anAddressNeedsNoLookup() throws IOException {
    try (FakeRdpServer server = FakeRdpServer.start(WindowsPolicy.requiringNla().script(tls))) {
      assertThat(Probes.rdp(server.target()).dns()).isNull();
    }
  }

  @Test
  void estimatesLossAndJitterFromEveryConnect() throws IOException {
    try (FakeRdpServer server = FakeRdpServer.start(WindowsPolicy.requiringNla().script(tls))) {
      Probe probe = Probes.rdp(server.target());
      assertThat(probe.tcp().attempts()).isEqualTo(8);
      assertThat(probe.tcp().failures()).isZero();
      assertThat(probe.tcp().lossPercent()).isZero();
      assertThat(probe.tcp().jitterMs()).isNotNull().isNotNegative();
      assertThat(probe.tcp().connectMs()).isPositive();
    }
  }
}
