package dev.rdpdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rdpdoctor.Fixtures;
import dev.rdpdoctor.NeedsSystemPackages;
import dev.rdpdoctor.probe.TestCertificates;
import dev.rdpdoctor.probe.XrdpServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code diagnose --probe} against xrdp serving an expired certificate. */
@NeedsSystemPackages
class XrdpDiagnoseTest {

  @Test
  void ranksTheExpiredCertificateFirstWithTheProbeFactsInTheTrace(@TempDir Path dir) throws Exception {
    TestCertificates.Issued expired = TestCertificates.certificate().subject("rdp01.corp.example").expiredDaysAgo(35).make();
    try (XrdpServer xrdp = XrdpServer.start(XrdpServer.Config.tls(expired), dir)) {
      String target = "127.0.0.1:" + xrdp.port();
      CliRun run = CliRun.of("diagnose", "--rules", Fixtures.RULES.toString(), "--explain", "--probe", target);
      assertThat(run.exit()).as(run.err()).isZero();
      assertThat(run.out())
          .containsPattern("Most likely cause: The host's self-signed RDP certificate has expired.*\\[cert-expired\\]  CF 0\\.9\\d")
          .contains("CERT-001 \"RDP certificate is past its expiry date\"")
          .contains("CERT-006 \"The certificate the probe saw on the RDP port has expired\"")
          .containsPattern("matched probe.tls.certificate.expired = true  \\(worked out: not_after \\d{4}-\\d\\d-\\d\\d is before")
          .contains("matched probe.tls.version = TLSv1.")
          .contains("matched probe.tcp.outcome = connected");
      assertThat(run.err()).contains("probe: rdp request: failure ssl-required-by-server")
          .contains("probe: tls request: selected tls");
    }
  }
}
