package dev.rdpdoctor.probe;

import static dev.rdpdoctor.probe.Probes.at;
import static dev.rdpdoctor.probe.Probes.raw;
import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.api.InstanceOfAssertFactories;

import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.rdpdoctor.casefile.CaseFileWriter;
import dev.rdpdoctor.casefile.ProbedFacts;
import dev.rdpdoctor.casefile.CaseValues;
import dev.rdpdoctor.casefile.CaseValuesReader;
import dev.rdpdoctor.casefile.CaseValuesTree;
import dev.rdpdoctor.casefile.vocabulary.BundledVocabulary;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The whole probe: raw findings kept in probe:, interpreted facts where the rules read them. */
class ProberTest {

  private static final Clock NOV_20 =
      Clock.fixed(LocalDate.of(2026, 11, 20).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);

  private static TestCertificates.Issued expired;

  @BeforeAll
  static void certificate() {
    expired = TestCertificates.certificate().expiredDaysAgo(35).make();
  }

  private static ProbedFacts probe(Target target, Optional<Target> gateway, StringWriter progress) {
    return new Prober(Probes.QUICK, new Progress(new PrintWriter(progress)), NOV_20).probe(target, gateway);
  }

  @Test
  void putsTheCertificateAndWhatTheNegotiationProvesWhereTheRulesReadThem() throws IOException {
    try (FakeRdpServer server = FakeRdpServer.start(WindowsPolicy.requiringNla().script(expired.serverContext()))) {
      StringWriter progress = new StringWriter();
      ProbedFacts facts = probe(server.target("rdp01.corp.example"), Optional.empty(), progress);
      ObjectNode s = facts.symptoms();
      assertThat(facts.origin()).isEqualTo("probe of rdp01.corp.example:" + server.port());
      assertThat(at(facts, "title").asText()).isEqualTo("Probe of rdp01.corp.example:" + server.port());
      assertThat(at(facts, "observed").asText()).isEqualTo(LocalDate.of(2026, 11, 20).toString());
      assertThat(at(facts, "path.target").asText()).isEqualTo("rdp01.corp.example");
      assertThat(at(facts, "path.kind").isMissingNode()).isTrue();
      assertThat(s.get("certificate")).isEqualTo(at(facts, "probe.tls.certificate"));
      assertThat(LocalDate.parse(at(facts, "certificate.not_after").asText())).isBefore(LocalDate.now(ZoneOffset.UTC));
      assertThat(at(facts, "rdp.nla_required")).isEqualTo(BooleanNode.TRUE);
      assertThat(at(facts, "rdp.security_layer").isMissingNode()).isTrue();
      assertThat(facts.reasonFor("rdp.nla_required")).isEqualTo("probe of rdp01.corp.example:" + server.port()
          + ": the server answered hybrid-required-by-server to the rdp request");
      assertThat(facts.reasonFor("certificate.not_after")).endsWith(": the certificate the server presented on the RDP port");
      assertThat(facts.reasonFor("probe.tcp.outcome")).endsWith(": seen on the wire");
      assertThat(at(facts, "notes").asText()).contains("rdp.nla_required: the server answered hybrid-required-by-server");
      assertThat(progress.toString())
          .contains("probe: dns rdp01.corp.example -> 127.0.0.1")
          .contains("probe: rdp request: failure hybrid-required-by-server")
          .contains("probe: tls: TLSv1.")
          .containsPattern("probe: done in \\d+\\.\\d s");
    }
  }

  @Test
  void provesTheSecurityLayerAndThatNlaIsOff() throws IOException {
    try (FakeRdpServer server = FakeRdpServer.start(WindowsPolicy.negotiateWithoutNla().script(expired.serverContext()))) {
      ProbedFacts s = probe(server.target(), Optional.empty(), new StringWriter());
      assertThat(at(s, "rdp.security_layer")).isEqualTo(TextNode.valueOf("negotiate"));
      assertThat(at(s, "rdp.nla_required")).isEqualTo(BooleanNode.FALSE);
    }
    try (FakeRdpServer server = FakeRdpServer.start(WindowsPolicy.rdpOnly().script(expired.serverContext()))) {
      ProbedFacts s = probe(server.target(), Optional.empty(), new StringWriter());
      assertThat(at(s, "rdp.security_layer")).isEqualTo(TextNode.valueOf("rdp"));
      assertThat(at(s, "certificate").isMissingNode()).isTrue();
    }
  }

