package dev.rdpdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rdpdoctor.Fixtures;
import dev.rdpdoctor.casefile.CaseFileReader;
import dev.rdpdoctor.probe.FakeRdpServer;
import dev.rdpdoctor.probe.TestCertificates;
import dev.rdpdoctor.probe.WindowsPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RedactOptionTest {

  private static final String RULES = Fixtures.RULES.toString();
  private static final String CASE = """
      title: "jsmith@contoso.example cannot reach desk17.corp.contoso.example (10.20.30.40) through rdg.contoso.example"
      notes: "Event text quoted CONTOSO\\\\jsmith; the host also answers on fe80::a1b2:3ff:fe4d:5"
      error: {code: 0x904, extended: 0x7, affects: everyone}
      path:
        kind: rd-gateway
        target: desk17.corp.contoso.example
        gateway: {fqdn: rdg.contoso.example, certificate_names: [remote.contoso.example, "*.contoso.net"]}
      host: {name: desk17.corp.contoso.example}
      certificate:
        subject: "CN=desk17.corp.contoso.example, O=Contoso & Partners"
        issuer: CN=Contoso Issuing CA
        thumbprint: 3A4B5C6D7E8F90A1B2C3D4E5F60718293A4B5C6D
        not_after: 2026-01-01
      observed: 2026-11-20
      events:
        - {id: 4625, text: "An account failed to log on. Account Name: adoe"}
      """;
  private static final List<String> SECRETS = List.of("contoso", "desk17", "jsmith", "adoe", "10.20.30.40",
      "fe80::a1b2", "3A4B5C6D7E8F", "3a4b5c6d7e8f", "Issuing CA", "tickets-of-jsmith");

  private static FakeRdpServer server;

  @BeforeAll
  static void start() {
    TestCertificates.Issued expired = TestCertificates.certificate().subject("rdp01.corp.example").expiredDaysAgo(35).make();
    server = FakeRdpServer.start(WindowsPolicy.requiringNla().script(expired.serverContext()));
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  private static Path caseFile(Path dir) throws Exception {
    Path folder = Files.createDirectories(dir.resolve("tickets-of-jsmith"));
    return Files.writeString(folder.resolve("case.yaml"), CASE);
  }

  @Test
  void everyReportFormatHidesNamesAddressesUsersSubjectsAndThumbprints(@TempDir Path dir) throws Exception {
    Path file = caseFile(dir);
    CliRun plain = CliRun.of("diagnose", "--rules", RULES, "--explain", file.toString());
    assertThat(plain.out()).as("without --redact").contains("desk17.corp.contoso.example", "10.20.30.40", "jsmith");
    for (String format : List.of("text", "json", "markdown", "html")) {
      CliRun run = CliRun.of("diagnose", "--rules", RULES, "--explain", "--redact", "--format", format, file.toString());
      assertThat(run.exit()).isZero();
      for (String secret : SECRETS) {
        assertThat(run.out()).as("%s output hides %s", format, secret).doesNotContainIgnoringCase(secret);
      }
      assertThat(run.out()).as(format).contains("host-1.domain-1").contains("ip-1").contains("user-1");
    }
    CliRun explain = CliRun.of("explain", "--rules", RULES, "--redact", file.toString());
    assertThat(explain.exit()).isZero();
    SECRETS.forEach(secret -> assertThat(explain.out()).doesNotContainIgnoringCase(secret));
  }

  @Test
  void theProbeOutputAndItsProgressHideTheHostItsAddressAndItsCertificate(@TempDir Path dir) {
    String target = "rdp01.corp.example:" + server.port();
    CliRun plain = CliRun.of("probe", target);
    assertThat(plain.out()).contains("rdp01.corp.example").contains("127.0.0.1");
    CliRun run = CliRun.of("probe", target, "--redact");
    assertThat(run.exit()).isZero();
    for (String secret : List.of("rdp01", "corp.example", "127.0.0.1")) {
      assertThat(run.out()).as("the symptom file hides %s", secret).doesNotContain(secret);
      assertThat(run.err()).as("the progress hides %s", secret).doesNotContain(secret);
    }
    assertThat(run.out()).contains("target: host-1.domain-1").contains("subject: subject-1").contains("- ip-1");
    assertThat(run.err()).contains("probe: probing host-1.domain-1:" + server.port());
  }

  @Test
  void aRedactedProbeFileIsStillASymptomFileToDiagnose(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("shared.yaml");
    assertThat(CliRun.of("probe", "rdp01.corp.example:" + server.port(), "--redact", "-o", file.toString()).exit()).isZero();
    assertThat(Files.readString(file)).doesNotContain("rdp01");
    assertThat(new CaseFileReader().read(file).values().at("certificate.expired")).hasValue(true);
    CliRun diagnose = CliRun.of("diagnose", "--rules", RULES, file.toString());
    assertThat(diagnose.out()).containsPattern("Most likely cause: .*\\[cert-expired\\]");
  }
}
