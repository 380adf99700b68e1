package dev.rdpdoctor.consult;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rdpdoctor.Fixtures;
import dev.rdpdoctor.casefile.CaseFileReader;
import dev.rdpdoctor.engine.Diagnoser;
import dev.rdpdoctor.yaml.YamlMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * From the sample with only the error code, the consultation reaches the cause of a world in
 * which every question has a true answer (src/test/resources/consult/worlds/: a healthy base,
 * and per scenario the facts that differ), asking at most six questions.
 */
class ConsultSessionTest {

  private static final Path WORLDS = Path.of("src/test/resources/consult/worlds");

  static QuestionPicker picker() {
    List<Askable> questions = Askable.all(Fixtures.knowledge());
    return new QuestionPicker(new Diagnoser(Fixtures.knowledge()), new CaseFileReader(), questions);
  }

  static ObjectNode read(Path file) {
    try {
      return (ObjectNode) YamlMapper.yaml().readTree(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ObjectNode codeOnly() {
    ObjectNode tree = read(Fixtures.SAMPLES.resolve("code-only.yaml"));
    tree.remove("expect");
    return tree;
  }

  /** The base world with the scenario's facts laid over it (sections merge, lists are replaced). */
  static ObjectNode world(Path scenario) {
    ObjectNode world = read(WORLDS.resolve("base.yaml"));
    merge(world, read(scenario));
    return world;
  }

  private static void merge(ObjectNode into, ObjectNode over) {
    for (Iterator<Map.Entry<String, JsonNode>> it = over.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getValue().isObject() && into.get(e.getKey()) instanceof ObjectNode section) {
        merge(section, (ObjectNode) e.getValue());
      } else {
        into.set(e.getKey(), e.getValue());
      }
    }
  }

  static Stream<Path> scenarios() throws IOException {
    try (Stream<Path> files = Files.list(WORLDS)) {
      return files.filter(p -> !p.getFileName().toString().equals("base.yaml")).sorted().toList().stream();
    }
  }

  @Test
  void thereAreAtLeastFiveScenarios() throws IOException {
    assertThat(scenarios()).hasSizeGreaterThanOrEqualTo(5);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void eachWorldDiagnosedInFullHasItsExpectedCause(Path scenario) {
    ObjectNode world = world(scenario);
    String expected = world.path("expect").path("top").asText();
    assertThat(new Diagnoser(Fixtures.knowledge()).diagnose(new CaseFileReader().read("world", world)).top())
        .hasValueSatisfying(top -> assertThat(top.cause().id()).isEqualTo(expected));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void reachesTheCauseInAtMostEightQuestionsAndWhyNamesWhatEachSeparates(Path scenario) {
    // eight since the knowledge base has 34 causes (24 before the real-tickets causes): a question
    // about the host's services now separates the certificate's causes from KeyIso's
    ObjectNode world = world(scenario);
    String expected = world.path("expect").path("top").asText();
    world.remove("expect");
    ScriptedReplies replies = new ScriptedReplies(world, true);
    StringWriter transcript = new StringWriter();
    ConsultSession.Result result =
        new ConsultSession(picker(), replies, new PrintWriter(transcript, true), 8).run(codeOnly());

    assertThat(result.diagnosis().top()).as("transcript:%n%s", transcript)
        .hasValueSatisfying(top -> assertThat(top.cause().id()).isEqualTo(expected));
    assertThat(replies.asked).as("questions asked").isNotEmpty().hasSizeLessThanOrEqualTo(8);
    assertThat(replies.why).hasSameSizeAs(replies.asked);
    assertThat(transcript.toString()).contains("I ask because the answer separates these causes:")
        .containsPattern("\\n    [a-z-]+ \\(now -?\\d\\.\\d\\d; if [^:]+: -?\\d\\.\\d\\d");
  }
}
