package dev.rdpdoctor.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rdpdoctor.Fixtures;
import dev.rdpdoctor.casefile.vocabulary.RegistryKind;
import dev.rdpdoctor.casefile.vocabulary.Vocabulary;
import dev.rdpdoctor.casefile.vocabulary.VocabularyReader;
import dev.rdpdoctor.problem.InputError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What the vocabulary's Windows sources make of what the evidence says. */
class WindowsSourcesTest {

  private static final String POLICY = "HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows NT\\Terminal Services";
  private static final String RDP_TCP = "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server\\WinStations\\RDP-Tcp";
  private static final String SERVER = "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server";

  private static Origin at(int line) {
    return new Origin("f", line, "line " + line);
  }

  private static Observation.RegistryValue dword(String key, String name, long data, int line) {
    return new Observation.RegistryValue(key, name, RegistryKind.REG_DWORD, Long.toString(data), at(line));
  }

  private static WindowsSources.Found found(Observation... observations) {
    return WindowsSources.of(Fixtures.vocabulary(), List.of(observations));
  }

  @Test
  void aRegistryValueTakesTheValueItsSourcesMapGivesItsData() {
    WindowsSources.Found f = found(dword(RDP_TCP, "SecurityLayer", 2, 7));
    assertThat(f.symptoms().at("/rdp/security_layer").asText()).isEqualTo("tls");
    assertThat(f.reasons()).containsEntry("rdp.security_layer", "f line 7: line 7");
  }

  @Test
  void theFirstSourceFoundWinsAsThePolicyOverridesTheListenersOwnSetting() {
    WindowsSources.Found f = found(dword(RDP_TCP, "UserAuthentication", 1, 3), dword(POLICY, "UserAuthentication", 0, 9));
    assertThat(f.symptoms().at("/rdp/nla_required").asBoolean()).isFalse();
    assertThat(f.reasons()).containsEntry("rdp.nla_required", "f line 9: line 9");
  }

  @Test
  void dataTheMapDoesNotListLeavesTheKeyToItsNextSource() {
    WindowsSources.Found f = found(dword(POLICY, "SecurityLayer", 7, 1), dword(RDP_TCP, "SecurityLayer", 0, 2));
    assertThat(f.symptoms().at("/rdp/security_layer").asText()).isEqualTo("rdp");
  }

  @Test
  void aValueMissingFromAKeyExportedWholeIsTheSourcesAbsentValue() {
    WindowsSources.Found f = found(new Observation.RegistryKey(RDP_TCP, at(4)), new Observation.RegistryKey(SERVER, at(1)));
    assertThat(f.symptoms().at("/rdp/custom_certificate").asBoolean()).isFalse();
    assertThat(f.symptoms().at("/rdp/drain_mode").asBoolean()).isFalse();
    assertThat(f.reasons()).containsEntry("rdp.custom_certificate", "f line 4: line 4 has no SSLCertificateSHA1Hash");
    assertThat(f.symptoms().has("certificate")).as("no key of it has a registry source").isFalse();
  }

  @Test
  void anyDataOfAValueWithOtherwiseGivesThatValue() {
    WindowsSources.Found f = found(new Observation.RegistryValue(RDP_TCP, "SSLCertificateSHA1Hash", RegistryKind.REG_BINARY,
        "3F2A", at(2)));
    assertThat(f.symptoms().at("/rdp/custom_certificate").asBoolean()).isTrue();
  }

  @Test
  void dataWithoutAMapIsTheValueReadAsTheKeysTypeAndDataOutOfItsRangeIsAWarning() {
    WindowsSources.Found f = found(dword(RDP_TCP, "PortNumber", 3390, 5), dword(RDP_TCP, "MinEncryptionLevel", 9, 6),
        new Observation.RegistryValue("HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion", "CurrentBuild",
            RegistryKind.REG_SZ, "20348", at(8)));
    assertThat(f.symptoms().at("/rdp/port").asLong()).isEqualTo(3390);
    assertThat(f.symptoms().at("/host/build").asLong()).isEqualTo(20348);
    assertThat(f.symptoms().at("/rdp/min_encryption_level").isMissingNode()).isTrue();
    assertThat(f.warnings()).extracting(InputError::format)
        .containsExactly("f:6:1: warning: 9 is out of range; allowed: 1 to 4 for min_encryption_level: it is left unknown");
  }