  @Test
  void aServerThatSpeaksOnlyOldTlsHasTheClientsTlsVersionsDisabled() throws IOException {
    try (FakeRdpServer server = FakeRdpServer.start(c -> {
      c.readRequest();
      c.selected(0x01, 0);
      c.readTlsRecord();
      c.write(TlsFlights.record(0x16, 0x0301, TlsFlights.serverHello(0x0302, 0x0035),
          TlsFlights.certificate(expired.chain()), TlsFlights.serverHelloDone()));
    })) {
      ProbedFacts facts = probe(server.target(), Optional.empty(), new StringWriter());
      assertThat(at(facts, "rdp.tls_protocols_disabled")).isEqualTo(BooleanNode.TRUE);
      assertThat(facts.reasonFor("rdp.tls_protocols_disabled"))
          .endsWith("the server speaks only TLSv1.1 on the RDP port and refused TLS 1.2 and 1.3");
      assertThat(at(facts, "certificate.subject").asText()).isEqualTo("CN=rdp01.corp.example");
    }
  }

  @Test
  void theGatewaysCertificateNamesGoToPathGateway() throws IOException {
    TestCertificates.Issued gw = TestCertificates.certificate().subject("gw02.corp.example").make();
    try (FakeRdpServer server = FakeRdpServer.start(WindowsPolicy.requiringNla().script(expired.serverContext()));
        FakeGateway gateway = new FakeGateway(gw.serverContext(), FakeGateway.RD_GATEWAY_401)) {
      ProbedFacts s = probe(server.target(), Optional.of(new Target("gw01.corp.example", gateway.port())),
          new StringWriter());
      assertThat(at(s, "path.kind")).isEqualTo(TextNode.valueOf("rd-gateway"));
      assertThat(at(s, "path.gateway.fqdn").asText()).isEqualTo("gw01.corp.example");
      assertThat(at(s, "path.gateway.certificate_names")).containsExactly(TextNode.valueOf("gw02.corp.example"));
      assertThat(at(s, "path.gateway.name_matches").isMissingNode()).as("worked out by the reader").isTrue();
      assertThat(raw(s).gateway().nameMatches()).isFalse();
      assertThat(raw(s).gateway().rdGateway()).isTrue();
    }
  }

  @Test
  void anUnreachableHostStillGivesASymptomFile() {
    ProbedFacts facts = probe(new Target("nowhere.corp.example", 3389), Optional.empty(), new StringWriter());
    assertThat(raw(facts).dns().error()).isNotNull();
    assertThat(at(facts, "certificate").isMissingNode()).isTrue();
    assertThat(at(facts, "rdp").isMissingNode()).isTrue();
  }

  @Test
  void theSymptomFileReadsBackUnchanged() throws IOException {
    TestCertificates.Issued gw = TestCertificates.certificate().subject("gw01.corp.example").make();
    try (FakeRdpServer server = FakeRdpServer.start(WindowsPolicy.requiringNla().script(expired.serverContext()));
        FakeGateway gateway = new FakeGateway(gw.serverContext(), FakeGateway.RD_GATEWAY_401)) {
      ObjectNode probed = probe(server.target("rdp01.corp.example"),
          Optional.of(new Target("gw01.corp.example", gateway.port())), new StringWriter()).symptoms();
      String yaml = new CaseFileWriter().write(probed);
      CaseValuesReader reader = new CaseValuesReader(BundledVocabulary.get(), Clock.systemUTC());
      CaseValues read = reader.read("probe.yaml", 1, yaml.getBytes(StandardCharsets.UTF_8));
      ObjectNode again = CaseValuesTree.of(read.root());
      read.derivations().keySet().forEach(path -> ((ObjectNode) again.at(
          "/" + path.substring(0, path.lastIndexOf('.')).replace('.', '/'))).remove(path.substring(path.lastIndexOf('.') + 1)));
      if (!probed.has("observed")) {
        again.remove("observed");
      }
      assertThat(new CaseFileWriter().write(again)).as("the same symptom file, key by key").isEqualTo(yaml);
      assertThat(read.at("probe.negotiation").orElseThrow()).asInstanceOf(InstanceOfAssertFactories.LIST).hasSize(6);
      assertThat(read.at("probe.gateway.auth_schemes")).hasValue(List.of("Negotiate", "NTLM"));
    }
  }
}
