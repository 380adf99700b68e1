package dev.rdpdoctor.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rdpdoctor.Fixtures;
import dev.rdpdoctor.casefile.vocabulary.Vocabulary;
import dev.rdpdoctor.casefile.vocabulary.VocabularyReader;
import dev.rdpdoctor.problem.InputError;
import dev.rdpdoctor.problem.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The reader refuses a spoilt value the same way whether the case is written in YAML or in JSON. */
class CaseValuesReaderTest {

  private static final Vocabulary VOCABULARY = new VocabularyReader().read(Path.of("rules", VocabularyReader.FOLDER), "rules/vocabulary");
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);
  private static final ObjectMapper YAML = new com.fasterxml.jackson.dataformat.yaml.YAMLMapper();

  static Stream<Path> samples() throws IOException {
    try (Stream<Path> files = Files.list(Fixtures.SAMPLES)) {
      return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  /** Every key any sample writes, in the first sample that writes it. */
  static Stream<org.junit.jupiter.params.provider.Arguments> everyKeyOnce() throws IOException {
    java.util.Set<String> seen = new java.util.HashSet<>();
    List<org.junit.jupiter.params.provider.Arguments> out = new java.util.ArrayList<>();
    for (Path sample : samples().toList()) {
      List<String> paths = new java.util.ArrayList<>();
      scalars(YAML.readTree(Files.readString(sample)), "", paths);
      List<String> fresh = paths.stream().filter(p -> seen.add(p.replaceAll("\\[[0-9]+\\]", "[]"))).toList();
      if (!fresh.isEmpty()) {
        out.add(org.junit.jupiter.params.provider.Arguments.of(sample, fresh));
      }
    }
    return out.stream();
  }

  /**
   * Every key the samples write replaced in turn by values of the wrong kind: the YAML and the
   * JSON of the same case are refused with the same messages, each on one line.
   */
  @ParameterizedTest
  @MethodSource("everyKeyOnce")
  void aSampleWithAnyValueSpoiltIsRefusedTheSameInYamlAndJson(Path sample, List<String> paths) throws IOException {
    JsonNode tree = YAML.readTree(Files.readString(sample));
    List<JsonNode> spoilers = List.of(YAML.getNodeFactory().textNode("maybe"), YAML.getNodeFactory().numberNode(2.5),
        YAML.getNodeFactory().numberNode(99_999_999_999L), YAML.getNodeFactory().textNode("0x1FFFFFFFF"),
        YAML.readTree("{a: 1}"), YAML.readTree("[1, {b: 2}]"), YAML.getNodeFactory().booleanNode(true),
        YAML.getNodeFactory().textNode("2026-02-30"), YAML.getNodeFactory().nullNode());
    for (String path : paths) {
      int refused = 0;
      for (JsonNode spoiler : spoilers) {
        JsonNode copy = tree.deepCopy();
        replace(copy, path, spoiler);
        List<String> y = errors(() -> new CaseValuesReader(VOCABULARY, CLOCK).read("spoilt.yaml", 1, YAML.writeValueAsBytes(copy)));
        List<String> j = errors(() -> CaseValuesReader.json(VOCABULARY, CLOCK).read("spoilt.json", 1, new ObjectMapper().writeValueAsBytes(copy)));
        assertThat(messages(j)).as("%s as JSON with %s = %s", sample, path, spoiler).isEqualTo(messages(y));
        assertThat(y).as("%s with %s = %s", sample, path, spoiler)
            .allSatisfy(line -> assertThat(line).startsWith("spoilt.yaml:").doesNotContain("\n"));
        refused += y.isEmpty() ? 0 : 1;
      }
      assertThat(refused).as("%s refuses some of the spoilt values", path).isPositive();
    }
  }

  /** The messages without where they are: a YAML file and a JSON line place values differently. */
  private static List<String> messages(List<String> lines) {
    return lines.stream().map(l -> l.substring(l.indexOf(" error: ") + 1)).toList();
  }

  private static void scalars(JsonNode node, String path, List<String> out) {
    if (node.isObject()) {
      node.fields().forEachRemaining(e -> scalars(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), out));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        scalars(node.get(i), path + "[" + i + "]", out);
      }
    } else {
      out.add(path);
    }
  }

  private static void replace(JsonNode root, String path, JsonNode value) {
    String[] steps = path.split("(?=\\[)|\\.");
    JsonNode parent = root;
    for (int i = 0; i < steps.length - 1; i++) {
      parent = steps[i].startsWith("[") ? parent.get(Integer.parseInt(steps[i].substring(1, steps[i].length() - 1))) : parent.get(steps[i]);
    }
    String last = steps[steps.length - 1];
    if (last.startsWith("[")) {
      ((com.fasterxml.jackson.databind.node.ArrayNode) parent).set(Integer.parseInt(last.substring(1, last.length() - 1)), value);
    } else {
      ((com.fasterxml.jackson.databind.node.ObjectNode) parent).set(last, value);
    }
  }

  private interface Read {
    void run() throws Exception;
  }

  private static List<String> errors(Read read) {
    try {
      read.run();
    } catch (InvalidInputException e) {
      return e.errors().stream().map(InputError::format).toList();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    return List.of();
  }
}
