package dev.rdpdoctor.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rdpdoctor.problem.InputError;
import org.junit.jupiter.api.Test;

class RdpFileReaderTest {

  private final RdpFileReader reader = new RdpFileReader();

  private static Observation.RdpSetting setting(FileReading r, String name) {
    return r.observations().stream().map(Observation.RdpSetting.class::cast).filter(s -> s.name().equals(name)).findFirst()
        .orElseThrow();
  }

  @Test
  void mstscsFileInUtf16GivesEachSettingWithItsLine() {
    FileReading r = Exports.read(reader, "mstsc.rdp");
    assertThat(r.errors()).isEmpty();
    assertThat(setting(r, "gatewayhostname")).isEqualTo(new Observation.RdpSetting("gatewayhostname", "s", "gw.corp.example",
        new Origin("mstsc.rdp", 39, "gatewayhostname:s:gw.corp.example")));
    assertThat(setting(r, "full address").value()).isEqualTo("rdp01.corp.example");
    assertThat(setting(r, "alternate shell").value()).isEmpty();
  }

  @Test
  void aPortalsFileInUtf8WithUnixLineEndsIsReadTheSame() {
    FileReading r = Exports.read(reader, "portal.rdp");
    assertThat(setting(r, "full address").value()).isEqualTo("10.20.30.40:3390");
    assertThat(setting(r, "enablecredsspsupport").origin().line()).isEqualTo(3);
  }

  @Test
  void aLineThatIsNoSettingOrANumberThatIsNoneIsALocatedError() {
    FileReading r = Exports.readText(reader, "x.rdp", "full address:s:rdp01\r\nscreen mode id:i:two\r\njunk\r\nuse multimon:i:0\r\n");
    assertThat(r.errors()).extracting(InputError::format).containsExactly(
        "evidence/x.rdp:2:18: error: the setting 'screen mode id' is a number (:i:), got 'two'",
        "evidence/x.rdp:3:1: error: not a setting of an .rdp file: expected NAME:TYPE:VALUE with the type s, i or b, got 'junk'");
    assertThat(r.observations()).hasSize(2);
  }

  @Test
  void aFileIsAnRdpFileWhenItsLinesAreSettings() {
    assertThat(reader.recognises(DecodedText.of("full address:s:x\nprompt for credentials:i:1\n"))).isTrue();
    assertThat(reader.recognises(DecodedText.of("note:s:x\nthis is a letter\nwith lines\nof prose\n"))).isFalse();
  }
}
