package dev.rdpdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rdpdoctor.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiagnoseBatchTest {

  private static final String RULES = Fixtures.RULES.toString();
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String CERT_EXPIRED = """
      {"observed": "2026-11-20", "error": {"code": "0x904", "extended": "0x7", "affects": "everyone"}, \
      "certificate": {"self_signed": true, "not_after": "2026-11-18"}, "events": [1058]}""";
  private static final String NLA = """
      {"error": {"code": "0x904", "extended": "0x7"}, "client": {"app": "freerdp"}, "rdp": {"nla_required": true}}""";

  private static List<JsonNode> lines(String out) {
    return out.lines().map(l -> {
      try {
        return JSON.readTree(l);
      } catch (Exception e) {
        throw new AssertionError("not a line of JSON: " + l, e);
      }
    }).toList();
  }

  @Test
  void jsonLinesOnStdinGiveOneResultLinePerCaseInOrderAndASummary() {
    CliRun run = CliRun.withInput(CERT_EXPIRED + "\n" + NLA + "\n", "diagnose", "--rules", RULES, "-");
    assertThat(run.exit()).isZero();
    List<JsonNode> results = lines(run.out());
    assertThat(results).hasSize(2);
    JsonNode first = results.get(0);
    assertThat(first.get("schema").asText()).isEqualTo("rdp-doctor/result/1");
    assertThat(first.at("/case/file").asText()).isEqualTo("stdin");
    assertThat(first.at("/case/line").asInt()).isEqualTo(1);
    assertThat(first.get("top").asText()).isEqualTo("cert-expired");
    assertThat(first.get("cf").asDouble()).isBetween(0.9, 1.0);
    assertThat(first.get("first_fix").asText()).isEqualTo("renew-self-signed-cert");
    assertThat(first.at("/ranked/0/evidence").toString()).contains("CERT-001");
    assertThat(first.get("firings").toString()).contains("\"certificate.expired\":\"true\"");
    assertThat(results.get(1).at("/case/line").asInt()).isEqualTo(2);
    assertThat(run.err()).startsWith("rdp-doctor: 2 cases in ").contains("2 diagnosed, 0 rejected")
        .containsPattern("cert-expired +1");
  }

  @Test
  void aBadLineIsReportedWithItsLineNumberAndTheOthersStillRun() {
    String input = CERT_EXPIRED + "\n\n{\"titel\": \"x\"}\n" + NLA + "\n";
    CliRun run = CliRun.withInput(input, "diagnose", "--jsonl", "--rules", RULES);
    assertThat(run.exit()).isEqualTo(3);
    List<JsonNode> results = lines(run.out());
    assertThat(results).extracting(r -> r.at("/case/line").asInt()).containsExactly(1, 3, 4);
    assertThat(results.get(1).at("/errors/0/line").asInt()).isEqualTo(3);
    assertThat(results.get(1).at("/errors/0/message").asText()).startsWith("unknown key 'titel'");
    assertThat(results.get(2).has("top")).isTrue();
    assertThat(run.err().lines().findFirst().orElseThrow()).startsWith("stdin:3:2: error: unknown key 'titel'");
    assertThat(run.err()).contains("3 cases in").contains("2 diagnosed, 1 rejected");
  }

  @Test
  void theFullDiagnosisIsAvailableOnePerLine() {
    CliRun run = CliRun.withInput(CERT_EXPIRED + "\n", "diagnose", "--format", "json", "--rules", RULES, "-");
    assertThat(run.exit()).isZero();
    JsonNode d = lines(run.out()).get(0);
    assertThat(d.get("schema").asText()).isEqualTo("rdp-doctor/diagnosis/1");
    assertThat(d.at("/case/line").asInt()).isEqualTo(1);
    assertThat(d.at("/ranked/0/fixes/0/id").asText()).isEqualTo("renew-self-signed-cert");
  }

  @Test
  void aFolderIsDiagnosedFileByFileInNameOrderAsReports(@TempDir Path dir) throws Exception {
    Files.copy(Path.of("facts-samples/cert-expired.yaml"), dir.resolve("b.yaml"));
    Files.copy(Path.of("facts-samples/nla-after-os-upgrade.yaml"), dir.resolve("a.yaml"));
    Files.writeString(dir.resolve("notes.txt"), "not a case");
    CliRun run = CliRun.of("diagnose", "--rules", RULES, dir.toString());
    assertThat(run.exit()).isZero();
    assertThat(run.out()).contains("Diagnosis for " + dir.resolve("a.yaml")).contains("Diagnosis for " + dir.resolve("b.yaml"));
    assertThat(run.out().indexOf("a.yaml")).isLessThan(run.out().indexOf("b.yaml"));
    assertThat(run.out()).contains("----------------------------------------------------------------------");
    assertThat(run.err()).startsWith("rdp-doctor: 2 cases in ");
  }

  @Test
  void aJsonLinesFileAndCaseFilesMixInTheOrderGiven(@TempDir Path dir) throws Exception {
    Path jsonl = dir.resolve("cases.jsonl");
    Files.writeString(jsonl, NLA + "\n" + CERT_EXPIRED + "\n");
    CliRun run = CliRun.of("diagnose", "--rules", RULES, "facts-samples/cert-expired.yaml", jsonl.toString());
    assertThat(run.exit()).isZero();
    List<JsonNode> results = lines(run.out());
    assertThat(results).extracting(r -> r.at("/case/file").asText())
        .containsExactly("facts-samples/cert-expired.yaml", jsonl.toString(), jsonl.toString());
    assertThat(results.get(2).get("top").asText()).isEqualTo("cert-expired");
  }

  @Test
  void aMissingJsonLinesFileIsInvalidInput() {
    CliRun run = CliRun.of("diagnose", "--rules", RULES, "no/such/cases.jsonl");
    assertThat(run.exit()).isEqualTo(3);
    assertThat(run.err()).startsWith("no/such/cases.jsonl:1:1: error: no such file");
  }

  @Test
  void severalFilesGiveEachTheReportItGetsOnItsOwnNextChecksIncluded() {
    String one = "facts-samples/code-only.yaml";
    String other = "facts-samples/cert-expired.yaml";
    CliRun alone = CliRun.of("diagnose", "--rules", RULES, one);
    assertThat(alone.out()).contains("Checks that would best separate the leading causes");
    CliRun both = CliRun.of("diagnose", "--rules", RULES, one, other);
    assertThat(both.exit()).isZero();
    assertThat(both.out()).startsWith(alone.out())
        .contains(CliRun.of("diagnose", "--rules", RULES, other).out());
  }

  @Test
  void markdownAndHtmlAreForOneCaseFile() {
    for (String format : List.of("markdown", "html")) {
      CliRun run = CliRun.of("diagnose", "--rules", RULES, "--format", format,
          "facts-samples/code-only.yaml", "facts-samples/cert-expired.yaml");
      assertThat(run.exit()).isEqualTo(2);
      assertThat(run.err()).contains("--format " + format + " makes the report of one case");
      assertThat(run.out()).isEmpty();
    }
  }

  @Test
  void redactHidesEachCasesNamesInEveryResultLine() {
    String one = """
        {"title": "desk17.corp.contoso.example at 10.20.30.40", "host": {"name": "desk17.corp.contoso.example"}, \
        "error": {"code": "0x904", "extended": "0x7"}}""";
    String two = """
        {"title": "through rdg.fabrikam.example", "path": {"kind": "rd-gateway", "gateway": {"fqdn": "rdg.fabrikam.example"}}, \
        "error": {"code": "0x904", "extended": "0x7"}}""";
    CliRun plain = CliRun.withInput(one + "\n" + two + "\n", "diagnose", "--rules", RULES, "--format", "json", "-");
    assertThat(plain.out()).contains("desk17.corp.contoso.example", "10.20.30.40", "rdg.fabrikam.example");
    CliRun run = CliRun.withInput(one + "\n" + two + "\n", "diagnose", "--rules", RULES, "--format", "json", "--redact", "-");
    assertThat(run.exit()).isZero();
    List<JsonNode> results = lines(run.out());
    assertThat(results).hasSize(2);
    assertThat(run.out()).doesNotContain("contoso", "desk17", "10.20.30.40", "fabrikam", "rdg.");
    assertThat(results.get(0).toString()).contains("host-1.domain-1", "ip-1");
    assertThat(results.get(1).toString()).contains("host-1.domain-1");
    assertThat(results.get(0).get("top")).isEqualTo(lines(plain.out()).get(0).get("top"));
  }

  @Test
  void hugeLinesAreReportedWithTheirNumbersAndTheBatchGoesOn() {
    String big = "{\"title\": \"" + "x".repeat(300 << 10) + "\"}";
    String enormous = "{\"title\": \"" + "y".repeat(17 << 20) + "\"}";
    CliRun run = CliRun.withInput(String.join("\n", CERT_EXPIRED, big, NLA, enormous, CERT_EXPIRED) + "\n",
        "diagnose", "--rules", RULES, "-");
    assertThat(run.exit()).isEqualTo(3);
    List<JsonNode> results = lines(run.out());
    assertThat(results).extracting(r -> r.at("/case/line").asInt()).containsExactly(1, 2, 3, 4, 5);
    // a line longer than the largest case is not read: whether just over or far over the limit
    for (int line : List.of(2, 4)) {
      assertThat(results.get(line - 1).at("/errors/0/message").asText())
          .isEqualTo("the line is longer than 256 KiB (262,144 bytes), the most a case may be; put one case per line");
    }
    assertThat(results.get(4).get("top").asText()).isEqualTo("cert-expired");
    assertThat(run.err()).contains("stdin:2:1: error: the line is longer than", "stdin:4:1: error: the line is longer than")
        .contains("3 diagnosed, 2 rejected");
  }

  @Test
  void withoutCasesItIsAUsageError() {
    CliRun run = CliRun.of("diagnose", "--rules", RULES);
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("give a symptom file to diagnose").contains("a .jsonl file, or - for JSON Lines on stdin");
    assertThat(CliRun.of("diagnose", "--threads", "0", "-").exit()).isEqualTo(2);
  }

  @Test
  void threadsOutsideOneToSixtyFourAreAUsageErrorInOneSentence() {
    for (String threads : List.of("2147483647", "65", "0", "-3")) {
      CliRun run = CliRun.withInput(NLA + "\n", "diagnose", "--rules", RULES, "--threads", threads, "-");
      assertThat(run.exit()).as(threads).isEqualTo(2);
      assertThat(run.err().lines().toList()).as(threads).containsExactly(
          "rdp-doctor: --threads must be between 1 and 64, not " + threads, "Try 'rdp-doctor diagnose --help'.");
      assertThat(run.out()).isEmpty();
    }
    CliRun most = CliRun.withInput(NLA + "\n" + CERT_EXPIRED + "\n", "diagnose", "--rules", RULES, "--threads", "64", "-");
    assertThat(most.exit()).isZero();
    assertThat(lines(most.out())).hasSize(2);
    assertThat(most.err()).contains("2 cases in").contains("64 threads");
  }

  @Test
  void aLoneCarriageReturnInsideALineLeavesItsErrorOnThatLine() {
    String typo = "{\"error\": {\"code\": \"0x904\"},\r \"titel\": \"x\"}";
    String valid = CERT_EXPIRED.replace("\"error\":", "\r\"error\":\r");
    CliRun run = CliRun.withInput(typo + "\n" + valid + "\n" + NLA + "\r\n", "diagnose", "--rules", RULES, "-");
    assertThat(run.exit()).isEqualTo(3);
    List<JsonNode> results = lines(run.out());
    assertThat(results).extracting(r -> r.at("/case/line").asInt()).containsExactly(1, 2, 3);
    int column = typo.indexOf("\"titel\"") + 1;
    assertThat(results.get(0).at("/errors/0/line").asInt()).isEqualTo(1);
    assertThat(results.get(0).at("/errors/0/column").asInt()).isEqualTo(column);
    assertThat(run.err().lines().findFirst().orElseThrow())
        .startsWith("stdin:1:" + column + ": error: unknown key 'titel' in the top level");
    assertThat(results.get(1).get("top").asText()).isEqualTo("cert-expired");
    assertThat(results.get(2).has("top")).isTrue();
    assertThat(results.get(2).has("errors")).isFalse();
    assertThat(run.err()).contains("3 cases in").contains("2 diagnosed, 1 rejected");

    // the facts read after the CR are located on the line too
    JsonNode diagnosis = lines(CliRun.withInput(valid + "\n", "diagnose", "--format", "json", "--rules", RULES, "-").out()).get(0);
    List<JsonNode> factLines = diagnosis.findValues("facts").stream()
        .flatMap(facts -> java.util.stream.StreamSupport.stream(facts.spliterator(), false))
        .filter(fact -> fact.has("line")).map(fact -> fact.get("line")).toList();
    assertThat(factLines).isNotEmpty().allSatisfy(line -> assertThat(line.asInt()).isEqualTo(1));
  }
}
