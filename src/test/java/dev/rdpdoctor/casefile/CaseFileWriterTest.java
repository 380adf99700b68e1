package dev.rdpdoctor.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rdpdoctor.Fixtures;
import dev.rdpdoctor.yaml.YamlMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class CaseFileWriterTest {

  private static final Clock NOV_20 =
      Clock.fixed(LocalDate.of(2026, 11, 20).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);

  private final CaseFileWriter writer = new CaseFileWriter();
  private final CaseFileReader reader = new CaseFileReader(NOV_20);

  /** The values of {@code tree} after writing it and reading it back. */
  private CaseValues roundTrip(ObjectNode tree) {
    return reader.read("written.yaml", writer.write(tree).getBytes(StandardCharsets.UTF_8)).values();
  }

  private static ObjectNode tree(String yaml) throws Exception {
    return (ObjectNode) YamlMapper.yaml().readTree(yaml);
  }

  @Test
  void everySampleReadsBackEqualAfterWriting() throws Exception {
    List<Path> samples;
    try (Stream<Path> files = Files.list(Fixtures.SAMPLES)) {
      samples = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    assertThat(samples).hasSizeGreaterThan(20);
    for (Path sample : samples) {
      CaseValues read = reader.read(sample).values();
      assertThat(roundTrip(CaseValuesTree.of(read.root())).root()).as(sample.toString()).isEqualTo(read.root());
    }
  }

  @Test
  void anApproximateDateIsWrittenBackInTheWordsWrittenAndReadsBackEqual() throws Exception {
    CaseValues read = reader.read("case.yaml", """
        error: {since: "Since about 3 days ago"}
        host:
          recent_changes: [{kind: os-upgrade, date: last weekend}, {kind: gpo-change, date: 2026-11-02}]
        """.getBytes(StandardCharsets.UTF_8)).values();
    String written = writer.write(CaseValuesTree.of(read.root()));
    assertThat(written).contains("since: Since about 3 days ago").contains("date: last weekend").contains("date: 2026-11-02")
        .contains("since_days: 3").doesNotContain("2026-11-17").doesNotContain("2026-11-14");
    assertThat(roundTrip(CaseValuesTree.of(read.root())).root()).isEqualTo(read.root());
  }

  @Test
  void aProbeSectionReadsBackEqual() throws Exception {
    ObjectNode probe = tree("""
        title: "Probe of rdp01:3389"
        notes: "yes: no"
        observed: 2026-11-20
        path: {target: rdp01}
        probe:
          target: "rdp01:3389"
          dns: {name: rdp01, addresses: [10.0.0.5]}
          tcp: {port: 3389, outcome: connected, connect_ms: 1.25}
          negotiation:
            - {requested: rdp, result: failure, failure: ssl-required-by-server}
            - {requested: tls, result: selected, selected: tls}
            - {requested: client-like, result: not-rdp, detail: "the reply starts with 0x48, not a TPKT header"}
          tls:
            version: TLSv1.3
            cipher: TLS_AES_256_GCM_SHA384
            certificate: {subject: CN=rdp01.corp.example, names: [rdp01.corp.example, 10.0.0.5], not_after: 2026-01-02}
        """);
    CaseValues expected = reader.read("probe.yaml", YamlMapper.yaml().writeValueAsBytes(probe)).values();
    assertThat(roundTrip(probe).root()).isEqualTo(expected.root());
    assertThat(roundTrip(probe).at("probe.negotiation[2].detail")).hasValue("the reply starts with 0x48, not a TPKT header");
  }

  @Test
  void aServersSubjectWithLineBreaksOrControlCharactersComesBackAsOneValue() throws Exception {
    // YAML 1.1 takes NEL, LS and PS as line breaks: written plain, they would make new keys
    for (String subject : List.of("CN=x app:\u2028nable", "CN=x\u2028rdp:\u2028  nla_required: true", "CN=x\u0085title: injected",
        "CN=x\u2029y", "CN=bell\u0007", "CN=del\u007f", "O=a\nb: c", "two\r\nlines\r\r", "a\nb\u2028c\n",
        "first\n\u0085second")) {
      ObjectNode file = YamlMapper.yaml().createObjectNode();
      file.put("title", subject);
      ObjectNode cert = file.putObject("certificate");
      cert.put("subject", subject);
      cert.put("issuer", subject);
      cert.putArray("names").add(subject);
      CaseValues back = roundTrip(file);
      assertThat(back.at("title")).as(subject).hasValue(subject);
      assertThat(back.at("certificate.subject")).as(subject).hasValue(subject);
      assertThat(back.at("certificate.names")).as(subject).hasValue(List.of(subject));
      assertThat(back.at("rdp")).as(subject).isEmpty();
    }
  }

  @Test
  void textThatLooksLikeANumberOrABooleanStaysText() throws Exception {
    ObjectNode file = YamlMapper.yaml().createObjectNode();
    file.put("title", "2308");
    file.put("notes", "true");
    file.putObject("path").put("target", "0x904");
    String written = writer.write(file);
    assertThat(written).contains("title: \"2308\"").contains("notes: \"true\"");
    CaseValues back = roundTrip(file);
    assertThat(back.at("title")).hasValue("2308");
    assertThat(back.at("notes")).hasValue("true");
    assertThat(back.at("path.target")).hasValue("0x904");
  }

  @Test
  void writesOnlyWhatTheTreeHolds() throws Exception {
    assertThat(writer.write(tree("title: t"))).isEqualTo("title: t\n");
  }
}
