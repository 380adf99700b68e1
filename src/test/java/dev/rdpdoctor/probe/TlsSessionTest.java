package dev.rdpdoctor.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The TLS step on the RDP port: the certificate's facts, SNI, name match, and each way it fails. */
class TlsSessionTest {

  private static TestCertificates.Issued expired;
  private static TestCertificates.Issued valid;

  @BeforeAll
  static void certificates() {
    expired = TestCertificates.certificate().expiredDaysAgo(35).make();
    valid = TestCertificates.certificate().make();
  }

  private static ProbeTls tlsOf(TestCertificates.Issued certificate, String name) throws IOException {
    try (FakeRdpServer server = FakeRdpServer.start(WindowsPolicy.requiringNla().script(certificate.serverContext()))) {
      return Probes.rdp(server.target(name)).tls();
    }
  }

  @Test
  void readsEveryFactOfAnExpiredSelfSignedCertificate() throws IOException {
    ProbeTls tls = tlsOf(expired, "rdp01.corp.example");
    assertThat(tls.version()).isIn("TLSv1.3", "TLSv1.2");
    assertThat(tls.cipher()).startsWith("TLS_");
    assertThat(tls.error()).isNull();
    assertThat(tls.nameMatches()).isTrue();
    Certificate c = tls.certificate();
    assertThat(c.subject()).isEqualTo("CN=rdp01.corp.example");
    assertThat(c.issuer()).isEqualTo("CN=rdp01.corp.example");
    assertThat(c.selfSigned()).isTrue();
    assertThat(c.names()).containsExactly("rdp01.corp.example");
    assertThat(c.notAfter()).isEqualTo(LocalDate.ofInstant(expired.certificate().getNotAfter().toInstant(), ZoneOffset.UTC));
    assertThat(c.notAfter()).isBefore(LocalDate.now(ZoneOffset.UTC));
    assertThat(c.notBefore()).isBefore(c.notAfter());
    assertThat(c.keyType()).isEqualTo("RSA");
    assertThat(c.keyBits()).isEqualTo(2048);
    assertThat(c.signatureAlgorithm()).isEqualTo("SHA256withRSA");
    assertThat(c.thumbprint()).matches("[0-9A-F]{40}");
  }

  @Test
  void aCertificateForAnotherNameDoesNotMatch() throws IOException {
    TestCertificates.Issued other = TestCertificates.certificate().subject("oldname.corp.example").make();
    ProbeTls tls = tlsOf(other, "rdp01.corp.example");
    assertThat(tls.certificate().names()).containsExactly("oldname.corp.example");
    assertThat(tls.nameMatches()).isFalse();
  }

  @Test
  void subjectAlternativeNamesAndWildcardsCount() throws IOException {
    TestCertificates.Issued wildcard = TestCertificates.certificate().subject("web.corp.example")
        .dns("web.corp.example", "*.corp.example").make();
    ProbeTls tls = tlsOf(wildcard, "rdp01.corp.example");
    assertThat(tls.certificate().names()).containsExactly("web.corp.example", "*.corp.example");
    assertThat(tls.nameMatches()).isTrue();
  }

  @Test
  void sendsSniExplicitlyAlsoForASingleLabelName() throws IOException {
    try (FakeRdpServer server = FakeRdpServer.start(WindowsPolicy.requiringNla().script(valid.serverContext()))) {
      ProbeTls tls = Probes.rdp(server.target("rdp01")).tls();
      assertThat(server.sniNames).containsExactly("rdp01");
      assertThat(tls.nameMatches()).as("rdp01 is not rdp01.corp.example").isFalse();
    }
    try (FakeRdpServer server = FakeRdpServer.start(WindowsPolicy.requiringNla().script(valid.serverContext()))) {
      Probes.rdp(server.target("rdp01.corp.example"));
      assertThat(server.sniNames).containsExactly("rdp01.corp.example");
    }
  }

  @Test
  void anAddressSendsNoSniAndLeavesTheNameMatchUnknown() throws IOException {
    try (FakeRdpServer server = FakeRdpServer.start(WindowsPolicy.requiringNla().script(valid.serverContext()))) {
      ProbeTls tls = Probes.rdp(server.target()).tls();
      assertThat(server.sniNames).isEmpty();
      assertThat(tls.certificate()).isNotNull();
      assertThat(tls.nameMatches()).isNull();
    }
  }

  @Test
  void aCertificateIssuedByACaIsNotSelfSigned() throws IOException {
    TestCertificates.Issued ca = TestCertificates.certificate().subject("Corp Issuing CA").make();
    TestCertificates.Issued issued = TestCertificates.certificate().issuedBy(ca).make();
    Certificate c = tlsOf(issued, "rdp01.corp.example").certificate();
    assertThat(c.selfSigned()).isFalse();
    assertThat(c.issuer()).isEqualTo("CN=Corp Issuing CA");
  }

