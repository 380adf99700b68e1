package dev.rdpdoctor.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rdpdoctor.Fixtures;
import dev.rdpdoctor.casefile.CaseFileReader;
import dev.rdpdoctor.evidence.SampleEvidence;
import dev.rdpdoctor.knowledge.Cause;
import dev.rdpdoctor.ruletools.ScenarioResult;
import dev.rdpdoctor.ruletools.ScenarioRunner;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Runs every sample in facts-samples/ against its {@code expect:} block. */
class SampleScenariosTest {

  private static final CaseFileReader READER = new CaseFileReader();
  private static final ScenarioRunner RUNNER = new ScenarioRunner(Fixtures.knowledge(),
      sample -> SampleEvidence.read(sample, READER));

  static Stream<Path> samples() {
    return ScenarioRunner.samples(List.of(Fixtures.SAMPLES)).stream();
  }

  @ParameterizedTest
  @MethodSource("samples")
  void producesTheOutcomeItExpects(Path sample) {
    ScenarioResult r = RUNNER.run(sample);
    assertThat(r.invalid()).as("%s reads cleanly", sample).isEmpty();
    assertThat(r.failures()).as("%s against its expect: block", sample).isEmpty();
    assertThat(r.diagnosis().orElseThrow().top().orElseThrow().evidenceFor())
        .allSatisfy(e -> assertThat(e.firings()).allSatisfy(f -> assertThat(f.facts()).isNotEmpty()));
  }

  @Test
  void thereAreAtLeast25SamplesAndEveryCauseIsTheExpectedTopOfOne() {
    List<ScenarioResult> results = samples().map(RUNNER::run).toList();
    assertThat(results).hasSizeGreaterThanOrEqualTo(25);
    Set<String> tops = results.stream().flatMap(r -> r.expectation().stream()).map(e -> e.top()).collect(Collectors.toSet());
    assertThat(Fixtures.knowledge().causes().values()).extracting(Cause::id).allSatisfy(id -> assertThat(tops).contains(id));
  }
}
