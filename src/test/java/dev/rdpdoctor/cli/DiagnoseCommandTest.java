package dev.rdpdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rdpdoctor.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiagnoseCommandTest {

  private static final String RULES = Fixtures.RULES.toString();
  private static final String CERT = "facts-samples/cert-expired.yaml";

  @Test
  void printsTheTopCauseAndItsFirstFixWithRiskAndRollback() {
    CliRun run = CliRun.of("diagnose", "--rules", RULES, CERT);
    assertThat(run.exit()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out())
        .containsPattern("Most likely cause: .*  \\[cert-expired\\]  CF 0\\.9\\d")
        .contains("Fix first (risk low, restarts a service): Delete the expired certificate")
        .contains("Roll back: ")
        .contains("Verify: ")
        .contains("Ruled out by the evidence:")
        .contains("[gateway-cert-mismatch]")
        .contains("Run with --explain");
  }

  @Test
  void explainShowsRulesFactsArithmeticAndSources() {
    CliRun run = CliRun.of("diagnose", "--explain", "--rules", RULES, CERT);
    assertThat(run.exit()).isZero();
    assertThat(run.out())
        .contains("CERT-001 \"RDP certificate is past its expiry date\"  rules/certificate/expired.drl:")
        .contains("matched certificate.expired = true  (worked out: not_after 2026-11-18 is before the observed date 2026-11-20)")
        .contains("matched events[0].id = 1058  (line ")
        .contains("sources: ms-event-id-rdp (high)")
        .contains("for: 0.80 (+) 0.60 = 0.92 (+) 0.20 = 0.94 (+) ");
  }

  @Test
  void jsonHasTheDocumentedShape() throws Exception {
    CliRun run = CliRun.of("diagnose", "--format", "json", "--rules", RULES, CERT);
    assertThat(run.exit()).isZero();
    JsonNode root = new ObjectMapper().readTree(run.out());
    assertThat(root.get("schema").asText()).isEqualTo("rdp-doctor/diagnosis/1");
    assertThat(root.get("top").asText()).isEqualTo("cert-expired");
    assertThat(root.at("/case/error_code").asText()).isEqualTo("0x904");
    assertThat(root.at("/case/extended_code").asText()).isEqualTo("0x7");
    JsonNode first = root.at("/ranked/0");
    assertThat(first.get("rank").asInt()).isEqualTo(1);
    assertThat(first.get("cf").asDouble()).isBetween(0.9, 1.0);
    assertThat(first.at("/fixes/0/id").asText()).isEqualTo("renew-self-signed-cert");
    assertThat(first.at("/fixes/0/risk").asText()).isEqualTo("low");
    assertThat(first.at("/evidence/0/rule").asText()).isEqualTo("CERT-001");
    assertThat(first.at("/evidence/0/sources/0/reliability").asText()).isEqualTo("high");
    assertThat(root.at("/ruled_out/0/cause").asText()).isEqualTo("gateway-cert-mismatch");
    JsonNode firing = root.get("firings").get(first.at("/evidence/0/firings/0").asInt() - 1);
    assertThat(firing.get("rule").asText()).isEqualTo("CERT-001");
    assertThat(firing.at("/facts/0/path").asText()).isEqualTo("certificate.expired");
  }

  @Test
  void aBrokenRuleFileIsLocatedAndExits3(@TempDir Path dir) throws Exception {
    Path rules = Fixtures.copyOfRules(dir.resolve("rules"));
    Path drl = rules.resolve("certificate/expired.drl");
    Files.writeString(drl, Files.readString(drl).replace("Certificate(expired == true)", "Certificate(expired == )"));
    CliRun run = CliRun.of("diagnose", "--rules", rules.toString(), CERT);
    assertThat(run.exit()).isEqualTo(3);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines()).isNotEmpty().allMatch(l -> l.matches(".*/certificate/expired\\.drl:\\d+:\\d+: error: .*"));
    assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void aBrokenVocabularyFileIsLocatedAndExits3(@TempDir Path dir) throws Exception {
    Path rules = Fixtures.copyOfRules(dir.resolve("rules"));
    Path rdp = rules.resolve("vocabulary/rdp.yaml");
    Files.writeString(rdp, Files.readString(rdp).replaceFirst("(?m)^        type: yes-no$", "        type: yes-or-no"));
    CliRun run = CliRun.of("diagnose", "--rules", rules.toString(), CERT);
    assertThat(run.exit()).isEqualTo(3);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines()).singleElement().asString()
        .matches(".*/rules/vocabulary/rdp\\.yaml:\\d+:\\d+: error: .*'yes-or-no'.*");
    assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void anInvalidCaseFileIsLocatedAndTheOthersStillRun() {
    CliRun run = CliRun.of("diagnose", "--rules", RULES, "facts-samples/invalid/unknown-key.yaml", CERT);
    assertThat(run.exit()).isEqualTo(3);
    assertThat(run.err()).startsWith("facts-samples/invalid/unknown-key.yaml:5:3: error: unknown key 'nla_requird'");
    assertThat(run.out()).contains("[cert-expired]");
  }

  @Test
  void aRuleThatFailsOnOneCaseIsNamedAndTheNextCaseStillRuns(@TempDir Path dir) throws Exception {
    Path rules = Fixtures.copyOfRules(dir.resolve("rules"));
    Files.writeString(rules.resolve("host/trap.drl"), """
        package host;
        import facts.*;
        rule "trap" @id("TRAP-1")
        when Host(name == "trap") then Integer.parseInt("kaput"); end
        """);
    Path trap = Files.writeString(dir.resolve("trap.yaml"), "host: {name: trap}\n");
    CliRun run = CliRun.of("diagnose", "--rules", rules.toString(), trap.toString(), CERT);
    assertThat(run.exit()).isEqualTo(3);
    // the compiling notice and the batch summary go to stderr too; the error is one line of its own
    assertThat(run.err().lines().filter(l -> l.contains("error:")))
        .singleElement().asString().isEqualTo(trap + ":1:1: error: rule 'trap' failed in its consequence: "
        + "NumberFormatException: For input string: \"kaput\" (the rule is at " + rules.resolve("host/trap.drl") + ":3)");
    assertThat(run.err()).contains("1 diagnosed, 1 rejected");
    assertThat(run.out()).contains("[cert-expired]");
  }

  @Test
  void aMissingFileIsInvalidInput() {
    CliRun run = CliRun.of("diagnose", "--rules", RULES, "no/such/case.yaml");
    assertThat(run.exit()).isEqualTo(3);
    assertThat(run.err().strip()).isEqualTo("no/such/case.yaml:1:1: error: no such file");
  }

  @Test
  void usageErrorsExit2() {
    assertThat(CliRun.of("diagnose").exit()).isEqualTo(2);
    assertThat(CliRun.of("diagnose", "--format", "pdf", CERT).exit()).isEqualTo(2);
    assertThat(CliRun.of("frobnicate").exit()).isEqualTo(2);
    assertThat(CliRun.of().exit()).isEqualTo(2);
    CliRun run = CliRun.of("diagnose", "--format", "pdf", CERT);
    assertThat(run.err()).contains("pdf").contains("--help");
  }

  @Test
  void helpListsTheExitCodes() {
    CliRun run = CliRun.of("--help");
    assertThat(run.exit()).isZero();
    assertThat(run.out()).contains("diagnose").contains("3   invalid input");
  }
}
