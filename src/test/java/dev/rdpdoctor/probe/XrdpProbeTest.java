package dev.rdpdoctor.probe;

import static dev.rdpdoctor.probe.Probes.answer;
import static dev.rdpdoctor.probe.Probes.at;
import static dev.rdpdoctor.probe.Probes.raw;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rdpdoctor.NeedsSystemPackages;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.rdpdoctor.casefile.ProbedFacts;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The probe against a real RDP server nobody on this team wrote: xrdp, in each security layer.
 * Where xrdp answers differently from the specification's examples (it selects TLS for a CredSSP
 * request, standard RDP security for everything on the RDP layer), the probe reports what it
 * selected.
 */
@NeedsSystemPackages
class XrdpProbeTest {

  private static TestCertificates.Issued expired;

  @TempDir Path dir;

  @BeforeAll
  static void certificate() {
    expired = TestCertificates.certificate().subject("rdp01.corp.example").expiredDaysAgo(35).make();
  }

  private static ProbedFacts probe(XrdpServer xrdp) {
    return new Prober(Probes.QUICK, Progress.silent(), Clock.systemUTC()).probe(xrdp.target(), Optional.empty());
  }

  @Test
  void tlsLayerWithAnExpiredCertificate() throws Exception {
    try (XrdpServer xrdp = XrdpServer.start(XrdpServer.Config.tls(expired), dir)) {
      ProbedFacts facts = probe(xrdp);
      Probe p = raw(facts);
      assertThat(answer(p, RdpProtocol.RDP).failure()).isEqualTo(NegotiationFailure.SSL_REQUIRED_BY_SERVER);
      assertThat(answer(p, RdpProtocol.TLS).selected()).isEqualTo(RdpProtocol.TLS);
      assertThat(answer(p, RdpProtocol.CREDSSP).selected()).as("xrdp has no CredSSP: it selects TLS").isEqualTo(RdpProtocol.TLS);
      assertThat(answer(p, RdpProtocol.CREDSSP_EARLY_AUTH).failure()).isEqualTo(NegotiationFailure.SSL_REQUIRED_BY_SERVER);
      assertThat(answer(p, RdpProtocol.RDSTLS).failure()).isEqualTo(NegotiationFailure.SSL_REQUIRED_BY_SERVER);
      assertThat(answer(p, RdpProtocol.CLIENT_LIKE).selected()).isEqualTo(RdpProtocol.TLS);
      assertThat(p.tls().version()).isIn("TLSv1.3", "TLSv1.2");
      assertThat(p.tls().error()).isNull();
      assertThat(p.tls().certificate().subject()).isEqualTo("CN=rdp01.corp.example");
      assertThat(p.tls().certificate().notAfter()).isBefore(LocalDate.now(ZoneOffset.UTC));
      assertThat(p.tls().certificate().selfSigned()).isTrue();
      assertThat(at(facts, "certificate.not_after").asText()).isEqualTo(p.tls().certificate().notAfter().toString());
      assertThat(at(facts, "rdp.security_layer")).isEqualTo(TextNode.valueOf("tls"));
      assertThat(at(facts, "rdp.nla_required")).isEqualTo(BooleanNode.FALSE);
    }
  }

  @Test
  void rdpLayerSelectsStandardRdpSecurityForEveryRequest() throws Exception {
    try (XrdpServer xrdp = XrdpServer.start(XrdpServer.Config.rdp(), dir)) {
      ProbedFacts facts = probe(xrdp);
      assertThat(raw(facts).negotiation()).hasSize(6).allSatisfy(n -> {
        assertThat(n.result()).isEqualTo(NegotiationResult.SELECTED);
        assertThat(n.selected()).isEqualTo(RdpProtocol.RDP);
      });
      assertThat(raw(facts).tls()).isNull();
      assertThat(at(facts, "rdp.security_layer")).isEqualTo(TextNode.valueOf("rdp"));
      assertThat(at(facts, "rdp.nla_required")).isEqualTo(BooleanNode.FALSE);
    }
  }

  @Test
  void negotiateLayerAcceptsBoth() throws Exception {
    try (XrdpServer xrdp = XrdpServer.start(XrdpServer.Config.negotiate(expired), dir)) {
      ProbedFacts facts = probe(xrdp);
      Probe p = raw(facts);
      assertThat(answer(p, RdpProtocol.RDP).selected()).isEqualTo(RdpProtocol.RDP);
      assertThat(answer(p, RdpProtocol.TLS).selected()).isEqualTo(RdpProtocol.TLS);
      assertThat(answer(p, RdpProtocol.CREDSSP).selected()).isEqualTo(RdpProtocol.TLS);
      assertThat(answer(p, RdpProtocol.CREDSSP_EARLY_AUTH).selected()).isEqualTo(RdpProtocol.RDP);
      assertThat(answer(p, RdpProtocol.CLIENT_LIKE).selected()).isEqualTo(RdpProtocol.TLS);
      assertThat(at(facts, "rdp.security_layer")).isEqualTo(TextNode.valueOf("negotiate"));
    }
  }

  @Test
  void aMissingCertificateFileIsSslCertNotOnServer() throws Exception {
    try (XrdpServer xrdp = XrdpServer.start(XrdpServer.Config.tlsWithoutCertificate(), dir)) {
      Probe p = raw(probe(xrdp));
      assertThat(p.negotiation()).hasSize(6)
          .allSatisfy(n -> assertThat(n.failure()).isEqualTo(NegotiationFailure.SSL_CERT_NOT_ON_SERVER));
      assertThat(p.tls()).isNull();
    }
  }

  @Test
  void aTls10OnlyServerIsReportedAsSuch() throws Exception {
    try (XrdpServer xrdp = XrdpServer.start(XrdpServer.Config.tls10Only(expired), dir)) {
      ProbedFacts facts = probe(xrdp);
      Probe p = raw(facts);
      assertThat(p.tls().version()).isEqualTo("TLSv1");
      assertThat(p.tls().error()).startsWith("the server speaks only TLSv1:");
      assertThat(p.tls().certificate().subject()).isEqualTo("CN=rdp01.corp.example");
      assertThat(at(facts, "rdp.tls_protocols_disabled")).isEqualTo(BooleanNode.TRUE);
    }
  }
}