  @Test
  void aWeakKeyAndAWeakSignatureAreReportedNotRefused() throws IOException {
    TestCertificates.Issued weak = TestCertificates.certificate().keyBits(1024).signature("SHA1withRSA").make();
    ProbeTls tls = tlsOf(weak, "rdp01.corp.example");
    assertThat(tls.error()).isNull();
    assertThat(tls.certificate().keyBits()).isEqualTo(1024);
    assertThat(tls.certificate().signatureAlgorithm()).isEqualTo("SHA1withRSA");
  }

  @Test
  void anMd5SignedCertificateIsReadAsWell() throws IOException {
    TestCertificates.Issued md5 = TestCertificates.certificate().signature("MD5withRSA").make();
    try (FakeRdpServer server = FakeRdpServer.start(md5Server(md5))) {
      ProbeTls tls = Probes.rdp(server.target("rdp01.corp.example")).tls();
      assertThat(tls.certificate().signatureAlgorithm()).isEqualTo("MD5withRSA");
    }
  }

  /** JSSE will not serve an MD5-signed certificate, so this server sends it by hand and stops. */
  private static FakeRdpServer.Script md5Server(TestCertificates.Issued md5) {
    return c -> {
      c.readRequest();
      c.selected(0x01, 0);
      c.readTlsRecord();
      c.write(TlsFlights.record(0x16, 0x0303, TlsFlights.serverHello(0x0303, 0xc02f),
          TlsFlights.certificate(md5.chain())));
    };
  }

  @Test
  void aTlsFailureHalfWayKeepsTheCertificateAndSaysWhatHappened() throws IOException {
    try (FakeRdpServer server = FakeRdpServer.start(md5Server(expired))) {
      ProbeTls tls = Probes.rdp(server.target("rdp01.corp.example")).tls();
      assertThat(tls.version()).isNull();
      assertThat(tls.error()).isEqualTo("the server closed the connection during the TLS handshake");
      assertThat(tls.certificate().subject()).isEqualTo("CN=rdp01.corp.example");
      assertThat(tls.nameMatches()).isTrue();
    }
  }

  @Test
  void aServerThatSpeaksOnlyTls10IsReportedAsSuchWithItsCertificate() throws IOException {
    try (FakeRdpServer server = FakeRdpServer.start(c -> {
      c.readRequest();
      c.selected(0x01, 0);
      c.readTlsRecord();
      c.write(TlsFlights.record(0x16, 0x0301, TlsFlights.serverHello(0x0301, 0x002f),
          TlsFlights.certificate(expired.chain()), TlsFlights.serverHelloDone()));
    })) {
      Probe probe = Probes.rdp(server.target("rdp01.corp.example"));
      ProbeTls tls = probe.tls();
      assertThat(tls.version()).isEqualTo("TLSv1");
      assertThat(tls.cipher()).isEqualTo("TLS_RSA_WITH_AES_128_CBC_SHA");
      assertThat(tls.error()).isEqualTo(
          "the server speaks only TLSv1: it refused TLS 1.2 and 1.3, which current clients require");
      assertThat(tls.certificate().subject()).isEqualTo("CN=rdp01.corp.example");
      assertThat(tls.certificate().notAfter()).isBefore(LocalDate.now(ZoneOffset.UTC));
    }
  }

  @Test
  void aServerThatAlertsProtocolVersionToEveryHelloKeepsTheModernError() throws IOException {
    try (FakeRdpServer server = FakeRdpServer.start(c -> {
      c.readRequest();
      c.selected(0x01, 0);
      c.readTlsRecord();
      c.write(TlsFlights.alert(70));
    })) {
      ProbeTls tls = Probes.rdp(server.target("rdp01.corp.example")).tls();
      assertThat(tls.version()).isNull();
      assertThat(tls.certificate()).isNull();
      assertThat(tls.error()).startsWith("the server refused TLS 1.2 and 1.3 (");
    }
  }

  @Test
  void aServerThatGoesQuietAfterSelectingTlsCostsOneTlsStep() throws IOException {
    try (FakeRdpServer server = FakeRdpServer.start(c -> {
      c.readRequest();
      c.selected(0x01, 0);
      c.holdUntilClosed();
    })) {
      long start = System.nanoTime();
      Probe probe = Probes.rdp(server.target());
      double seconds = (System.nanoTime() - start) / 1e9;
      assertThat(probe.tls().error()).matches("no TLS answer within \\d+ ms");
      assertThat(seconds).isLessThan(Probes.QUICK.budget().toSeconds());
      assertThat(probe.negotiation()).as("the other requests still go out").hasSize(6);
    }
  }

  @Test
  void garbageInsteadOfTlsIsAFailureNotACrash() throws IOException {
    try (FakeRdpServer server = FakeRdpServer.start(c -> {
      c.readRequest();
      c.selected(0x01, 0);
      c.readTlsRecord();
      c.write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    })) {
      ProbeTls tls = Probes.rdp(server.target()).tls();
      assertThat(tls.version()).isNull();
      assertThat(tls.error()).isNotBlank();
    }
  }
}
