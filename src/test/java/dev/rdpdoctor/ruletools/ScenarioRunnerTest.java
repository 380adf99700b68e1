package dev.rdpdoctor.ruletools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rdpdoctor.Fixtures;
import dev.rdpdoctor.casefile.CaseFileReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioRunnerTest {

  private final ScenarioRunner runner = new ScenarioRunner(Fixtures.knowledge(), new CaseFileReader());

  @TempDir Path dir;

  private Path sampleWith(String from, String to) throws Exception {
    Path sample = dir.resolve("changed.yaml");
    String text = Files.readString(Fixtures.SAMPLES.resolve("cert-expired.yaml"));
    assertThat(text).contains(from);
    Files.writeString(sample, text.replace(from, to));
    return sample;
  }

  private String report(ScenarioResult r) {
    return reportAndErrors(r)[0];
  }

  /** What the report of one sample writes: the report, and the errors for stderr. */
  private String[] reportAndErrors(ScenarioResult r) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    new ScenarioReport(Fixtures.knowledge()).write(r, new PrintWriter(out, true), new PrintWriter(err, true));
    return new String[] {out.toString(), err.toString()};
  }

  @Test
  void aSampleMeetingItsExpectationPasses() {
    ScenarioResult r = runner.run(Fixtures.SAMPLES.resolve("cert-expired.yaml"));
    assertThat(r.passed()).isTrue();
    assertThat(report(r)).startsWith("PASS  facts-samples/cert-expired.yaml  top cert-expired (CF 0.9");
  }

  @Test
  void aChangedTopShowsBothRankingsAndTheEvidenceBehindThem() throws Exception {
    ScenarioResult r = runner.run(sampleWith("top: cert-expired", "top: nla-security-mismatch"));
    assertThat(r.passed()).isFalse();
    assertThat(r.failures()).containsExactly("expected top 'nla-security-mismatch', got 'cert-expired'");
    String text = report(r);
    assertThat(text)
        .contains("FAIL  " + dir.resolve("changed.yaml"))
        .contains("      - expected top 'nla-security-mismatch', got 'cert-expired'")
        .containsPattern("actual ranking: 1\\. cert-expired 0\\.9\\d")
        .containsPattern("evidence for nla-security-mismatch (\\(CF|: no rule fired)")
        .containsPattern("evidence for cert-expired \\(CF 0\\.9\\d\\):")
        .containsPattern("\\+0\\.80 CERT-001 rules/certificate/expired\\.drl:\\d+  \\[certificate\\.expired = true\\]");
  }

  @Test
  void everyKindOfExpectationIsChecked() throws Exception {
    assertThat(runner.run(sampleWith("first_fix: renew-self-signed-cert", "first_fix: azure-reset-rdp-cert")).failures())
        .containsExactly("expected first fix 'azure-reset-rdp-cert', got 'renew-self-signed-cert'");
    assertThat(runner.run(sampleWith("ruled_out: [gateway-cert-mismatch]", "ruled_out: [cert-expired]")).failures())
        .containsExactly("expected 'cert-expired' to be ruled out, but it is ranked");
    assertThat(runner.run(sampleWith("cites: [ms-event-id-rdp]", "cites: [ms-securitylayer]")).failures())
        .singleElement().asString().startsWith("expected the top cause's evidence to cite 'ms-securitylayer', it cites [");
    assertThat(runner.run(sampleWith("ruled_out: [gateway-cert-mismatch]", "ranked: [gateway-cert-mismatch]")).failures())
        .containsExactly("expected 'gateway-cert-mismatch' to be ranked, but it is ruled out");
  }

  @Test
  void aSampleWithoutExpectationFails() throws Exception {
    String text = Files.readString(Fixtures.SAMPLES.resolve("cert-expired.yaml"));
    Path sample = Files.writeString(dir.resolve("bare.yaml"), text.substring(0, text.indexOf("expect:")));
    assertThat(runner.run(sample).failures()).containsExactly("no expect: block says what this sample must produce");
  }

  @Test
  void anInvalidSampleHasItsLocatedErrorsOnStderrAndItsLineInTheReport() {
    ScenarioResult r = runner.run(Fixtures.INVALID_SAMPLES.resolve("unknown-key.yaml"));
    assertThat(r.passed()).isFalse();
    String[] written = reportAndErrors(r);
    assertThat(written[1]).startsWith("facts-samples/invalid/unknown-key.yaml:5:3: error: unknown key 'nla_requird'");
    assertThat(written[0]).isEqualTo("INVALID  facts-samples/invalid/unknown-key.yaml  (its errors are on stderr)\n");
  }

  @Test
  void coverageNamesUnfiredRulesAndCausesNeverOnTop() {
    List<ScenarioResult> results = List.of(runner.run(Fixtures.SAMPLES.resolve("cert-expired.yaml")));
    Coverage coverage = runner.coverage(results);
    assertThat(coverage.rules()).isEqualTo(Fixtures.knowledge().allRules().size());
    assertThat(coverage.unfiredRules()).extracting(r -> r.id()).contains("GW-001").doesNotContain("CERT-001");
    assertThat(coverage.neverTop()).extracting(c -> c.id()).contains("gateway-cert-mismatch").doesNotContain("cert-expired");
  }

  @Test
  void foldersYieldTheirYamlFilesInOrder() {
    List<Path> samples = ScenarioRunner.samples(List.of(Fixtures.SAMPLES));
    assertThat(samples).isSortedAccordingTo(Path::compareTo).allMatch(p -> p.toString().endsWith(".yaml"))
        .noneMatch(p -> p.toString().contains("invalid"));
  }
}
