package dev.rdpdoctor.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rdpdoctor.Fixtures;
import dev.rdpdoctor.yaml.StrictYamlReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class CaseFileWriterTest {

  private final CaseFileWriter writer = new CaseFileWriter();
  private final StrictYamlReader reader = new StrictYamlReader();

  private SymptomFile roundTrip(SymptomFile file) {
    String yaml = writer.write(file);
    return reader.read("written.yaml", yaml.getBytes(StandardCharsets.UTF_8), SymptomFile.class).value();
  }

  @Test
  void everySampleReadsBackEqualAfterWriting() throws Exception {
    List<Path> samples;
    try (Stream<Path> files = Files.list(Fixtures.SAMPLES)) {
      samples = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    assertThat(samples).hasSizeGreaterThan(20);
    for (Path sample : samples) {
      // the records hold the keys they know; a sample may use keys only the vocabulary declares
      SymptomFile read = new CaseFileReader().read(sample).symptoms();
      assertThat(roundTrip(read)).as(sample.toString()).isEqualTo(read);
    }
  }

  @Test
  void aProbeSectionReadsBackEqual() {
    Certificate cert = new Certificate(true, "CN=rdp01.corp.example", "CN=rdp01.corp.example",
        List.of("rdp01.corp.example", "10.0.0.5"), LocalDate.of(2025, 1, 2), LocalDate.of(2026, 1, 2),
        "AB12", "RSA", 2048L, "SHA256withRSA", null, null);
    Probe probe = new Probe("rdp01:3389",
        new ProbeDns("rdp01", List.of("10.0.0.5"), null),
        new ProbeTcp(3389L, TcpOutcome.CONNECTED, 1.25, 5L, 0L, 0.0, 0.3),
        List.of(
            new ProbeNegotiation(RdpProtocol.RDP, NegotiationResult.FAILURE, null,
                NegotiationFailure.SSL_REQUIRED_BY_SERVER, null),
            new ProbeNegotiation(RdpProtocol.TLS, NegotiationResult.SELECTED, RdpProtocol.TLS, null, null),
            new ProbeNegotiation(RdpProtocol.CLIENT_LIKE, NegotiationResult.NOT_RDP, null, null,
                "the reply starts with 0x48, not a TPKT header")),
        new ProbeTls("TLSv1.3", "TLS_AES_256_GCM_SHA384", cert, true, null),
        null);
    SymptomFile file = new SymptomFile("Probe of rdp01:3389", "yes: no", LocalDate.of(2026, 11, 20),
        null, null, new ConnectionPath(null, "rdp01", null), null, null, cert, null, null, null, probe, null);
    assertThat(roundTrip(file)).isEqualTo(file);
  }

  @Test
  void aServersSubjectWithLineBreaksOrControlCharactersComesBackAsOneValue() {
    // YAML 1.1 takes NEL, LS and PS as line breaks: written plain, they would make new keys
    for (String subject : List.of("CN=x app:\u2028nable", "CN=x\u2028rdp:\u2028  nla_required: true", "CN=x\u0085title: injected",
        "CN=x\u2029y", "CN=bell\u0007", "CN=del\u007f", "O=a\nb: c", "two\r\nlines\r\r", "a\nb\u2028c\n",
        "first\n\u0085second")) {
      Certificate cert = new Certificate(false, subject, subject, List.of(subject), null, null, null, null, null,
          null, null, null);
      SymptomFile file = new SymptomFile(subject, null, LocalDate.of(2026, 11, 20),
          null, null, null, null, null, cert, null, null, null, null, null);
      assertThat(roundTrip(file)).as(subject).isEqualTo(file);
    }
  }

  @Test
  void textThatLooksLikeANumberOrABooleanStaysText() {
    SymptomFile file = new SymptomFile("2308", "true", null, null, null,
        new ConnectionPath(null, "0x904", null), null, null, null, null, null, null, null, null);
    assertThat(roundTrip(file)).isEqualTo(file);
  }

  @Test
  void leavesOutWhatIsUnknown() {
    SymptomFile file = new SymptomFile("t", null, null, null, null, null, null, null, null, null, null,
        null, null, null);
    assertThat(writer.write(file)).isEqualTo("title: t\n");
  }
}
