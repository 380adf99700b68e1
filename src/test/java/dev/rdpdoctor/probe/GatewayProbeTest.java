package dev.rdpdoctor.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GatewayProbeTest {

  private static TestCertificates.Issued gatewayCertificate;

  @BeforeAll
  static void certificate() {
    gatewayCertificate = TestCertificates.certificate().subject("gw01.corp.example").dns("gw01.corp.example").make();
  }

  private static ProbeGateway probe(Target gateway) {
    return new GatewayProbe(Probes.QUICK, Progress.silent()).run(gateway);
  }

  @Test
  void anRdGatewayAnswersTheUnauthenticatedRequestWith401AndItsSchemes() throws IOException {
    try (FakeGateway gateway = new FakeGateway(gatewayCertificate.serverContext(), FakeGateway.RD_GATEWAY_401)) {
      ProbeGateway seen = probe(new Target("gw01.corp.example", gateway.port()));
      assertThat(seen.fqdn()).isEqualTo("gw01.corp.example");
      assertThat(seen.port()).isEqualTo(gateway.port());
      assertThat(seen.tlsVersion()).startsWith("TLSv1.");
      assertThat(seen.cipher()).startsWith("TLS_");
      assertThat(seen.certificate().subject()).isEqualTo("CN=gw01.corp.example");
      assertThat(seen.nameMatches()).isTrue();
      assertThat(seen.httpStatus()).isEqualTo(401);
      assertThat(seen.authSchemes()).containsExactly("Negotiate", "NTLM");
      assertThat(seen.rdGateway()).isTrue();
      assertThat(seen.error()).isNull();
      assertThat(gateway.sniNames).containsExactly("gw01.corp.example");
    }
  }

  @Test
  void aReplyOfBlankLinesIsNotHttpRatherThanAFault() throws IOException {
    // found by GatewayReplyFuzzTest: a reply of "\n" split into no lines at all
    try (FakeGateway gateway = new FakeGateway(gatewayCertificate.serverContext(), "\n\r\n\r\n")) {
      ProbeGateway seen = probe(new Target("gw01.corp.example", gateway.port()));
      assertThat(seen.httpStatus()).isNull();
      assertThat(seen.error()).isEqualTo("no HTTP answer to RDG_OUT_DATA: the reply is not HTTP: ''");
    }
  }

  @Test
  void aStatusOutsideHttpsRangeIsNotHttpSoTheProbesFileStillReads() throws IOException {
    for (String status : new String[] {"999", "600", "099", "000"}) {
      try (FakeGateway gateway = new FakeGateway(gatewayCertificate.serverContext(),
          "HTTP/1.1 " + status + " Odd\r\nWWW-Authenticate: Negotiate\r\n\r\n")) {
        Target target = new Target("gw01.corp.example", gateway.port());
        ProbeGateway seen = probe(target);
        assertThat(seen.httpStatus()).as(status).isNull();
        assertThat(seen.error()).as(status).isEqualTo("no HTTP answer to RDG_OUT_DATA: the reply is not HTTP: 'HTTP/1.1 "
            + status + " Odd'");
        ProbeRoundTrip.check(target, new Probe(target.toString(), null, null, null, null, seen));
      }
    }
  }

  @Test
  void theRequestIsRdgOutDataAndCarriesNoCredentials() throws IOException {
    try (FakeGateway gateway = new FakeGateway(gatewayCertificate.serverContext(), FakeGateway.RD_GATEWAY_401)) {
      probe(new Target("gw01.corp.example", gateway.port()));
      assertThat(gateway.requests).hasSize(1);
      String request = gateway.requests.get(0);
      assertThat(request).startsWith("RDG_OUT_DATA /remoteDesktopGateway/ HTTP/1.1\r\n")
          .contains("Host: gw01.corp.example\r\n")
          .containsPattern("RDG-Connection-Id: \\{[0-9a-f-]{36}\\}\r\n")
          .doesNotContainIgnoringCase("Authorization");
    }
  }

  @Test
  void aGatewayCertificateForAnotherNameDoesNotMatch() throws IOException {
    TestCertificates.Issued other = TestCertificates.certificate().subject("rdp01.corp.example").make();
    try (FakeGateway gateway = new FakeGateway(other.serverContext(), FakeGateway.RD_GATEWAY_401)) {
      ProbeGateway seen = probe(new Target("gw01.corp.example", gateway.port()));
      assertThat(seen.certificate().names()).containsExactly("rdp01.corp.example");
      assertThat(seen.nameMatches()).isFalse();
      assertThat(seen.rdGateway()).isTrue();
    }
  }

  @Test
  void aWebServerThatIsNotAGatewayIsToldApart() throws IOException {
    try (FakeGateway web = new FakeGateway(gatewayCertificate.serverContext(), FakeGateway.WEB_SERVER_404)) {
      ProbeGateway seen = probe(new Target("gw01.corp.example", web.port()));
      assertThat(seen.httpStatus()).isEqualTo(404);
      assertThat(seen.authSchemes()).isEmpty();
      assertThat(seen.rdGateway()).isFalse();
    }
  }

  @Test
  void aClosedGatewayPortIsAnError() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    ProbeGateway seen = probe(new Target("gw01.corp.example", port));
    assertThat(seen.error()).isEqualTo("the connect to gw01.corp.example:" + port
        + " failed: the connection was refused (reset)");
    assertThat(seen.certificate()).isNull();
    assertThat(seen.rdGateway()).isNull();
  }

  @Test
  void aGatewayNameThatDoesNotResolveIsAnError() {
    ProbeGateway seen = probe(new Target("nogateway.corp.example", 443));
    assertThat(seen.error()).isEqualTo("the gateway name: the name does not resolve (unknown host)");
  }

  @Test
  void aReplyThatIsNotHttpIsAnError() throws IOException {
    try (FakeGateway gateway = new FakeGateway(gatewayCertificate.serverContext(), "\u0003\u0000garbage\r\n\r\n")) {
      ProbeGateway seen = probe(new Target("gw01.corp.example", gateway.port()));
      assertThat(seen.tlsVersion()).startsWith("TLSv1.");
      assertThat(seen.error()).isEqualTo("no HTTP answer to RDG_OUT_DATA: the reply is not HTTP: '..garbage'");
      assertThat(seen.rdGateway()).isNull();
    }
  }

  @Test
  void endlessHeadersAreCutAtTheirCap() throws IOException {
    String endless = "HTTP/1.1 401 Unauthorized\r\n" + "X-Padding: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n".repeat(2000);
    try (FakeGateway gateway = new FakeGateway(gatewayCertificate.serverContext(), endless)) {
      ProbeGateway seen = probe(new Target("gw01.corp.example", gateway.port()));
      assertThat(seen.error()).isEqualTo("no HTTP answer to RDG_OUT_DATA: the HTTP headers exceed 32768 bytes");
    }
  }
}