  @Test
  void anRdpFileSettingTakesItsMappedValueOrIsTheValue() {
    WindowsSources.Found f = found(new Observation.RdpSetting("gatewayusagemethod", "i", "1", at(3)),
        new Observation.RdpSetting("full address", "s", "rdp01.corp.example:3390", at(1)),
        new Observation.RdpSetting("gatewayhostname", "s", "", at(2)));
    assertThat(f.symptoms().at("/path/kind").asText()).isEqualTo("rd-gateway");
    assertThat(f.symptoms().at("/path/target").asText()).isEqualTo("rdp01.corp.example:3390");
    assertThat(f.symptoms().at("/path/gateway").isMissingNode()).as("an empty setting says nothing").isTrue();
  }

  @Test
  void eventsOfTheDeclaredProvidersAndIdsAreTheItemsOfEventsSameOnesCounted() {
    Observation.Event e1058 = new Observation.Event(Optional.of("System"),
        "Microsoft-Windows-TerminalServices-RemoteConnectionManager", 1058, "Access is denied.", Optional.empty(), at(1));
    Observation.Event again = new Observation.Event(Optional.empty(), "TerminalServices-RemoteConnectionManager", 1058,
        "Access is denied.", Optional.empty(), at(7));
    Observation.Event other = new Observation.Event(Optional.of("System"), "Service Control Manager", 7036, "x",
        Optional.empty(), at(2));
    Observation.Event elsewhere = new Observation.Event(Optional.of("Application"), "Schannel", 36870, "y", Optional.empty(),
        at(3));
    WindowsSources.Found f = found(e1058, other, again, elsewhere);
    assertThat(f.symptoms().get("events")).hasSize(1);
    assertThat(f.symptoms().at("/events/0/id").asLong()).isEqualTo(1058);
    assertThat(f.symptoms().at("/events/0/text").asText()).isEqualTo("Access is denied.");
    assertThat(f.reasons()).containsEntry("events[0]", "f line 1: line 1 (and 1 more like it)");
  }

  @Test
  void whereTheHostsAndTheClientsKeysReadTheSameSourceEachTakesWhatWasCollectedOnItsOwnMachine() {
    String currentVersion = "HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion";
    WindowsSources.Found f = found(
        new Observation.Collected(LocalDate.of(2026, 11, 20), Optional.of("host"), new Origin("host/collection.txt", 2, "")),
        new Observation.Collected(LocalDate.of(2026, 11, 20), Optional.of("client"), new Origin("client/collection.txt", 2, "")),
        new Observation.RegistryValue(currentVersion, "CurrentBuild", RegistryKind.REG_SZ, "22631", new Origin("client/v.txt", 3, "c")),
        new Observation.RegistryValue(currentVersion, "CurrentBuild", RegistryKind.REG_SZ, "20348", new Origin("host/v.txt", 3, "h")),
        new Observation.Event(Optional.of("System"), "Schannel", 36871, "10013", Optional.empty(), new Origin("host/s.xml", 1, "e")));
    assertThat(f.symptoms().at("/client/build").asLong()).isEqualTo(22631);
    assertThat(f.symptoms().at("/host/build").asLong()).isEqualTo(20348);
    assertThat(f.symptoms().at("/events/0/machine").asText()).isEqualTo("host");
  }

  @Test
  void aCommandsOutputGivesTheValueOfTheFirstMatchOfTheSourceItFits() {
    Observation.CommandOutput keyIso = new Observation.CommandOutput(List.of("sc", "query", "keyiso"),
        DecodedText.of("SERVICE_NAME: KeyIso\r\n        STATE              : 4  RUNNING\r\n"), "keyiso.txt", at(1));
    Observation.CommandOutput term = new Observation.CommandOutput(List.of("sc", "query", "termservice"),
        DecodedText.of("SERVICE_NAME: TermService\r\n        STATE              : 1  STOPPED\r\n"), "term.txt", at(1));
    WindowsSources.Found f = found(keyIso, term);
    assertThat(f.symptoms().at("/rdp/service_running").asBoolean()).isFalse();
    assertThat(f.reasons()).containsEntry("rdp.service_running", "term.txt line 2: STATE              : 1  STOPPED");
  }

  @Test
  void aCertificateListedInTheStoreASourceNamesGivesThePropertyItFormats() {
    Observation.Listed cert = new Observation.Listed("Cert:\\LocalMachine\\Remote Desktop", Map.of("Subject", "CN=a",
        "Issuer", "CN=a", "NotAfter", "2026-11-18", "DnsNameList", "a, a.corp.example"), 2, at(2));
    Observation.Listed other = new Observation.Listed("Cert:\\LocalMachine\\My", Map.of("NotAfter", "2030-01-01"), 1, at(9));
    WindowsSources.Found f = found(other, cert);
    assertThat(f.symptoms().at("/certificate/not_after").asText()).isEqualTo("2026-11-18");
    assertThat(f.symptoms().at("/certificate/self_signed").asBoolean()).isTrue();
    assertThat(f.symptoms().at("/certificate/names")).hasSize(2);
    assertThat(f.reasons().get("certificate.not_after")).endsWith("(the first of 2 listed)");
    assertThat(f.symptoms().has("probe")).as("a type used again takes evidence in its first place only").isFalse();
  }

