package dev.rdpdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.api.InstanceOfAssertFactories;

import dev.rdpdoctor.Fixtures;
import dev.rdpdoctor.casefile.CaseFile;
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
    assertThat(read.values().at("certificate.expired")).hasValue(true);
    CliRun diagnose = CliRun.of("diagnose", "--rules", Fixtures.RULES.toString(), file.toString());
    assertThat(diagnose.exit()).isZero();
    assertThat(diagnose.out()).containsPattern("Most likely cause: .*\\[cert-expired\\]");
  }

  @Test
  void aHostNameNoSymptomFileCouldHoldIsAUsageErrorWithAShortMessage() {
    CliRun run = CliRun.of("probe", "rdp" + "0".repeat(130_000) + ".corp.example");
    assertThat(run.exit()).isEqualTo(ExitCode.USAGE);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines().findFirst().orElseThrow())
        .endsWith("a host name of 130,016 characters; DNS carries at most 253").hasSizeLessThan(300);
  }

  @Test
  void whatAHostileServerPresentsIsWrittenWithinWhatTheReaderReads(@TempDir Path dir) throws Exception {
    String[] names = new String[600];
    for (int i = 0; i < names.length; i++) {
      names[i] = String.format("h%04d.test", i);
    }
    names[500] = "127.0.0.1";
    TestCertificates.Issued hostile = TestCertificates.certificate().subject("\\,".repeat(10_100)).dns(names).make();
    try (FakeRdpServer huge = FakeRdpServer.start(WindowsPolicy.requiringNla().script(hostile.serverContext()))) {
      Path file = dir.resolve("hostile.yaml");
      CliRun probe = CliRun.of("probe", "127.0.0.1:" + huge.port(), "-o", file.toString());
      assertThat(probe.exit()).isZero();
      assertThat(Files.size(file)).isLessThan(256 * 1024);
      CaseFile read = new CaseFileReader().read(file);
      assertThat(read.values().at("certificate.names").orElseThrow()).asInstanceOf(InstanceOfAssertFactories.LIST).hasSize(256).contains("127.0.0.1", "h0000.test");
      assertThat(read.values().at("probe.tls.name_matches")).hasValue(true);
      assertThat(read.values().at("certificate.subject").orElseThrow()).asInstanceOf(InstanceOfAssertFactories.STRING).hasSizeLessThan(2_000).endsWith("characters)");
      assertThat(read.values().at("notes").orElseThrow()).asInstanceOf(InstanceOfAssertFactories.STRING)
          .contains("certificate.names: the server sent 601 names; the 256 kept include those that cover 127.0.0.1")
          .contains("certificate.subject: the server sent 20,203 characters; the first ");
      CliRun diagnose = CliRun.of("diagnose", "--rules", Fixtures.RULES.toString(), file.toString());
      assertThat(diagnose.exit()).as(diagnose.err()).isZero();
    }
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
    assertThat(run.err()).contains("--timeout must be between 0.001 and 600 seconds");
  }

  @Test
  void aTimeoutTooShortToCountIsAUsageErrorNotAnInternalOne() {
    for (String timeout : java.util.List.of("0.0004", "3e-250", "-0.25", "600.01", "NaN", "1e999")) {
      CliRun run = CliRun.of("probe", "--timeout=" + timeout, "127.0.0.1:1");
      assertThat(run.exit()).as(timeout).isEqualTo(ExitCode.USAGE);
      assertThat(run.err()).as(timeout).startsWith("rdp-doctor: --timeout must be between 0.001 and 600 seconds, got ")
          .doesNotContain("internal error");
    }
  }

  @Test
  void everyTargetThatCannotBeProbedIsAUsageErrorSayingWhy() {
    String longName = "rdp".repeat(90) + ".example";
    String longLabel = "a".repeat(64) + ".example";
    java.util.Map<String, String> refused = new java.util.LinkedHashMap<>();
    refused.put("10.1.2.3:3389:7", "'10.1.2.3:3389:7' is not an IPv6 address (an IPv6 address with a port is written in brackets: [fe80::1]:3389)");
    refused.put("fe80::1::2", "'fe80::1::2' is not an IPv6 address");
    refused.put("gw:1:2", "'gw:1:2' is not an IPv6 address");
    refused.put("[fe80::1%nosuchinterface9]:3389", "'fe80::1%nosuchinterface9' is not an IPv6 address");
    refused.put("[gw01]:3389", "'gw01' is not an IPv6 address");
    refused.put("10.1.2.300", "'10.1.2.300' is not an IPv4 address: it has four numbers from 0 to 255, like 10.0.0.5");
    refused.put("10.1.2", "'10.1.2' is not an IPv4 address");
    refused.put("10.1.2.3:0", "port 0 is out of range (1-65535)");
    refused.put("10.1.2.3:65536", "port 65536 is out of range (1-65535)");
    refused.put("10.1.2.3:123456789012", "port 123456789012 is out of range (1-65535)");
    refused.put("10.1.2.3:", "the port '' is not a number");
    refused.put(":3389", "no host name; write HOST or HOST:PORT");
    refused.put("[]:3389", "no host name; write HOST or HOST:PORT");
    refused.put("[::1]:x", "the port 'x' is not a number");
    refused.put("rdp01..corp.example", "'rdp01..corp.example' has an empty part between dots");
    refused.put(longLabel, "has a part of 64 characters between dots; DNS allows at most 63");
    refused.put(longName, "a host name of 278 characters; DNS carries at most 253");
    for (var bad : refused.entrySet()) {
      for (String[] args : java.util.List.of(new String[] {"probe", bad.getKey()},
          new String[] {"probe", "--gateway", bad.getKey(), "127.0.0.1:1"},
          new String[] {"diagnose", "--probe", bad.getKey()})) {
        CliRun run = CliRun.of(args);
        assertThat(run.exit()).as(String.join(" ", args)).isEqualTo(ExitCode.USAGE);
        assertThat(run.err().lines().findFirst().orElse("")).as(String.join(" ", args))
            .startsWith("rdp-doctor: " + (args[1].equals("--gateway") ? "--gateway" : "the host") + ": ")
            .contains(bad.getValue());
        assertThat(run.err()).doesNotContain("internal error").doesNotContain("probing");
      }
    }
  }
}
