package dev.rdpdoctor.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rdpdoctor.casefile.vocabulary.RegistryKind;
import dev.rdpdoctor.problem.InputError;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegistryExportReaderTest {

  private static final String RDP_TCP = "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server\\WinStations\\RDP-Tcp";
  private final RegistryExportReader reader = new RegistryExportReader();

  private static Observation.RegistryValue value(FileReading r, String name) {
    return r.observations().stream().filter(Observation.RegistryValue.class::isInstance)
        .map(Observation.RegistryValue.class::cast).filter(v -> v.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void eachValueIsKeptAsRegQueryShowsItWithTheLineItIsWrittenOn() {
    FileReading r = Exports.read(reader, "RDP-Tcp.reg");
    assertThat(r.errors()).isEmpty();
    assertThat(value(r, "UserAuthentication")).isEqualTo(new Observation.RegistryValue(RDP_TCP, "UserAuthentication",
        RegistryKind.REG_DWORD, "1", new Origin("RDP-Tcp.reg", 16, "\"UserAuthentication\"=dword:00000001")));
    assertThat(value(r, "PortNumber").data()).isEqualTo("3389");
    assertThat(value(r, "MaxInstanceCount").data()).as("unsigned, as the vocabulary's maps write it").isEqualTo("4294967295");
    assertThat(value(r, "WdName")).extracting(Observation.RegistryValue::kind, Observation.RegistryValue::data)
        .containsExactly(RegistryKind.REG_SZ, "Microsoft RDP 8.0");
    assertThat(value(r, "DefaultSecurity").data()).isEqualTo("D:(A;;");
  }

  @Test
  void binaryDataSpreadOverLinesIsJoinedAndShownInHex() {
    Observation.RegistryValue hash = value(Exports.read(reader, "RDP-Tcp.reg"), "SSLCertificateSHA1Hash");
    assertThat(hash.kind()).isEqualTo(RegistryKind.REG_BINARY);
    assertThat(hash.data()).isEqualTo("3F2A9C0D5B7E1A4C8F6D2B9E0A1C3D5F7B9E2A4C");
    assertThat(hash.origin().line()).isEqualTo(14);
  }

  @Test
  void eachKeyExportedIsOneWhoseValuesWereAllListed() {
    FileReading r = Exports.read(reader, "SCHANNEL-TLS12.reg");
    assertThat(r.observations()).filteredOn(Observation.RegistryKey.class::isInstance).extracting(Observation::origin)
        .extracting(Origin::line).containsExactly(3, 5, 9);
  }

  @Test
  void aUtf8ExportWithUnixLineEndsAndACommentIsReadTheSame() {
    FileReading r = Exports.read(reader, "policy-TerminalServices.reg");
    assertThat(r.errors()).isEmpty();
    assertThat(value(r, "fDenyTSConnections").key())
        .isEqualTo("HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Windows NT\\Terminal Services");
    assertThat(value(r, "fDenyTSConnections").origin().line()).isEqualTo(5);
  }

  @Test
  void anExportCutShortInsideAValueIsALocatedErrorAndWhatCameBeforeIsKept() {
    FileReading r = Exports.read(reader, "truncated.reg");
    assertThat(r.errors()).extracting(InputError::format)
        .containsExactly("evidence/truncated.reg:5:82: error: the file ends inside a value that goes on to the next line: it was cut short");
    assertThat(value(r, "PortNumber").data()).isEqualTo("3389");
  }

  @Test
  void eachMalformedLineIsALocatedErrorAndTheRestIsRead() {
    FileReading r = Exports.read(reader, "malformed.reg");
    assertThat(r.errors()).extracting(InputError::format).containsExactly(
        "evidence/malformed.reg:4:14: error: the data of 'PortNumber' is not \"TEXT\", dword:XXXXXXXX or hex(N):XX,...: 'dword:0000zz3d'",
        "evidence/malformed.reg:5:1: error: not a line of a registry export: expected [KEY], \"NAME\"=DATA, @=DATA or a ; comment,"
            + " got 'this line is not part of an export'");
    assertThat(value(r, "UserAuthentication").data()).isEqualTo("1");
  }

  @Test
  void everyDataTypeAnExportWritesIsShownAsRegQueryShowsIt() {
    FileReading r = Exports.readText(reader, "types.reg", String.join("\r\n", List.of(
        "REGEDIT4", "", "[HKLM\\SOFTWARE\\Test]",
        "@=\"default \\\"quoted\\\" C:\\\\path\"",
        "\"Q\"=hex(b):00,01,00,00,00,00,00,00",
        "\"E\"=hex(2):25,00,53,00,59,00,53,00,25,00,00,00",
        "\"D\"=hex(4):0a,00,00,00",
        "\"Deleted\"=-",
        "[-HKLM\\SOFTWARE\\Gone]", "\"Under\"=dword:00000001")));
    assertThat(r.errors()).isEmpty();
    assertThat(r.observations()).filteredOn(Observation.RegistryValue.class::isInstance)
        .extracting(o -> ((Observation.RegistryValue) o).name() + "=" + ((Observation.RegistryValue) o).data())
        .containsExactly("(Default)=default \"quoted\" C:\\path", "Q=256", "E=%SYS%", "D=10");
  }

  @Test
  void onlyAFileThatStartsWithTheEditorsHeaderIsAnExport() {
    assertThat(reader.recognises(DecodedText.of("\r\nWindows Registry Editor Version 5.00\r\n"))).isTrue();
    assertThat(reader.recognises(DecodedText.of("REGEDIT4\n"))).isTrue();
    assertThat(reader.recognises(DecodedText.of("[HKEY_LOCAL_MACHINE\\X]\n\"a\"=dword:1\n"))).isFalse();
  }
}
