package dev.rdpdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rdpdoctor.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code diagnose --evidence}, {@code explain --evidence} and {@code import}: Windows' own exports in a case. */
class EvidenceCommandTest {

  private static final String RULES = Fixtures.RULES.toString();
  private static final Path CERT = Fixtures.SAMPLES.resolve("evidence/cert-expired");
  private static final Path UNIT = Path.of("src/test/resources/evidence");

  @Test
  void aFolderOfEvidenceIsDiagnosedWithWhereEachFactWasFoundInTheTrace() {
    CliRun run = CliRun.of("diagnose", "--rules", RULES, "--explain", "--evidence", CERT.toString());
    assertThat(run.exit()).isZero();
    assertThat(run.out()).startsWith("Diagnosis for evidence " + CERT)
        .containsPattern("Most likely cause: .*\\[cert-expired\\]")
        .contains("matched certificate.expired = true  (worked out: not_after 2026-11-18 is before the observed date 2026-11-20;"
            + " not_after from evidence " + CERT + ": certutil-RemoteDesktop.txt line 2: certificate"
            + " 9B41C2E07D3F5A86B1E4C0D9A27F3E5C8D1B6A04 in Cert:\\LocalMachine\\Remote Desktop)")
        .contains("matched events[0].id = 1058  (worked out: evidence " + CERT + ": events-System.xml line 1: event 1058 from"
            + " Microsoft-Windows-TerminalServices-RemoteConnectionManager on 2026-11-20 (and 1 more like it))")
        .contains("observed 2026-11-20");
    assertThat(run.err()).contains("evidence: read 6 files; found ");
  }

  @Test
  void theUsersStatementsWinAndEachDisagreementSaysWhereTheEvidenceSaysOtherwise(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("case.yaml");
    Files.writeString(file, "error: {code: 0x904, extended: 0x7}\nrdp: {nla_required: false}\n");
    CliRun run = CliRun.of("diagnose", "--rules", RULES, "--evidence", CERT.toString(), file.toString());
    assertThat(run.exit()).isZero();
    assertThat(run.out()).startsWith("Diagnosis for " + file + " + evidence " + CERT)
        .contains("Your file and the evidence disagree (your statements are used):\n"
            + "  - rdp.nla_required: you wrote false, the evidence saw true (reg-TerminalServer.reg line 35:"
            + " \"UserAuthentication\"=dword:00000001)\n");
  }

