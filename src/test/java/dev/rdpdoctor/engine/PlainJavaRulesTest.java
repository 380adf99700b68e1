package dev.rdpdoctor.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rdpdoctor.Fixtures;
import dev.rdpdoctor.batch.GeneratedCases;
import dev.rdpdoctor.casefile.CaseFile;
import dev.rdpdoctor.casefile.CaseFileReader;
import dev.rdpdoctor.knowledge.load.KnowledgeLoader;
import dev.rdpdoctor.knowledge.RulesFolder;
import dev.rdpdoctor.ruletools.ScenarioRunner;
import dev.rdpdoctor.problem.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's plain-Java floor concludes what Drools concludes, so comparing their speed is fair. */
class PlainJavaRulesTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T10:00:00Z"), ZoneOffset.UTC);

  private final PlainJavaRules plain = new PlainJavaRules(Fixtures.knowledge());
  private final Diagnoser drools = new Diagnoser(Fixtures.knowledge());

  @Test
  void itConcludesWhatDroolsConcludesOnEverySampleAndTwoThousandGeneratedCases() {
    CaseFileReader yaml = new CaseFileReader(CLOCK);
    for (Path sample : ScenarioRunner.samples(List.of(Fixtures.SAMPLES))) {
      CaseFile c = yaml.read(sample);
      assertThat(Conclusions.of(plain.diagnose(c))).as(sample.toString()).isEqualTo(Conclusions.of(drools.diagnose(c)));
    }
    GeneratedCases cases = new GeneratedCases(Fixtures.SAMPLES, 5);
    CaseFileReader json = CaseFileReader.json(CLOCK);
    for (int i = 1; i <= 2000; i++) {
      CaseFile c;
      try {
        c = json.read("generated", i, cases.line(i).getBytes(StandardCharsets.UTF_8));
      } catch (InvalidInputException e) {
        continue;
      }
      assertThat(Conclusions.of(plain.diagnose(c))).as("generated case %d", i).isEqualTo(Conclusions.of(drools.diagnose(c)));
    }
  }

  @Test
  void ruleFeaturesItDoesNotCoverAreRefused(@TempDir Path dir) {
    var kb = new KnowledgeLoader().load(RulesFolder.write(dir, """
        rule "derive" @id("T-1") when Client() then insertLogical(new Finding("x")); end
        """));
    assertThatThrownBy(() -> new PlainJavaRules(kb)).isInstanceOf(UnsupportedOperationException.class);
  }
}
