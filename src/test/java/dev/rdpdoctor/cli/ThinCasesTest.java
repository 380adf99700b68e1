package dev.rdpdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rdpdoctor.Fixtures;
import dev.rdpdoctor.casefile.CaseFileReader;
import dev.rdpdoctor.engine.Diagnoser;
import dev.rdpdoctor.knowledge.KnowledgeBase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A ticket with almost nothing in it still gets an answer: what is most common, and what to check first. */
class ThinCasesTest {

  private static final String RULES = Fixtures.RULES.toString();

  @Test
  void aFileWithOnlyNotesIsRankedByHowCommonEachCauseIsAndSaysWhatToCheck(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("notes.yaml"), "notes: |\n  user says remote desktop stopped working, got some error\n");
    CliRun run = CliRun.of("diagnose", "--rules", RULES, file.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("No fact you gave points at a cause yet. The most common causes of 0x904 / 0x7,")
        .contains("from how common they are, not from your facts:")
        .containsPattern("\\n  1\\. .*\\[[a-z0-9-]+\\]  about \\d+(\\.\\d)? % of such tickets \\(")
        .contains("Checks that would best separate the leading causes")
        .contains("Not read by any rule (kept, but nothing above weighs it):")
        .contains("  - notes: user says remote desktop stopped working, got some error");

    JsonNode json = new ObjectMapper().readTree(CliRun.of("diagnose", "--rules", RULES, "--format", "json", file.toString()).out());
    assertThat(json.get("ranked_by").asText()).isEqualTo("base-rate");
    assertThat(json.get("ranked")).isNotEmpty();
    assertThat(json.at("/ranked/0/base_rate/share").asDouble()).isPositive();
    assertThat(json.get("next_checks")).isNotEmpty();
    assertThat(json.at("/not_read/0/path").asText()).isEqualTo("notes");
  }

  @Test
  void aFileWithOnlyAnErrorCodeStillRanksAndListsChecks(@TempDir Path dir) throws Exception {
    for (String code : List.of("0x904", "0x1234")) {
      Path file = Files.writeString(dir.resolve("code.yaml"), "error: {code: " + code + "}\n");
      JsonNode json = new ObjectMapper().readTree(CliRun.of("diagnose", "--rules", RULES, "--format", "json", file.toString()).out());
      assertThat(json.get("ranked")).as(code).isNotEmpty();
      assertThat(json.get("next_checks")).as(code).isNotEmpty();
    }
  }

  @Test
  void noSampleAndNoTicketGetsAnEmptyRanking() throws Exception {
    KnowledgeBase knowledge = Fixtures.knowledge();
    Diagnoser diagnoser = new Diagnoser(knowledge);
    CaseFileReader reader = new CaseFileReader(knowledge.vocabulary(), Clock.systemDefaultZone());
    List<Path> files = new ArrayList<>();
    for (Path folder : List.of(Fixtures.SAMPLES, Path.of("tickets"))) {
      if (Files.isDirectory(folder)) {
        try (Stream<Path> list = Files.list(folder)) {
          list.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(files::add);
        }
      }
    }
    assertThat(files).hasSizeGreaterThan(25);
    for (Path file : files) {
      assertThat(diagnoser.diagnose(reader.read(file)).ranked()).as(file.toString()).isNotEmpty();
    }
  }
}