  @Test
  void theJsonReportSaysWhereEachImportedFactAndEachDisagreementCameFrom(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("case.yaml");
    Files.writeString(file, "rdp: {nla_required: false}\n");
    CliRun run = CliRun.of("diagnose", "--rules", RULES, "--format", "json", "--evidence", CERT.toString(), file.toString());
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.at("/conflicts/0/by").asText()).isEqualTo("the evidence");
    assertThat(json.at("/conflicts/0/origin").asText()).isEqualTo("reg-TerminalServer.reg line 35: \"UserAuthentication\"=dword:00000001");
    assertThat(json.get("firings").findValues("derivation")).extracting(JsonNode::asText)
        .contains("evidence " + CERT + ": events-System.xml line 1: event 1058 from"
            + " Microsoft-Windows-TerminalServices-RemoteConnectionManager on 2026-11-20 (and 1 more like it)");
  }

  @Test
  void unknownFilesAreListedAsSkippedAndAMalformedExportIsALocatedErrorWhileTheRestIsRead(@TempDir Path dir) throws IOException {
    Files.copy(UNIT.resolve("RDP-Tcp.reg"), dir.resolve("RDP-Tcp.reg"));
    Files.copy(UNIT.resolve("notes.txt"), dir.resolve("notes.txt"));
    Files.copy(UNIT.resolve("truncated.reg"), dir.resolve("truncated.reg"));
    CliRun run = CliRun.of("diagnose", "--rules", RULES, "--explain", "--evidence", dir.toString());
    assertThat(run.exit()).as("the evidence could not all be read").isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(run.err()).contains("evidence: skipped notes.txt: not an export rdp-doctor reads")
        .contains(dir.resolve("truncated.reg") + ":5:82: error: the file ends inside a value that goes on to the next line: it"
            + " was cut short")
        .contains("evidence: read 2 files, skipped 1");
    assertThat(run.out()).contains("rdp.custom_certificate = true  (worked out: evidence " + dir + ": RDP-Tcp.reg line 14:");
  }

  @Test
  void aZipOfEvidenceIsReadAsItsFolderWouldBe(@TempDir Path dir) throws IOException {
    Path zip = dir.resolve("rdp-evidence-FS01.zip");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      for (Path f : Files.list(CERT).sorted().toList()) {
        out.putNextEntry(new ZipEntry("rdp-evidence-FS01/" + f.getFileName()));
        out.write(Files.readAllBytes(f));
        out.closeEntry();
      }
    }
    CliRun run = CliRun.of("diagnose", "--rules", RULES, "--evidence", zip.toString());
    assertThat(run.exit()).isZero();
    assertThat(run.out()).containsPattern("Most likely cause: .*\\[cert-expired\\]");
  }

  @Test
  void explainReadsEvidenceToo() {
    CliRun run = CliRun.of("explain", "--rules", RULES, "--evidence", CERT.toString(), "--cause", "cert-expired");
    assertThat(run.exit()).isZero();
    assertThat(run.out()).contains("certutil-RemoteDesktop.txt line 2");
  }

  @Test
  void importWritesTheSymptomFileWithWhereEachValueWasFoundAndItReadsBackToTheSameDiagnosis(@TempDir Path dir) {
    Path out = dir.resolve("case.yaml");
    CliRun run = CliRun.of("import", "--rules", RULES, CERT.toString(), "-o", out.toString());
    assertThat(run.exit()).isZero();
    assertThat(run.err()).contains("import: wrote " + out);
    CliRun again = CliRun.of("import", "--rules", RULES, CERT.toString(), "-o", out.toString());
    assertThat(again.exit()).isEqualTo(ExitCode.USAGE);
    assertThat(again.err()).contains(out + " exists; add --force to replace it");
    CliRun diagnosed = CliRun.of("diagnose", "--rules", RULES, out.toString());
    assertThat(diagnosed.exit()).isZero();
    assertThat(diagnosed.out()).containsPattern("Most likely cause: .*\\[cert-expired\\]");
  }

  @Test
  void importOnStdoutStartsWithWhereEachValueWasFound() {
    CliRun run = CliRun.of("import", "--rules", RULES, CERT.toString());
    assertThat(run.out()).startsWith("# Written by rdp-doctor import from " + CERT + "; diagnose it with: rdp-doctor diagnose FILE\n"
        + "# Where each value was found:\n")
        .contains("#   certificate.not_after: certutil-RemoteDesktop.txt line 2: certificate 9B41C2E07D3F5A86B1E4C0D9A27F3E5C8D1B6A04")
        .contains("\ncertificate:\n").contains("  not_after: 2026-11-18\n");
  }

  @Test
  void redactHidesWhatTheEvidenceNamesInTheReportAndInTheImportedFile(@TempDir Path dir) throws IOException {
    Path evidence = Files.createDirectories(dir.resolve("rdp-evidence-JUMP01-20260217"));
    for (Path f : Files.list(Fixtures.SAMPLES.resolve("evidence/stuck-session")).toList()) {
      Files.copy(f, evidence.resolve(f.getFileName()));
    }
    Files.copy(CERT.resolve("certutil-RemoteDesktop.txt"), evidence.resolve("certutil-RemoteDesktop.txt"));
    Files.writeString(evidence.resolve("events-extra.csv"), "Level,Date and Time,Source,Event ID,Task Category\r\n"
        + "Error,2/17/2026 9:01:00 AM,Schannel,36870,None,\"Key container of S-1-5-21-1004336348-1177238915-682003330-512"
        + " for CORP\\mweber at 10.8.0.14 failed on JUMP01\"\r\n");
    Files.writeString(evidence.resolve("bad.rdp"), "full address:s:rdp-pool.corp.example\nscreen mode id:i:two\n");
    CliRun run = CliRun.of("diagnose", "--rules", RULES, "--explain", "--format", "markdown", "--redact", "--evidence",
        evidence.toString());
    assertThat(run.exit()).as("bad.rdp is an error").isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(run.err()).contains("bad.rdp:2:18: error: the setting 'screen mode id' is a number");
    assertThat(run.out() + run.err()).doesNotContain("mweber", "10.8.0.14", "S-1-5-21-1004336348", "9B41C2E07D3F5A86B1E4C0D9A27F3E5C8D1B6A04",
        "fs01.corp.example", "JUMP01", dir.toString());
    assertThat(run.out()).contains("sid-1").contains("user-1");
    CliRun imported = CliRun.of("import", "--rules", RULES, "--redact", evidence.toString());
    assertThat(imported.out() + imported.err()).doesNotContain("mweber", "10.8.0.14", "S-1-5-21-1004336348",
        "9B41C2E07D3F5A86B1E4C0D9A27F3E5C8D1B6A04", "fs01.corp.example", "JUMP01");
  }

  @Test
  void evidenceGoesWithOneCaseAndNotWithAProbe(@TempDir Path dir) throws IOException {
    CliRun probing = CliRun.of("diagnose", "--rules", RULES, "--evidence", CERT.toString(), "--probe", "127.0.0.1:1");
    assertThat(probing.exit()).isEqualTo(ExitCode.USAGE);
    assertThat(probing.err()).startsWith("rdp-doctor: --evidence and --probe: give one of them\n");
    CliRun folder = CliRun.of("diagnose", "--rules", RULES, "--evidence", CERT.toString(), Fixtures.SAMPLES.toString());
    assertThat(folder.exit()).isEqualTo(ExitCode.USAGE);
    assertThat(folder.err()).startsWith("rdp-doctor: --evidence goes with symptom files, not with folders or JSON Lines\n");
    CliRun missing = CliRun.of("diagnose", "--rules", RULES, "--evidence", dir.resolve("none").toString());
    assertThat(missing.exit()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(missing.err()).contains(dir.resolve("none") + ":1:1: error: no such file or folder");
  }

  @Test
  void diagnoseReadsNoEvidenceASymptomFileNames() {
    CliRun run = CliRun.of("diagnose", "--rules", RULES, "--explain", Fixtures.SAMPLES.resolve("evidence-cert-expired.yaml").toString());
    assertThat(run.out()).doesNotContain("certutil-RemoteDesktop.txt").doesNotContain("[cert-expired]  CF 0.9");
    assertThat(new String(run.err().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).doesNotContain("evidence: read");
  }
}
