package dev.rdpdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rdpdoctor.Fixtures;
import dev.rdpdoctor.casefile.CaseFile;
import dev.rdpdoctor.casefile.CaseFileReader;
import dev.rdpdoctor.probe.FakeRdpServer;
import dev.rdpdoctor.probe.TestCertificates;
import dev.rdpdoctor.probe.WindowsPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProbeCommandTest {

  private static FakeRdpServer server;

  @BeforeAll
  static void start() {
    TestCertificates.Issued expired = TestCertificates.certificate().expiredDaysAgo(35).make();
    server = FakeRdpServer.start(WindowsPolicy.requiringNla().script(expired.serverContext()));
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  private static String target() {
    return "127.0.0.1:" + server.port();
  }

  @Test
  void writesASymptomFileOnStdoutAndProgressOnStderr() {
    CliRun run = CliRun.of("probe", target());
    assertThat(run.exit()).isZero();
    assertThat(run.out()).startsWith("# Written by rdp-doctor probe")
        .contains("title: Probe of " + target())
        .contains("  nla_required: true")
        .contains("    - requested: client-like");
    assertThat(run.err()).contains("probe: probing " + target()).contains("probe: done in ");
  }

  @Test
  void theFileItWritesIsOneDiagnoseReads(@TempDir Path dir) {
    Path file = dir.resolve("probe.yaml");
    CliRun probe = CliRun.of("probe", target(), "-o", file.toString());
    assertThat(probe.exit()).isZero();
    assertThat(probe.out()).isEmpty();
    assertThat(probe.err()).contains("probe: wrote " + file);
    CaseFile read = new CaseFileReader().read(file);
    assertThat(read.symptoms().certificate().expired()).isTrue();
    CliRun diagnose = CliRun.of("diagnose", "--rules", Fixtures.RULES.toString(), file.toString());
    assertThat(diagnose.exit()).isZero();
    assertThat(diagnose.out()).containsPattern("Most likely cause: .*\\[cert-expired\\]");
  }

  @Test
  void neverReplacesAFileWithoutForce(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("probe.yaml");
    Files.writeString(file, "title: mine\n");
    CliRun run = CliRun.of("probe", target(), "-o", file.toString());
    assertThat(run.exit()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains(file + " exists; add --force to replace it");
    assertThat(Files.readString(file)).isEqualTo("title: mine\n");
    assertThat(CliRun.of("probe", target(), "-o", file.toString(), "--force").exit()).isZero();
    assertThat(Files.readString(file)).contains("Probe of ");
  }

  @Test
  void aTargetThatIsNoHostIsAUsageError() {
    CliRun run = CliRun.of("probe", "rdp01:notaport");
    assertThat(run.exit()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("rdp-doctor: the host: 'rdp01:notaport': the port 'notaport' is not a number");
  }

  @Test
  void aTimeoutOutOfRangeIsAUsageError() {
    CliRun run = CliRun.of("probe", target(), "--timeout", "0");
    assertThat(run.exit()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("--timeout must be between 0 and 600 seconds");
  }
}
