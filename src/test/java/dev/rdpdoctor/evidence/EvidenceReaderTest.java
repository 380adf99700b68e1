package dev.rdpdoctor.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rdpdoctor.Fixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class EvidenceReaderTest {

  private static final Path FIXTURES = Path.of("src/test/resources/evidence");

  @Test
  void aRegistryExportAsWindowsWritesItGivesTheKeysThatDeclareItsValues() {
    Evidence e = new EvidenceReader(Fixtures.vocabulary()).read(FIXTURES.resolve("RDP-Tcp.reg"));
    assertThat(e.problems()).isEmpty();
    assertThat(e.facts().symptoms().at("/rdp/nla_required").asBoolean()).isTrue();
    assertThat(e.facts().reasonFor("rdp.nla_required"))
        .isEqualTo("evidence " + FIXTURES.resolve("RDP-Tcp.reg") + ": RDP-Tcp.reg line 16: \"UserAuthentication\"=dword:00000001");
  }

  @Test
  void theComputersTheExportsSayTheyComeFromAreKnownFromTheNoteAndFromEventsAsXmlCsvAndJson() {
    EvidenceReader reader = new EvidenceReader(Fixtures.vocabulary());
    assertThat(reader.read(FIXTURES.resolve("collector/host")).machines()).containsExactly("RDP01", "rdp01.corp.example");
    assertThat(reader.read(FIXTURES.resolve("System-export.csv")).machines()).containsExactly("rdp01.corp.example");
    assertThat(reader.read(FIXTURES.resolve("System-events.json")).machines()).containsExactly("rdp01.corp.example");
    assertThat(reader.read(FIXTURES.resolve("System-eventviewer.csv")).machines()).as("Event Viewer's CSV names none").isEmpty();
  }
}
