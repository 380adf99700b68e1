package dev.rdpdoctor.consult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rdpdoctor.Fixtures;
import dev.rdpdoctor.casefile.CaseFile;
import dev.rdpdoctor.casefile.CaseFileReader;
import dev.rdpdoctor.casefile.CaseValuesTree;
import dev.rdpdoctor.engine.Diagnoser;
import dev.rdpdoctor.engine.Diagnosis;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class QuestionPickerTest {

  private static final CaseFileReader READER = new CaseFileReader();

  private static List<Askable> questions() {
    return Askable.all(Fixtures.knowledge());
  }

  private static List<ObjectNode> samples() throws IOException {
    try (Stream<Path> files = Files.list(Fixtures.SAMPLES)) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().map(f -> {
        ObjectNode tree = CaseValuesTree.of(READER.read(f).values().root());
        tree.remove("expect");
        return tree;
      }).toList();
    }
  }

  /** What a choice of questions says, comparable: each question's fact and its scores. */
  private static List<String> said(List<Outcome> outcomes) {
    return outcomes.stream().map(o -> o.question().fact() + " " + o.separation() + " " + o.score()).toList();
  }

  @Test
  void weighedOnAllCoresTheQuestionsComeOutAsWeighedOneAfterAnother() throws IOException {
    Diagnoser diagnoser = new Diagnoser(Fixtures.knowledge());
    QuestionPicker alone = new QuestionPicker(diagnoser, READER, questions(), false);
    QuestionPicker together = new QuestionPicker(diagnoser, READER, questions(), true);
    List<ObjectNode> samples = samples();
    assertThat(samples).hasSizeGreaterThan(20);
    int withChecks = 0;
    for (ObjectNode tree : samples) {
      List<String> checks = said(alone.nextChecks(tree, 3));
      assertThat(said(together.nextChecks(tree, 3))).as(tree.path("title").asText()).isEqualTo(checks);
      withChecks += checks.isEmpty() ? 0 : 1;
      QuestionPicker.Options one = alone.options(tree, Set.of());
      QuestionPicker.Options all = together.options(tree, Set.of());
      assertThat(all.best().map(o -> o.question().fact())).isEqualTo(one.best().map(o -> o.question().fact()));
      assertThat(all.leaderCanChange()).isEqualTo(one.leaderCanChange());
    }
    assertThat(withChecks).as("samples with checks to make next").isGreaterThan(5);
  }

  @Test
  void whenAnswersOfTwoQuestionsFailOnAllCoresTheEarlierQuestionsFailureIsThrown() {
    ObjectNode codeOnly = ConsultSessionTest.codeOnly();
    List<Askable> open = questions().stream()
        .filter(q -> !q.list() && CaseTree.unknown(codeOnly, q) && CaseTree.applies(codeOnly, q)).toList();
    Askable first = open.get(0);
    Askable last = open.get(open.size() - 1);
    Diagnoser diagnoser = new Diagnoser(Fixtures.knowledge());
    // a rule that fails on any answer to either question: the earlier one is to blame, as one after another
    Function<CaseFile, Diagnosis> failing = c -> {
      ObjectNode tree = CaseValuesTree.of(c.values().root());
      for (Askable q : List.of(last, first)) {
        if (!at(tree, q.fact()).isMissingNode()) {
          throw new IllegalStateException("failed on " + q.fact());
        }
      }
      return diagnoser.diagnose(c);
    };
    for (int run = 0; run < 5; run++) {
      QuestionPicker picker = new QuestionPicker(failing, READER, questions(), true);
      assertThatThrownBy(() -> picker.nextChecks(codeOnly, 3)).hasMessage("failed on " + first.fact());
    }
  }

  private static JsonNode at(ObjectNode tree, String fact) {
    JsonNode node = tree;
    for (String part : fact.split("\\.")) {
      node = node.path(part);
    }
    return node;
  }
}
