package dev.rdpdoctor.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.rdpdoctor.casefile.vocabulary.Vocabulary;
import dev.rdpdoctor.casefile.vocabulary.VocabularyReader;
import dev.rdpdoctor.yaml.YamlMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SymptomMergerTest {

  private static final Vocabulary VOCABULARY =
      new VocabularyReader().read(Path.of("rules", VocabularyReader.FOLDER), "rules/vocabulary");

  /** A symptom file as the reader gives it to the merger: read strictly, as a tree of its keys, without worked-out values. */
  private static ObjectNode yaml(String text) {
    CaseValues values = new CaseValuesReader(VOCABULARY, java.time.Clock.systemUTC())
        .read("case.yaml", 1, text.getBytes(StandardCharsets.UTF_8));
    ObjectNode tree = CaseValuesTree.of(values.root());
    if (values.sourceMap().find("observed").isEmpty()) {
      tree.remove("observed");
    }
    values.derivations().keySet().forEach(path -> {
      JsonNode section = tree.at("/" + path.substring(0, Math.max(0, path.lastIndexOf('.'))).replace('.', '/'));
      if (section instanceof ObjectNode o) {
        o.remove(path.substring(path.lastIndexOf('.') + 1));
      }
    });
    return tree;
  }

  private static JsonNode at(SymptomMerger.Merged merged, String path) {
    return merged.symptoms().at("/" + path.replace('.', '/'));
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

  private final SymptomMerger merger = new SymptomMerger(VOCABULARY);

  @Test
  void theProbeFillsWhatTheUserLeftUnknown() {
    SymptomMerger.Merged merged = merger.merge(yaml("""
        title: every user fails
        error: {code: 0x904, extended: 0x7}
        rdp: {drain_mode: false}
        """), PROBED);
    assertThat(at(merged, "title").asText()).isEqualTo("every user fails");
    assertThat(at(merged, "error.code").asText()).isEqualTo("0x904");
    assertThat(at(merged, "rdp.drain_mode")).isEqualTo(BooleanNode.FALSE);
    assertThat(at(merged, "rdp.nla_required")).isEqualTo(BooleanNode.TRUE);
    assertThat(at(merged, "rdp.security_layer")).isEqualTo(TextNode.valueOf("tls"));
    assertThat(at(merged, "certificate.not_after").asText()).isEqualTo("2026-10-01");
    assertThat(at(merged, "probe.negotiation")).hasSize(1);
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
    assertThat(at(merged, "rdp.nla_required")).isEqualTo(BooleanNode.FALSE);
    assertThat(at(merged, "certificate.not_after").asText()).isEqualTo("2027-01-01");
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
    assertThat(at(merged, "certificate.expired")).isEqualTo(BooleanNode.FALSE);
    assertThat(at(merged, "certificate.not_after").isMissingNode()).as("left out: it contradicts the statement").isTrue();
    assertThat(merged.provenance()).doesNotContainKey("certificate.not_after");
    assertThat(merged.conflicts()).containsExactly(new Conflict("certificate.expired", "false", "true (not_after 2026-10-01)"));
  }

  @Test
  void aStatedGatewayMatchIsNotContradictedByProbedNames() {
    ProbedFacts withGateway = probed("""
        path: {kind: rd-gateway, gateway: {fqdn: gw01.corp.example, certificate_names: [gw02.corp.example]}}
        """);
    SymptomMerger.Merged merged = merger.merge(yaml("path: {gateway: {name_matches: true}}"), withGateway);
    assertThat(at(merged, "path.gateway.name_matches")).isEqualTo(BooleanNode.TRUE);
    assertThat(at(merged, "path.gateway.certificate_names").isMissingNode()).isTrue();
    assertThat(at(merged, "path.gateway.fqdn").asText()).as("not the evidence: kept").isEqualTo("gw01.corp.example");
    assertThat(merged.conflicts()).containsExactly(
        new Conflict("path.gateway.name_matches", "true", "false (certificate names gw02.corp.example)"));
  }

  @Test
  void aWorkedOutValueTheStatementReplacesIsNoConflict() {
    SymptomMerger.Merged merged = merger.merge(yaml("certificate: {days_left: 400}"), PROBED);
    assertThat(merged.conflicts()).isEmpty();
    assertThat(at(merged, "certificate.not_after").asText()).isEqualTo("2026-10-01");
  }

  @Test
  void aStatementOfAnyWorkedOutKeyTheVocabularyDeclaresIsKept() throws Exception {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> all = Files.list(Path.of("rules", VocabularyReader.FOLDER))) {
      for (Path p : all.filter(p -> p.toString().endsWith(".yaml")).toList()) {
        files.put(p.getFileName().toString(), Files.readAllBytes(p));
      }
    }
    String host = new String(files.get("host.yaml"), StandardCharsets.UTF_8);
    files.put("host.yaml", host.replaceFirst("    keys:\n", """
            keys:
              license_ends:
                type: date
                doc: when the host's license ends
                example: "2027-01-01"
              unlicensed:
                type: yes-no
                derived: {by: before-observed, from: [license_ends]}
                doc: worked out from license_ends
                example: "true"
        """).getBytes(StandardCharsets.UTF_8));
    Vocabulary licensed = new VocabularyReader().read(files, "my-rules/vocabulary");
    ObjectNode stated = (ObjectNode) YamlMapper.yaml().readTree("host: {unlicensed: false}");
    ProbedFacts probed = new ProbedFacts("probe of rdp01:3389", (ObjectNode) YamlMapper.yaml()
        .readTree("observed: 2026-11-20\nhost: {name: rdp01, license_ends: 2026-06-30}"), Map.of());

    SymptomMerger.Merged merged = new SymptomMerger(licensed).merge(stated, probed);
    assertThat(merged.conflicts()).containsExactly(
        new Conflict("host.unlicensed", "false", "true (license_ends 2026-06-30)"));
    assertThat(at(merged, "host.license_ends").isMissingNode()).as("left out: it contradicts the statement").isTrue();
    assertThat(at(merged, "host.name").asText()).isEqualTo("rdp01");
    assertThat(merged.provenance()).containsKey("host.name").doesNotContainKey("host.license_ends");
    assertThat(merger.merge(stated, probed).conflicts()).as("a vocabulary without the key keeps no statement of it")
        .isEmpty();
  }

  @Test
  void aStatementWorkedOutFromAnApproximateDateTheProbeGivesIsKept() throws Exception {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> all = Files.list(Path.of("rules", VocabularyReader.FOLDER))) {
      for (Path p : all.filter(p -> p.toString().endsWith(".yaml")).toList()) {
        files.put(p.getFileName().toString(), Files.readAllBytes(p));
      }
    }
    String host = new String(files.get("host.yaml"), StandardCharsets.UTF_8);
    files.put("host.yaml", host.replaceFirst("    keys:\n", """
            keys:
              patched:
                type: approximate-date
                doc: when the host was last patched
                example: last week
              days_unpatched:
                type: whole-number
                derived: {by: days-before-observed, from: [patched]}
                doc: worked out from patched
                example: "3"
        """).getBytes(StandardCharsets.UTF_8));
    Vocabulary patching = new VocabularyReader().read(files, "my-rules/vocabulary");
    ProbedFacts probed = new ProbedFacts("probe of rdp01:3389", (ObjectNode) YamlMapper.yaml()
        .readTree("observed: 2026-11-20\nhost: {name: rdp01, patched: 2026-11-17}"), Map.of());

    assertThat(new SymptomMerger(patching).merge((ObjectNode) YamlMapper.yaml().readTree("host: {days_unpatched: 10}"), probed)
        .conflicts()).containsExactly(new Conflict("host.days_unpatched", "10", "3 (patched 2026-11-17)"));
    assertThat(new SymptomMerger(patching).merge((ObjectNode) YamlMapper.yaml().readTree("host: {days_unpatched: 3}"), probed)
        .conflicts()).isEmpty();
  }

  @Test
  void anEmptyStatementTakesEverythingFromTheProbe() {
    SymptomMerger.Merged merged = merger.merge(JsonNodeFactory.instance.objectNode(), PROBED);
    assertThat(merged.symptoms()).isEqualTo(PROBED.symptoms());
    assertThat(merged.conflicts()).isEmpty();
    assertThat(SymptomMerger.alone(PROBED)).isEqualTo(merged);
  }

  @Test
  void aFreshProbeReplacesTheFilesEarlierProbeSection() {
    SymptomMerger.Merged merged = merger.merge(yaml("""
        probe:
          target: rdp01:3389
          tcp: {port: 3389, outcome: timed-out, connect_ms: 2000}
        """), PROBED);
    assertThat(at(merged, "probe")).isEqualTo(PROBED.symptoms().get("probe"));
    assertThat(merged.conflicts()).isEmpty();
  }

  @Test
  void eventsTheEvidenceSawAreAddedAfterTheUsersOwnWhichStayAsWritten() {
    ObjectNode stated = yaml("""
        events: [{id: 36870, text: "0x8009030D"}, {id: 36871, text: "10013"}]
        """);
    ProbedFacts found = new ProbedFacts("evidence host.zip", yaml("""
        events: [{id: 36870, text: "0x8009030D"}, {id: 1057, source: TerminalServices-RemoteConnectionManager}, {id: 36871, text: "10011"}]
        """), Map.of("events[0]", "System.xml line 2", "events[1]", "System.xml line 5", "events[2]", "System.xml line 9"),
        "the evidence");
    SymptomMerger.Merged merged = new SymptomMerger(VOCABULARY).merge(stated, found);
    assertThat(merged.conflicts()).isEmpty();
    assertThat(merged.symptoms().get("events").toString()).isEqualTo("[{\"id\":36870,\"text\":\"0x8009030D\"},"
        + "{\"id\":36871,\"text\":\"10013\"},{\"id\":1057,\"source\":\"TerminalServices-RemoteConnectionManager\"},"
        + "{\"id\":36871,\"text\":\"10011\"}]");
    assertThat(merged.provenance()).containsEntry("events[2].id", "evidence host.zip: System.xml line 5")
        .containsEntry("events[3].text", "evidence host.zip: System.xml line 9")
        .doesNotContainKeys("events[0].id", "events[1].text");
  }

  @Test
  void anEventTheUserWroteThatTheEvidenceShowsGetsTheKeysTheUserLeftOutNotASecondEntry() {
    ObjectNode stated = yaml("""
        events: [1058, {id: 36870, source: Schannel}]
        """);
    ProbedFacts found = new ProbedFacts("evidence host.zip", yaml("""
        events: [{id: 36870, source: schannel, text: "0x8009030D", log: System}, {id: 1058, source: RemoteConnectionManager}]
        """), Map.of("events[0]", "System.xml line 2", "events[1]", "System.xml line 7"), "the evidence");
    SymptomMerger.Merged merged = new SymptomMerger(VOCABULARY).merge(stated, found);
    assertThat(merged.conflicts()).isEmpty();
    assertThat(merged.symptoms().get("events").toString()).isEqualTo("[{\"id\":1058,\"source\":\"RemoteConnectionManager\"},"
        + "{\"id\":36870,\"source\":\"Schannel\",\"text\":\"0x8009030D\",\"log\":\"System\"}]");
    assertThat(merged.provenance()).containsEntry("events[0].source", "evidence host.zip: System.xml line 7")
        .containsEntry("events[1].text", "evidence host.zip: System.xml line 2")
        .doesNotContainKeys("events[0].id", "events[1].id", "events[1].source", "events[2].id");
  }
}
