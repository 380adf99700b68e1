package dev.rdpdoctor.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rdpdoctor.yaml.StrictYamlReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SymptomMergerTest {

  private static SymptomFile yaml(String text) {
    return new StrictYamlReader().read("case.yaml", text.getBytes(StandardCharsets.UTF_8), SymptomFile.class).value();
  }

  private static ProbedFacts probed(String text) {
    return new ProbedFacts("probe of rdp01:3389", yaml(text),
        Map.of("probe", "seen on the wire", "certificate", "the certificate on the RDP port",
            "rdp.nla_required", "hybrid-required-by-server"));
  }

  private static final ProbedFacts PROBED = probed("""
      title: Probe of rdp01:3389
      observed: 2026-11-20
      path: {target: rdp01}
      rdp: {nla_required: true, security_layer: tls}
      certificate: {subject: CN=rdp01, names: [rdp01], not_after: 2026-10-01, self_signed: true}
      probe:
        target: rdp01:3389
        tcp: {port: 3389, outcome: connected}
        negotiation: [{requested: rdp, result: failure, failure: hybrid-required-by-server}]
      """);

  private final SymptomMerger merger = new SymptomMerger();

  @Test
  void theProbeFillsWhatTheUserLeftUnknown() {
    SymptomMerger.Merged merged = merger.merge(yaml("""
        title: every user fails
        error: {code: 0x904, extended: 0x7}
        rdp: {drain_mode: false}
        """), PROBED);
    SymptomFile s = merged.symptoms();
    assertThat(s.title()).isEqualTo("every user fails");
    assertThat(s.error().code()).isEqualTo(0x904L);
    assertThat(s.rdp().drainMode()).isFalse();
    assertThat(s.rdp().nlaRequired()).isTrue();
    assertThat(s.rdp().securityLayer()).isEqualTo(SecurityLayer.TLS);
    assertThat(s.certificate().notAfter()).isEqualTo(LocalDate.of(2026, 10, 1));
    assertThat(s.probe().negotiation()).hasSize(1);
    assertThat(merged.conflicts()).isEmpty();
    assertThat(merged.provenance())
        .containsEntry("rdp.nla_required", "probe of rdp01:3389: hybrid-required-by-server")
        .containsEntry("certificate.not_after", "probe of rdp01:3389: the certificate on the RDP port")
        .containsEntry("certificate.names", "probe of rdp01:3389: the certificate on the RDP port")
        .containsEntry("probe.negotiation[0].failure", "probe of rdp01:3389: seen on the wire")
        .containsEntry("path.target", "seen by the probe of rdp01:3389")
        .doesNotContainKey("rdp.drain_mode")
        .doesNotContainKey("title");
  }

  @Test
  void theUserWinsAndEachDisagreementIsListed() {
    SymptomMerger.Merged merged = merger.merge(yaml("""
        rdp: {nla_required: false, security_layer: 2}
        certificate: {not_after: 2027-01-01, names: [RDP01]}
        """), PROBED);
    assertThat(merged.symptoms().rdp().nlaRequired()).isFalse();
    assertThat(merged.symptoms().certificate().notAfter()).isEqualTo(LocalDate.of(2027, 1, 1));
    assertThat(merged.conflicts()).containsExactly(
        new Conflict("rdp.nla_required", "false", "true"),
        new Conflict("certificate.not_after", "2027-01-01", "2026-10-01"));
    assertThat(merged.provenance()).doesNotContainKey("rdp.nla_required").doesNotContainKey("certificate.not_after");
  }

  @Test
  void sameValuesWrittenDifferentlyAreNoConflict() {
    SymptomMerger.Merged merged = merger.merge(yaml("""
        rdp: {security_layer: 2}
        certificate: {names: [RDP01], subject: cn=rdp01}
        """), PROBED);
    assertThat(merged.conflicts()).isEmpty();
  }

  @Test
  void aStatedExpiryIsNotContradictedByAProbedDate() {
    SymptomMerger.Merged merged = merger.merge(yaml("""
        observed: 2026-11-20
        certificate: {expired: false}
        """), PROBED);
    assertThat(merged.symptoms().certificate().expired()).isFalse();
    assertThat(merged.symptoms().certificate().notAfter()).as("left out: it contradicts the statement").isNull();
    assertThat(merged.conflicts()).containsExactly(new Conflict("certificate.expired", "false", "true (not_after 2026-10-01)"));
  }

  @Test
  void aStatedGatewayMatchIsNotContradictedByProbedNames() {
    ProbedFacts withGateway = probed("""
        path: {kind: rd-gateway, gateway: {fqdn: gw01.corp.example, certificate_names: [gw02.corp.example]}}
        """);
    SymptomMerger.Merged merged = merger.merge(yaml("path: {gateway: {name_matches: true}}"), withGateway);
    assertThat(merged.symptoms().path().gateway().nameMatches()).isTrue();
    assertThat(merged.symptoms().path().gateway().certificateNames()).isNull();
    assertThat(merged.conflicts()).containsExactly(
        new Conflict("path.gateway.name_matches", "true", "false (certificate names gw02.corp.example)"));
  }

  @Test
  void anEmptyStatementTakesEverythingFromTheProbe() {
    SymptomFile nothing = new SymptomFile(null, null, null, null, null, null, null, null, null, null, List.of(),
        null, null, null);
    SymptomMerger.Merged merged = merger.merge(nothing, PROBED);
    assertThat(merged.symptoms()).isEqualTo(PROBED.symptoms());
    assertThat(merged.conflicts()).isEmpty();
  }

  @Test
  void aFreshProbeReplacesTheFilesEarlierProbeSection() {
    SymptomMerger.Merged merged = merger.merge(yaml("""
        probe:
          target: rdp01:3389
          tcp: {port: 3389, outcome: timed-out, connect_ms: 2000}
        """), PROBED);
    assertThat(merged.symptoms().probe()).isEqualTo(PROBED.symptoms().probe());
    assertThat(merged.conflicts()).isEmpty();
  }
}
