package dev.rdpdoctor.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rdpdoctor.Fixtures;
import dev.rdpdoctor.batch.GeneratedCases;
import dev.rdpdoctor.casefile.CaseFile;
import dev.rdpdoctor.casefile.CaseFileReader;
import dev.rdpdoctor.knowledge.load.CompiledKnowledgeLoader;
import dev.rdpdoctor.knowledge.KnowledgeBase;
import dev.rdpdoctor.ruletools.ScenarioRunner;
import dev.rdpdoctor.problem.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rules precompiled at build time (the executable model) reach the same diagnoses as the same
 * rules compiled from DRL at start: same ranking, same certainty factors, same evidence, and the
 * same firings on the same facts. Only the order in which rules of equal priority fire may
 * differ, because the two paths register the rules in a different order.
 */
class PrecompiledRulesTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T10:00:00Z"), ZoneOffset.UTC);

  private final KnowledgeBase drl = Fixtures.knowledge();
  private final KnowledgeBase precompiled = new CompiledKnowledgeLoader(message -> {
    throw new AssertionError("the project's rules are precompiled; got: " + message);
  }).load(Fixtures.RULES);

  @Test
  void everySampleGetsTheSameDiagnosis() {
    CaseFileReader reader = new CaseFileReader(CLOCK);
    List<Path> samples = ScenarioRunner.samples(List.of(Fixtures.SAMPLES));
    assertThat(samples).hasSizeGreaterThanOrEqualTo(25);
    for (Path sample : samples) {
      CaseFile c = reader.read(sample);
      Diagnosis a = new Diagnoser(drl).diagnose(c);
      Diagnosis b = new Diagnoser(precompiled).diagnose(c);
      assertThat(b.ranked()).as(sample.toString()).isNotEmpty();
      assertThat(Conclusions.of(b)).as(sample.toString()).isEqualTo(Conclusions.of(a));
    }
  }

  @Test
  void twoThousandGeneratedCasesGetTheSameDiagnosis() {
    GeneratedCases cases = new GeneratedCases(Fixtures.SAMPLES, 11);
    CaseFileReader reader = CaseFileReader.json(CLOCK);
    Diagnoser a = new Diagnoser(drl);
    Diagnoser b = new Diagnoser(precompiled);
    int compared = 0;
    for (int i = 1; i <= 2000; i++) {
      CaseFile c;
      try {
        c = reader.read("generated", i, cases.line(i).getBytes(StandardCharsets.UTF_8));
      } catch (InvalidInputException e) {
        continue;
      }
      assertThat(Conclusions.of(b.diagnose(c))).as("generated case %d", i).isEqualTo(Conclusions.of(a.diagnose(c)));
      compared++;
    }
    assertThat(compared).isGreaterThan(1500);
  }
}
