package dev.rdpdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rdpdoctor.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesCommandTest {

  private static final String RULES = Fixtures.RULES.toString();

  @Test
  void checkPassesOnTheProjectsRules() {
    CliRun run = CliRun.of("rules", "check", "--rules", RULES);
    assertThat(run.exit()).isZero();
    assertThat(run.out()).startsWith("rules check: rules: ").contains(" 0 errors");
    assertThat(run.err().lines()).allMatch(l -> l.contains(": warning: "));
  }

  @Test
  void checkFailsWithLocatedErrorsOnABrokenFolder(@TempDir Path dir) throws Exception {
    Path rules = Fixtures.copyOfRules(dir.resolve("rules"));
    Path drl = rules.resolve("certificate/expired.drl");
    Files.writeString(drl, Files.readString(drl)
        .replace("@id(\"CERT-001\") @cause(\"cert-expired\")", "@id(\"CERT-001\") @cause(\"cert-expird\")")
        .replace("Certificate(expired == false)", "Certificate(expired == )"));
    CliRun run = CliRun.of("rules", "check", "--rules", rules.toString());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err().lines())
        .anyMatch(l -> l.matches(".*/rules/certificate/expired\\.drl:\\d+:\\d+: error: .*"))
        .allMatch(l -> l.matches(".*:\\d+:\\d+: (error|warning): .*"));
    assertThat(run.out()).containsPattern("[1-9]\\d* errors?");
  }

  @Test
  void checkFailsWithALocatedErrorOnABrokenVocabularyFile(@TempDir Path dir) throws Exception {
    Path rules = Fixtures.copyOfRules(dir.resolve("rules"));
    Path rdp = rules.resolve("vocabulary/rdp.yaml");
    Files.writeString(rdp, Files.readString(rdp).replaceFirst("(?m)^        type: yes-no$", "        type: yes-or-no"));
    CliRun run = CliRun.of("rules", "check", "--rules", rules.toString());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err().lines())
        .anyMatch(l -> l.matches(".*/rules/vocabulary/rdp\\.yaml:\\d+:\\d+: error: .*'yes-or-no'.*"))
        .allMatch(l -> l.matches(".*:\\d+:\\d+: (error|warning): .*"));
    assertThat(run.out()).containsPattern("[1-9]\\d* errors?");
  }

  @Test
  void aVocabularyThatDoesNotReadIsTheOnlyThingCheckSays(@TempDir Path dir) throws Exception {
    Path rules = Fixtures.copyOfRules(dir.resolve("rules"));
    Path tests = rules.resolve("vocabulary/tests.yaml");
    Files.writeString(tests, Files.readString(tests).replaceFirst("(?m)^    keys:\n", """
            keys:
              signs_in_locally:
                type: yes-no
                doc: a local account signs in
                example: "true"
                windows:
                  - command: "mstsc, then sign in as a local administrator"
        """));
    CliRun run = CliRun.of("rules", "check", "--rules", rules.toString());
    assertThat(run.exit()).isEqualTo(ExitCode.FAILED);
    assertThat(run.err().lines()).singleElement().asString()
        .startsWith(tests + ":").contains("signs_in_locally.windows[0].command: expected a section");
  }

  @Test
  void testPassesOnTheBundledSamples() {
    CliRun run = CliRun.of("rules", "test", "--rules", RULES);
    assertThat(run.exit()).isZero();
    assertThat(run.out().lines().filter(l -> l.startsWith("PASS  ")).count()).isGreaterThanOrEqualTo(25);
    assertThat(run.out()).doesNotContain("FAIL").containsPattern("\\d+ samples: \\d+ passed, 0 failed")
        .contains("Coverage: ");
  }

  @Test
  void testFailsReadablyWhenAnExpectationChanges(@TempDir Path dir) throws Exception {
    Path samples = Files.createDirectories(dir.resolve("facts-samples"));
    String text = Files.readString(Fixtures.SAMPLES.resolve("cert-expired.yaml"));
    Files.writeString(samples.resolve("cert-expired.yaml"), text.replace("top: cert-expired", "top: clock-skew"));
    CliRun run = CliRun.of("rules", "test", "--rules", RULES, samples.toString());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out())
        .contains("FAIL  " + samples.resolve("cert-expired.yaml"))
        .contains("- expected top 'clock-skew', got 'cert-expired'")
        .contains("actual ranking: 1. cert-expired")
        .contains("evidence for clock-skew")
        .contains("evidence for cert-expired (CF ")
        .contains("1 samples: 0 passed, 1 failed");
  }

  @Test
  void testWorksOnATeamsOwnFolder(@TempDir Path dir) throws Exception {
    Path rules = Fixtures.copyOfRules(dir.resolve("rules"));
    Path samples = Files.createDirectories(dir.resolve("facts-samples"));
    Files.copy(Fixtures.SAMPLES.resolve("gateway-cert-mismatch.yaml"), samples.resolve("gw.yaml"));
    CliRun run = CliRun.of("rules", "test", "--rules", rules.toString());
    assertThat(run.exit()).isZero();
    assertThat(run.out()).contains("PASS  ").contains("gw.yaml").contains("1 samples: 1 passed, 0 failed");
  }

  @Test
  void ticketsBesideTheRulesAreMeasuredNotPassedOrFailed(@TempDir Path dir) throws Exception {
    Path rules = Fixtures.copyOfRules(dir.resolve("rules"));
    Path samples = Files.createDirectories(dir.resolve("facts-samples"));
    Files.copy(Fixtures.SAMPLES.resolve("gateway-cert-mismatch.yaml"), samples.resolve("gw.yaml"));
    Path tickets = Files.createDirectories(dir.resolve("tickets"));
    Files.copy(Fixtures.SAMPLES.resolve("cert-expired.yaml"), tickets.resolve("a-right.yaml"));
    String text = Files.readString(Fixtures.SAMPLES.resolve("cert-expired.yaml"));
    Files.writeString(tickets.resolve("b-wrong.yaml"), text.replace("top: cert-expired", "top: rds-licensing"));
    CliRun run = CliRun.of("rules", "test", "--rules", rules.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("1 samples: 1 passed, 0 failed")
        .contains("Realistic tickets (measured, not passed or failed):")
        .contains("    1  " + tickets.resolve("a-right.yaml") + "  cert-expired\n")
        .contains("    -  " + tickets.resolve("b-wrong.yaml") + "  rds-licensing (first: cert-expired)\n")
        .contains("2 tickets: the confirmed cause first in 1 (50 %), in the first three in 1 (50 %)");

    Files.writeString(tickets.resolve("c-typo.yaml"), "title: a typo\nerrr: {}\n");
    CliRun invalid = CliRun.of("rules", "test", "--rules", rules.toString());
    assertThat(invalid.exit()).isEqualTo(3);
    assertThat(invalid.err()).startsWith(tickets.resolve("c-typo.yaml") + ":2:1: error: unknown key 'errr'");
    assertThat(CliRun.of("rules", "test", "--rules", rules.toString(), "--tickets", dir.resolve("none").toString()).err())
        .contains("--tickets " + dir.resolve("none") + ": no such folder");
  }

  @Test
  void testSaysAnInvalidSamplesErrorsOnStderrLikeEveryCommandAndKeepsTheReportOnStdout(@TempDir Path dir) throws Exception {
    Path samples = Files.createDirectories(dir.resolve("facts-samples"));
    Files.copy(Fixtures.SAMPLES.resolve("cert-expired.yaml"), samples.resolve("good.yaml"));
    Files.writeString(samples.resolve("typo.yaml"), "title: a typo\nerror:\n  code: 0x904\n  extendd: 0x7\n");
    CliRun run = CliRun.of("rules", "test", "--rules", RULES, samples.toString());
    assertThat(run.exit()).isEqualTo(3);
    assertThat(run.err().lines()).singleElement().asString()
        .startsWith(samples.resolve("typo.yaml") + ":4:3: error: unknown key 'extendd'");
    assertThat(run.out()).doesNotContain("error:").contains("PASS  " + samples.resolve("good.yaml"))
        .contains("INVALID  " + samples.resolve("typo.yaml")).contains("2 samples: 1 passed, 0 failed, 1 invalid")
        .contains("Coverage: ");
  }

  @Test
  void testWithoutSamplesIsAUsageError(@TempDir Path dir) {
    Path rules = Fixtures.copyOfRules(dir.resolve("rules"));
    CliRun run = CliRun.of("rules", "test", "--rules", rules.toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("no samples");
  }

  @Test
  void docWritesTheCatalogAndNeverOverwritesWithoutForce(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("catalog.md");
    assertThat(CliRun.of("rules", "doc", "--rules", RULES, "-o", out.toString()).exit()).isZero();
    String catalog = Files.readString(out);
    assertThat(catalog).startsWith("# Knowledge-base catalog").contains("### cert-expired").contains("| CERT-001 ");
    Files.writeString(out, "mine");
    CliRun again = CliRun.of("rules", "doc", "--rules", RULES, "-o", out.toString());
    assertThat(again.exit()).isEqualTo(2);
    assertThat(again.err()).contains("exists; add --force");
    assertThat(Files.readString(out)).isEqualTo("mine");
    assertThat(CliRun.of("rules", "doc", "--rules", RULES, "-o", out.toString(), "--force").exit()).isZero();
    assertThat(Files.readString(out)).isEqualTo(catalog);
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(out);
    }
  }

  @Test
  void docWithSymptomFileWritesTheSymptomFileReferenceFromTheVocabularyAndNeverOverwritesWithoutForce(@TempDir Path dir)
      throws Exception {
    Path out = dir.resolve("symptom-file.md");
    CliRun run = CliRun.of("rules", "doc", "--symptom-file", "--rules", RULES, "-o", out.toString());
    assertThat(run.exit()).isZero();
    assertThat(run.err()).matches("rules doc: wrote \\Q" + out + "\\E \\(\\d+ keys\\)\\n");
    String reference = Files.readString(out);
    assertThat(reference).startsWith("# The symptom file").contains("\n## `rdp`\n")
        .contains("| `nla_required` | true/false | Network Level Authentication required");
    Files.writeString(out, "mine");
    CliRun again = CliRun.of("rules", "doc", "--symptom-file", "--rules", RULES, "-o", out.toString());
    assertThat(again.exit()).isEqualTo(2);
    assertThat(again.err()).contains("exists; add --force");
    assertThat(Files.readString(out)).isEqualTo("mine");
    assertThat(CliRun.of("rules", "doc", "--symptom-file", "--rules", RULES, "-o", out.toString(), "--force").exit()).isZero();
    assertThat(Files.readString(out)).isEqualTo(reference);
  }

  @Test
  void aKeyTheKnowledgeTeamDeclaresAppearsInTheSymptomFileReferenceWithItsValues(@TempDir Path dir) throws Exception {
    Path rules = Fixtures.copyOfRules(dir.resolve("rules"));
    Path tests = rules.resolve("vocabulary/tests.yaml");
    Files.writeString(tests, Files.readString(tests).replace("      tls_inspection_detected:\n", """
              secure_channel:
                type: one-of
                of: SecureChannel
                doc: what `Test-ComputerSecureChannel` says on the host
                example: broken
        """ + "      tls_inspection_detected:\n") + """

        sets:
          SecureChannel:
            intact: ["true"]
            broken: ["false", repair-needed]
        """);
    CliRun run = CliRun.of("rules", "doc", "--symptom-file", "--rules", rules.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    String tables = run.out().substring(run.out().indexOf("\n## `tests`\n"));
    assertThat(tables.substring(0, tables.indexOf("\n## ", 1))).contains(
        "| `secure_channel` | `intact` (`true`), `broken` (`false`, `repair-needed`) | what `Test-ComputerSecureChannel`"
            + " says on the host | `broken` |\n");
  }

  @Test
  void docWithSymptomFileOnABrokenVocabularyGivesItsLocatedErrors(@TempDir Path dir) throws Exception {
    Path rules = Fixtures.copyOfRules(dir.resolve("rules"));
    Path rdp = rules.resolve("vocabulary/rdp.yaml");
    Files.writeString(rdp, Files.readString(rdp).replace("of: SecurityLayer", "of: SecurityLayr"));
    Path text = rules.resolve("vocabulary/symptom-file-doc.md");
    CliRun run = CliRun.of("rules", "doc", "--symptom-file", "--rules", rules.toString());
    assertThat(run.exit()).isEqualTo(3);
    assertThat(run.err().lines()).singleElement().asString()
        .matches(".*/rules/vocabulary/rdp\\.yaml:\\d+:\\d+: error: .*'SecurityLayr'.*did you mean 'SecurityLayer'.*");
    assertThat(run.out()).isEmpty();

    Files.writeString(rdp, Files.readString(rdp).replace("of: SecurityLayr", "of: SecurityLayer"));
    Files.writeString(text, Files.readString(text).replace("## `probe`", "## `prob`"));
    CliRun heading = CliRun.of("rules", "doc", "--symptom-file", "--rules", rules.toString());
    assertThat(heading.exit()).isEqualTo(3);
    assertThat(heading.err()).matches("(?s).*/rules/vocabulary/symptom-file-doc\\.md:\\d+:1: error: the heading '## `prob`'"
        + " names no section of the symptom file \\(did you mean 'probe'\\?\\).*");
  }

  @Test
  void theCommittedSymptomFileReferenceIsUpToDate() throws Exception {
    CliRun run = CliRun.of("rules", "doc", "--symptom-file", "--rules", RULES);
    assertThat(run.exit()).isZero();
    assertThat(Files.readString(Path.of("docs/symptom-file.md")))
        .as("docs/symptom-file.md is out of date: regenerate it with"
            + " ./rdp-doctor rules doc --symptom-file -o docs/symptom-file.md --force")
        .isEqualTo(run.out());
  }

  @Test
  void theCommittedCatalogIsUpToDate() throws Exception {
    CliRun run = CliRun.of("rules", "doc", "--rules", RULES);
    assertThat(run.exit()).isZero();
    assertThat(Files.readString(Path.of("docs/catalog.md")))
        .as("docs/catalog.md is out of date: regenerate it with ./rdp-doctor rules doc -o docs/catalog.md --force")
        .isEqualTo(run.out());
  }
}
