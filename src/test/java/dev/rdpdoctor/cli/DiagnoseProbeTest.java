package dev.rdpdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rdpdoctor.Fixtures;
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

/** {@code diagnose --probe}: probe and diagnose in one go, merged with a symptom file when one is given. */
class DiagnoseProbeTest {

  private static final String RULES = Fixtures.RULES.toString();
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
  void ranksTheExpiredCertificateFirstWithTheProbeFactsInTheTrace() {
    CliRun run = CliRun.of("diagnose", "--rules", RULES, "--explain", "--probe", target());
    assertThat(run.exit()).isZero();
    assertThat(run.out())
        .startsWith("Diagnosis for probe of " + target())
        .containsPattern("Most likely cause: .*\\[cert-expired\\]  CF 0\\.9\\d")
        .contains("CERT-006 \"The certificate the probe saw on the RDP port has expired\"")
        .containsPattern("matched certificate.expired = true  \\(worked out: not_after \\d{4}-\\d\\d-\\d\\d is before the observed date")
        .contains("matched probe.tcp.outcome = connected  (worked out: probe of " + target() + ": seen on the wire)");
    assertThat(run.err()).contains("probe: probing " + target());
  }

  @Test
  void theUsersStatementsWinAndConflictsAreShown(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("case.yaml");
    Files.writeString(file, """
        error: {code: 0x904, extended: 0x7, affects: everyone}
        rdp: {nla_required: false}
        """);
    CliRun run = CliRun.of("diagnose", "--rules", RULES, "--probe", target(), file.toString());
    assertThat(run.exit()).isZero();
    assertThat(run.out())
        .startsWith("Diagnosis for " + file + " + probe of " + target())
        .contains("error 0x904 (2308): socket closed")
        .contains("Your file and the probe disagree (your statements are used):\n"
            + "  - rdp.nla_required: you wrote false, the probe saw true\n")
        .containsPattern("Most likely cause: .*\\[cert-expired\\]");
  }

  @Test
  void severalSymptomFilesWithOneProbeGetOneReportEachSeparatedByALine(@TempDir Path dir) throws Exception {
    Path first = dir.resolve("first.yaml");
    Path second = dir.resolve("second.yaml");
    Files.writeString(first, "rdp: {nla_required: false}\n");
    Files.writeString(second, "error: {code: 0x904, extended: 0x7, affects: everyone}\n");
    CliRun run = CliRun.of("diagnose", "--rules", RULES, "--probe", target(), first.toString(), second.toString());
    assertThat(run.exit()).isZero();
    String[] reports = run.out().split("\n----------------------------------------------------------------------\n\n", -1);
    assertThat(reports).hasSize(2);
    assertThat(reports[0]).startsWith("Diagnosis for " + first + " + probe of " + target());
    assertThat(reports[1]).startsWith("Diagnosis for " + second + " + probe of " + target());
  }

  @Test
  void jsonListsTheConflicts(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("case.yaml");
    Files.writeString(file, "rdp: {nla_required: false}\n");
    CliRun run = CliRun.of("diagnose", "--rules", RULES, "--format", "json", "--probe", target(), file.toString());
    assertThat(run.exit()).isZero();
    JsonNode root = new ObjectMapper().readTree(run.out());
    assertThat(root.get("top").asText()).isEqualTo("cert-expired");
    assertThat(root.at("/conflicts/0/path").asText()).isEqualTo("rdp.nla_required");
    assertThat(root.at("/conflicts/0/stated").asText()).isEqualTo("false");
    assertThat(root.at("/conflicts/0/probed").asText()).isEqualTo("true");
  }

  @Test
  void withoutProbeTheJsonHasNoConflicts() throws Exception {
    CliRun run = CliRun.of("diagnose", "--rules", RULES, "--format", "json", "facts-samples/cert-expired.yaml");
    JsonNode root = new ObjectMapper().readTree(run.out());
    assertThat(root.get("conflicts").isArray()).isTrue();
    assertThat(root.get("conflicts")).isEmpty();
  }

  @Test
  void aProbeGoesWithSymptomFilesNotWithABatch() {
    for (String[] cases : List.of(new String[] {"facts-samples"}, new String[] {"-"}, new String[] {"cases.jsonl"})) {
      List<String> args = new java.util.ArrayList<>(List.of("diagnose", "--rules", RULES, "--probe", "127.0.0.1:9"));
      args.addAll(List.of(cases));
      CliRun run = CliRun.of(args.toArray(String[]::new));
      assertThat(run.exit()).as(String.join(" ", args)).isEqualTo(ExitCode.USAGE);
      assertThat(run.err()).contains("--probe goes with symptom files, not with folders or JSON Lines");
    }
  }

  @Test
  void needsAFileOrAProbe() {
    CliRun run = CliRun.of("diagnose", "--rules", RULES);
    assertThat(run.exit()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("give a symptom file to diagnose, or --probe HOST");
  }

  @Test
  void probeOptionsWithoutProbeAreAUsageError() {
    CliRun run = CliRun.of("diagnose", "--rules", RULES, "--gateway", "gw01.corp.example", "facts-samples/cert-expired.yaml");
    assertThat(run.exit()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("--gateway and --timeout go with --probe HOST");
  }
}
