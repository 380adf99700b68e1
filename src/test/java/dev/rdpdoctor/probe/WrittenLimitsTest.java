package dev.rdpdoctor.probe;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.api.InstanceOfAssertFactories;

import dev.rdpdoctor.casefile.CaseFile;
import dev.rdpdoctor.casefile.CaseFileReader;
import dev.rdpdoctor.casefile.CaseFileWriter;
import dev.rdpdoctor.casefile.ProbedFacts;
import dev.rdpdoctor.yaml.ReadLimits;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Whatever a server sends, however much and whatever characters, the probe writes a symptom
 * file the reader reads: within its size, value and list limits, saying what it cut.
 */
class WrittenLimitsTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);
  private static final Target TARGET = new Target("rdp01.example.test", 3389);
  private static final String GATEWAY = "rdg.example.test";

  /** Text that takes the most room once written: control characters, escaped one by one. */
  private static String worst(int length) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) {
      text.append((char) (1 + i % 30));
    }
    return text.toString();
  }

  private static Certificate certificate(String covered) {
    List<String> names = new ArrayList<>();
    IntStream.range(0, 5_000).forEach(i -> names.add("n" + i + worst(240)));
    names.add(covered);
    return new Certificate(false, worst(100_000), worst(100_000), names, TODAY.minusDays(10), TODAY.plusDays(10),
        worst(5_000), worst(5_000), 2048L, worst(5_000));
  }

  @Test
  void theMostAServerCanSendIsWrittenWithinTheReadersLimitsAndReadsBack() {
    List<ProbeNegotiation> negotiation = RdpPortProbe.REQUESTS.stream()
        .map(p -> new ProbeNegotiation(p, NegotiationResult.NOT_RDP, null, null, worst(60_000))).toList();
    Certificate tlsCertificate = certificate(TARGET.host());
    Certificate gatewayCertificate = certificate(GATEWAY);
    Probe raw = new Probe(TARGET.toString(),
        new ProbeDns(TARGET.host(), IntStream.range(0, 3_000).mapToObj(i -> "10.0." + i / 256 + "." + i % 256).toList(), worst(50_000)),
        null, negotiation,
        new ProbeTls(worst(9_000), worst(9_000), tlsCertificate, NameMatch.of(TARGET.host(), tlsCertificate.names()), worst(70_000)),
        new ProbeGateway(GATEWAY, 443L, worst(9_000), worst(9_000), gatewayCertificate,
            NameMatch.of(GATEWAY, gatewayCertificate.names()), 401L,
            IntStream.range(0, 4_000).mapToObj(i -> "Scheme" + i + worst(20)).toList(), true, worst(70_000)));

    ProbedFacts facts = ProbeConclusions.conclude(TARGET, raw, TODAY);
    String yaml = new CaseFileWriter().write(facts.symptoms());
    assertThat(yaml.getBytes(StandardCharsets.UTF_8).length).isLessThan(ReadLimits.SYMPTOM_FILE.maxBytes());
    CaseFile read = new CaseFileReader(Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC))
        .read("probe.yaml", yaml.getBytes(StandardCharsets.UTF_8));

    assertThat(read.values().root()).isEqualTo(new CaseFileReader(
        Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC)).read(facts).values().root());
    assertThat(read.values().at("certificate.names").orElseThrow()).asInstanceOf(InstanceOfAssertFactories.LIST).hasSizeLessThanOrEqualTo(256).contains(TARGET.host());
    assertThat(read.values().at("probe.tls.name_matches")).hasValue(true);
    assertThat(read.values().at("path.gateway.certificate_names").orElseThrow()).asInstanceOf(InstanceOfAssertFactories.LIST).contains(GATEWAY);
    assertThat(read.values().at("path.gateway.name_matches")).hasValue(true);
    assertThat(read.values().at("probe.gateway.auth_schemes").orElseThrow()).asInstanceOf(InstanceOfAssertFactories.LIST)
        .hasSizeLessThanOrEqualTo(256);
    assertThat(read.values().at("probe.dns.addresses").orElseThrow()).asInstanceOf(InstanceOfAssertFactories.LIST).hasSize(256);
    assertThat(read.values().at("notes").orElseThrow()).asInstanceOf(InstanceOfAssertFactories.STRING)
        .contains("certificate.subject: the server sent 100,000 characters; the first ")
        .contains("certificate.names: the server sent 5,001 names; the ")
        .contains("probe.gateway.certificate.names: the server sent 5,001 names; the ")
        .contains("probe.gateway.auth_schemes: the server sent 4,000 items; the ")
        .contains("probe.dns.addresses: the server sent 3,000 items; the 256 kept are the first that fit")
        .contains("probe.negotiation[5].detail: the server sent 60,000 characters; the first ");
  }

  @Test
  void whatFitsIsWrittenAsSentWithoutANote() {
    Certificate usual = new Certificate(true, "CN=rdp01.example.test", "CN=rdp01.example.test",
        List.of("rdp01.example.test"), TODAY.minusDays(10), TODAY.plusDays(10), "AB", "RSA", 2048L, "SHA256withRSA");
    Probe raw = new Probe(TARGET.toString(), null, null, null,
        new ProbeTls("TLSv1.3", "TLS_AES_128_GCM_SHA256", usual, true, null), null);
    ProbedFacts facts = ProbeConclusions.conclude(TARGET, raw, TODAY);
    assertThat(Probes.raw(facts)).isEqualTo(raw);
    assertThat(Probes.at(facts, "notes").asText()).doesNotContain("the server sent");
  }
}
