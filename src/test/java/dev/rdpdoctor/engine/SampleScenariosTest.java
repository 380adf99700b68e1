package dev.rdpdoctor.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rdpdoctor.Fixtures;
import dev.rdpdoctor.casefile.CaseFile;
import dev.rdpdoctor.casefile.CaseFileReader;
import dev.rdpdoctor.casefile.Expectation;
import dev.rdpdoctor.knowledge.Fix;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Runs every sample in facts-samples/ and checks it against its {@code expect:} block. */
class SampleScenariosTest {

  static Stream<Path> samples() throws IOException {
    try (Stream<Path> files = Files.list(Fixtures.SAMPLES)) {
      return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  @Test
  void thereAreSamples() throws IOException {
    assertThat(samples()).isNotEmpty();
  }

  @ParameterizedTest
  @MethodSource("samples")
  void producesTheOutcomeItExpects(Path sample) {
    CaseFile caseFile = new CaseFileReader().read(sample);
    assertThat(caseFile.expectation())
        .as("%s has no expect: block saying what it must produce", sample)
        .isPresent();
    Expectation expect = caseFile.expectation().orElseThrow();
    Diagnosis d = new Diagnoser(Fixtures.knowledge()).diagnose(caseFile);

    List<String> ranked = d.ranked().stream().map(a -> a.cause().id()).toList();
    List<String> ruledOut = d.ruledOut().stream().map(a -> a.cause().id()).toList();
    assertThat(ranked).as("ranking of %s", sample).isNotEmpty();
    assertThat(ranked.get(0)).as("top cause of %s (ranking %s)", sample, ranked).isEqualTo(expect.top());
    assertThat(ranked).as("ranked causes of %s", sample).containsAll(expect.ranked());
    assertThat(ruledOut).as("ruled-out causes of %s", sample).containsAll(expect.ruledOut());
    CauseAssessment top = d.top().orElseThrow();
    if (expect.firstFix() != null) {
      assertThat(top.cause().fixesInSafeOrder()).extracting(Fix::id).first()
          .as("first fix offered for %s", sample).isEqualTo(expect.firstFix());
    }
    List<String> cited = top.evidenceFor().stream().flatMap(e -> e.rule().sources().stream()).distinct().toList();
    assertThat(cited).as("sources cited for the top cause of %s", sample).containsAll(expect.cites());
    assertThat(top.evidenceFor()).allSatisfy(e ->
        assertThat(e.firings()).allSatisfy(f -> assertThat(f.facts()).as("facts quoted by %s", e.rule().id()).isNotEmpty()));
  }
}
