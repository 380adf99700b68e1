package dev.rdpdoctor.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.rdpdoctor.casefile.CaseFileReader;
import dev.rdpdoctor.casefile.CaseValues;
import dev.rdpdoctor.casefile.vocabulary.BundledVocabulary;
import dev.rdpdoctor.yaml.YamlMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedactorTest {

  private static CaseValues read(String yaml) {
    return new CaseFileReader().read("case.yaml", yaml.getBytes(StandardCharsets.UTF_8)).values();
  }

  /** A symptom file as a tree of its keys, as the probe writes one. */
  private static ObjectNode tree(String yaml) {
    try {
      return (ObjectNode) YamlMapper.yaml().readTree(yaml);
    } catch (JsonProcessingException e) {
      throw new AssertionError(e);
    }
  }

  private static Redactor learning(String yaml) {
    Redactor redactor = new Redactor();
    redactor.learn("/home/jsmith/tickets/case.yaml", read(yaml));
    return redactor;
  }

  @Test
  void hostNamesKeepTheirShapeSoAWildcardStillVisiblyCoversThem() {
    Redactor r = learning("""
        path:
          target: RDP01.corp.example
          gateway: {fqdn: rdg.corp.example, certificate_names: ["*.corp.example", remote.other.example]}
        host: {name: rdp01}
        """);
    assertThat(r.apply("rdp01.corp.example is not covered by *.corp.example or remote.other.example; rdp01 fails"))
        .isEqualTo("host-1.domain-1 is not covered by *.domain-1 or host-3.domain-2; host-1 fails");
    assertThat(r.apply("rdg.corp.example")).isEqualTo("host-2.domain-1");
    assertThat(r.apply("the corp.example domain")).isEqualTo("the domain-1 domain");
  }

  @Test
  void addressesAnywhereBecomeIpPlaceholders() {
    Redactor r = learning("""
        notes: the client at 192.168.10.44 and the host's fe80::1c2:3ff:fe4d:5 both fail
        probe: {target: "10.0.0.5:3389", dns: {name: rdp01.corp.example, addresses: [10.0.0.5]}}
        """);
    assertThat(r.apply("10.0.0.5:3389, 192.168.10.44, fe80::1c2:3ff:fe4d:5"))
        .isEqualTo("ip-3:3389, ip-1, ip-2"); // numbered in the order the file states them
    assertThat(r.apply("a server said 172.16.0.9")).isEqualTo("a server said ip-4");
    assertThat(r.apply("build 10.0.22631.2861, TLS 1.2, 08:15:00")).isEqualTo("build 10.0.22631.2861, TLS 1.2, 08:15:00");
  }

  @Test
  void userNamesInPastedTextBecomeUserPlaceholders() {
    Redactor r = learning("""
        events:
          - {id: 4625, text: "An account failed to log on. Account Name: jsmith Account Domain: CORP"}
          - {id: 1058, text: "CORP\\\\adoe could not connect; NT AUTHORITY\\\\NETWORK SERVICE lacks access"}
        notes: mail from b.lee@corp.example; key under HKLM\\\\SYSTEM\\\\CurrentControlSet
        """);
    String text = "jsmith, CORP\\adoe, b.lee@corp.example, NT AUTHORITY\\NETWORK SERVICE, HKLM\\SYSTEM\\CurrentControlSet";
    assertThat(r.apply(text))
        .isEqualTo("user-1, user-2, user-3, NT AUTHORITY\\NETWORK SERVICE, HKLM\\SYSTEM\\CurrentControlSet");
  }

  @Test
  void subjectsThumbprintsAndFoldersAreHidden() {
    Redactor r = learning("""
        certificate:
          subject: "CN=rdp01.corp.example, O=Smith & Sons"
          issuer: "CN=Corp Issuing CA 02"
          thumbprint: 3A4B5C6D7E8F90A1B2C3D4E5F60718293A4B5C6D
        """);
    assertThat(r.apply("CN=rdp01.corp.example, O=Smith & Sons by CN=Corp Issuing CA 02"))
        .isEqualTo("subject-1 by subject-2");
    assertThat(r.apply("CN=rdp01.corp.example, O=Smith &amp; Sons")).as("as HTML writes it").isEqualTo("subject-1");
    assertThat(r.apply("thumbprint 3a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d")).isEqualTo("thumbprint thumbprint-1");
    assertThat(r.apply("Diagnosis for /home/jsmith/tickets/case.yaml")).isEqualTo("Diagnosis for folder-1/case.yaml");
  }

  @Test
  void placeholdersAreStableAndGenericWordsStay() {
    Redactor r = learning("host: {name: gateway}\npath: {target: vm-web03.corp.example}");
    assertThat(r.apply("the gateway")).isEqualTo("the gateway");
    assertThat(r.apply("vm-web03")).isEqualTo(r.apply("VM-WEB03")).isEqualTo("host-1");
    r.learn("other.yaml", read("path: {target: vm-web04.corp.example}"));
    assertThat(r.apply("vm-web03.corp.example vm-web04.corp.example")).isEqualTo("host-1.domain-1 host-2.domain-1");
  }

  @Test
  void aRedactedSymptomFileStillReads() {
    Redactor r = new Redactor();
    ObjectNode redacted = r.apply(BundledVocabulary.get(), tree("""
        path: {target: rdp01.corp.example}
        certificate: {subject: CN=rdp01.corp.example, names: [rdp01.corp.example], not_after: 2030-01-01}
        """));
    assertThat(redacted.at("/path/target").asText()).isEqualTo("host-1.domain-1");
    assertThat(redacted.at("/certificate/subject").asText()).isEqualTo("subject-1");
    assertThat(redacted.at("/certificate/names")).containsExactly(TextNode.valueOf("host-1.domain-1"));
    assertThat(redacted.at("/certificate/not_after").asText()).isEqualTo("2030-01-01");
  }

  @Test
  void aCertificateNamedLikeADateLeavesTheDatesAlone() {
    // the name is hidden wherever it is text; a date key keeps its date, so the file still reads
    Redactor r = new Redactor();
    ObjectNode redacted = r.apply(BundledVocabulary.get(), tree("""
        path: {target: 2030-01-01}
        certificate: {names: ['2030-01-01'], not_after: 2030-01-01}
        """));
    assertThat(redacted.at("/path/target").asText()).isEqualTo("host-1");
    assertThat(redacted.at("/certificate/names/0").asText()).isEqualTo("host-1");
    assertThat(redacted.at("/certificate/not_after").asText()).isEqualTo("2030-01-01");
    new CaseFileReader().read("redacted.yaml", redacted.toString().getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aDomainsSecurityIdentifierAndAThumbprintInAnyTextAreHiddenAndWellKnownSidsAreNot() {
    Redactor r = learning("""
        events:
          - {id: 36870, text: "key of S-1-5-21-1004336348-1177238915-682003330-1105 for 3f2a9c0d5b7e1a4c8f6d2b9e0a1c3d5f7b9e2a4c; S-1-5-18"}
        """);
    assertThat(r.apply("S-1-5-21-1004336348-1177238915-682003330-1105 owns 3F2A9C0D5B7E1A4C8F6D2B9E0A1C3D5F7B9E2A4C, not S-1-5-18"))
        .isEqualTo("sid-1 owns thumbprint-1, not S-1-5-18");
  }

  @Test
  void theEvidencesNameAndItsFolderAreHiddenAsTheSymptomFilesFolderIs() {
    Redactor r = new Redactor();
    r.learn("/home/jsmith/case.yaml + evidence /home/jsmith/cases/rdp-evidence-JUMP01-20260217.zip", null);
    assertThat(r.apply("read /home/jsmith/cases/rdp-evidence-JUMP01-20260217.zip beside /home/jsmith"))
        .isEqualTo("read folder-2 beside folder-1");
  }

  @Test
  void aComputerTheEvidenceComesFromIsHiddenWithItsShortNameWhateverItLooksLike() {
    Redactor r = new Redactor();
    r.learnMachines(List.of("fileserver.corp.example", "FS01", "localhost"));
    assertThat(r.apply("fileserver.corp.example (FILESERVER) and FS01, fs01 on localhost"))
        .isEqualTo("host-1.domain-1 (host-1) and host-2, host-2 on localhost");
  }
}