  @Test
  void theDayOfCollectionIsTheObservedDayElseTheNewestEventsDay() {
    Observation.Event older = new Observation.Event(Optional.empty(), "Schannel", 36870, "", Optional.of(LocalDate.of(2026, 11, 2)),
        at(1));
    Observation.Event newer = new Observation.Event(Optional.empty(), "x", 1, "", Optional.of(LocalDate.of(2026, 11, 20)), at(2));
    assertThat(found(older, newer).symptoms().get("observed").asText()).isEqualTo("2026-11-20");
    assertThat(found(older, newer, new Observation.Collected(LocalDate.of(2026, 11, 21), at(5))).reasons())
        .containsEntry("observed", "f line 5: line 5");
  }

  /** The bundled vocabulary with {@code keys} (lines of YAML) declared in the host's section. */
  private static Vocabulary withHostKeys(String keys) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> s = Files.list(Fixtures.RULES.resolve(VocabularyReader.FOLDER))) {
      for (Path p : s.filter(f -> f.toString().endsWith(".yaml")).toList()) {
        files.put(p.getFileName().toString(), Files.readAllBytes(p));
      }
    }
    String host = new String(files.get("host.yaml"), StandardCharsets.UTF_8)
        .replace("      wmi_repository_consistent:\n", keys + "      wmi_repository_consistent:\n");
    files.put("host.yaml", host.getBytes(StandardCharsets.UTF_8));
    return new VocabularyReader().read(files, "v");
  }

  @Test
  void aKeyTheKnowledgeTeamDeclaresWithARegistryValueAnEventAndACommandIsImportedWithoutJava() throws IOException {
    String declaredKeys = String.join("\n",
        "      smb_signing_required:",
        "        type: yes-no",
        "        doc: the host requires SMB signing",
        "        example: \"true\"",
        "        windows:",
        "          - registry:",
        "              key: HKLM\\SYSTEM\\CurrentControlSet\\Services\\LanmanServer\\Parameters",
        "              value: RequireSecuritySignature",
        "              kind: REG_DWORD",
        "              map: {0: false, 1: true}",
        "      time_jumped:",
        "        type: yes-no",
        "        doc: the host's clock was changed",
        "        example: \"true\"",
        "        windows:",
        "          - event: {log: System, provider: Microsoft-Windows-Kernel-General, ids: [1], means: true}",
        "      netlogon_running:",
        "        type: yes-no",
        "        doc: Netlogon runs",
        "        example: \"true\"",
        "        windows:",
        "          - command:",
        "              run: sc query Netlogon",
        "              read: RUNNING is true",
        "              match: {\"STATE\\\\s*:\\\\s*4\": true, \"STATE\": false}", "");
    Vocabulary declared = withHostKeys(declaredKeys);
    WindowsSources.Found f = WindowsSources.of(declared, List.of(
        dword("HKLM\\SYSTEM\\CurrentControlSet\\Services\\LanmanServer\\Parameters", "RequireSecuritySignature", 1, 4),
        new Observation.Event(Optional.of("System"), "Microsoft-Windows-Kernel-General", 1, "The system time has changed.",
            Optional.empty(), at(6)),
        new Observation.CommandOutput(List.of("sc", "query", "netlogon"),
            DecodedText.of("SERVICE_NAME: Netlogon\r\n        STATE              : 4  RUNNING\r\n"), "n.txt", at(1))));
    assertThat(f.symptoms().get("host").toString())
        .isEqualTo("{\"smb_signing_required\":true,\"time_jumped\":true,\"netlogon_running\":true}");
  }

  @Test
  void anApproximateDateACertificateListingGivesIsReadAsLooselyAsADate() throws IOException {
    Vocabulary declared = withHostKeys(String.join("\n",
        "      certificate_issued:",
        "        type: approximate-date",
        "        doc: when the host's own certificate was issued",
        "        example: last week",
        "        windows:",
        "          - command: {run: \"Get-ChildItem 'Cert:\\\\LocalMachine\\\\My' | Format-List NotBefore\", read: its NotBefore}",
        ""));
    WindowsSources.Found f = WindowsSources.of(declared, List.of(new Observation.Listed("Cert:\\LocalMachine\\My",
        Map.of("NotBefore", "11/18/2026 09:12:00"), 1, at(3))));
    assertThat(f.warnings()).isEmpty();
    assertThat(f.symptoms().at("/host/certificate_issued").asText()).isEqualTo("2026-11-18");
  }
}
