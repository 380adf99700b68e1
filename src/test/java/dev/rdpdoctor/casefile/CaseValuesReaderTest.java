package dev.rdpdoctor.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

/** The vocabulary's reader reads every sample as the records do, and refuses every invalid one with the same lines. */
class CaseValuesReaderTest {

  private static final Vocabulary VOCABULARY = new VocabularyReader().read(Path.of("rules", VocabularyReader.FOLDER), "rules/vocabulary");
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);
  private static final ObjectMapper YAML = new com.fasterxml.jackson.dataformat.yaml.YAMLMapper();

  static Stream<Path> samples() throws IOException {
    try (Stream<Path> files = Files.list(Fixtures.SAMPLES)) {
      return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  static Stream<Path> invalidSamples() throws IOException {
    try (Stream<Path> files = Files.list(Fixtures.INVALID_SAMPLES)) {
      return files.filter(p -> p.toString().endsWith(".yaml") && Files.isRegularFile(p)).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("samples")
  void aSampleReadsToTheSameValuesAndWorkedOutValuesAsWithTheRecords(Path sample) throws IOException {
    CaseFile records = new CaseFileReader(CLOCK).read(sample);
    CaseValues values = new CaseValuesReader(VOCABULARY, CLOCK).read(sample);
    JsonNode expected = YAML.readTree(new CaseFileWriter().write(records.symptoms()));
    // compared on the keys the records have: the vocabulary may declare more
    JsonNode read = onlyRecordKeys(CaseValuesTree.of(values.root()), SymptomFile.class);
    assertThat(normalised(read).toString()).isEqualTo(normalised(expected).toString());
    assertThat(values.derivations()).isEqualTo(records.derivations());
    assertThat(values.observed()).isEqualTo(records.observed());
  }

  @ParameterizedTest
  @MethodSource("invalidSamples")
  void anInvalidSampleIsRefusedWithTheSameLinesAsWithTheRecords(Path sample) {
    List<String> expected = errors(() -> new CaseFileReader(CLOCK).read(sample));
    assertThat(expected).isNotEmpty();
    assertThat(errors(() -> new CaseValuesReader(VOCABULARY, CLOCK).read(sample))).isEqualTo(expected);
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

  /** Every key the samples write replaced in turn by values of the wrong kind: both readers say the same, YAML and JSON. */
  @ParameterizedTest
  @MethodSource("everyKeyOnce")
  void aSampleWithAnyValueSpoiltIsRefusedWithTheSameLinesAsWithTheRecords(Path sample, List<String> paths) throws IOException {
    JsonNode tree = YAML.readTree(Files.readString(sample));
    List<JsonNode> spoilers = List.of(YAML.getNodeFactory().textNode("maybe"), YAML.getNodeFactory().numberNode(2.5),
        YAML.getNodeFactory().numberNode(99_999_999_999L), YAML.getNodeFactory().textNode("0x1FFFFFFFF"),
        YAML.readTree("{a: 1}"), YAML.readTree("[1, {b: 2}]"), YAML.getNodeFactory().booleanNode(true),
        YAML.getNodeFactory().textNode("2026-02-30"), YAML.getNodeFactory().nullNode());
    for (String path : paths) {
      for (JsonNode spoiler : spoilers) {
        JsonNode copy = tree.deepCopy();
        replace(copy, path, spoiler);
        byte[] bytes = YAML.writeValueAsBytes(copy);
        List<String> expected = errors(() -> new CaseFileReader(CLOCK).read("spoilt.yaml", bytes));
        List<String> json = errors(() -> CaseFileReader.json(CLOCK).read("spoilt.json", 1, new ObjectMapper().writeValueAsBytes(copy)));
        List<String> y = errors(() -> new CaseValuesReader(VOCABULARY, CLOCK).read("spoilt.yaml", 1, bytes));
        List<String> j = errors(() -> CaseValuesReader.json(VOCABULARY, CLOCK).read("spoilt.json", 1, new ObjectMapper().writeValueAsBytes(copy)));
        assertThat(y).as("%s with %s = %s", sample, path, spoiler).isEqualTo(deliberately(expected, y));
        assertThat(j).as("%s as JSON with %s = %s", sample, path, spoiler).isEqualTo(deliberately(json, j));
      }
    }
  }

  /**
   * The records' lines as the vocabulary's reader words them on purpose: a section or list given
   * for an error code is called what it is (the records quoted its first character as a code);
   * an empty list item is said to be empty, where it is (the records said "null", at its section); an event id out of range
   * says what event ids are, written as a bare id or not; a whole number other than 0 or 1 is
   * not read as true (the records read any number but 0 as true).
   */
  private static List<String> deliberately(List<String> records, List<String> values) {
    if (records.isEmpty() && values.size() == 1 && values.get(0).matches(".*: expected true or false, got '-?[0-9]+'")) {
      return values;
    }
    if (records.size() == 1 && records.get(0).endsWith(": null") && values.size() == 1
        && values.get(0).endsWith(": expected text, got an empty value")) {
      return values;
    }
    return records.stream()
        .map(l -> l.replaceAll("(error\\.\\w+): malformed code '\\{': .*", "$1: expected an error code like 0x904, got a section (key: value lines)")
            .replaceAll("(error\\.\\w+): malformed code '\\[': .*", "$1: expected an error code like 0x904, got a list")
            .replaceAll("(events\\[[0-9]+\\]\\.id): (-?[0-9]+) is out of range; allowed: 0 to 65535",
                "$1: event id $2 is out of range: Windows event ids are 0 to 65535"))
        .toList();
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

  /** The tree without the keys the records of {@code type} do not have. */
  private static JsonNode onlyRecordKeys(JsonNode node, Class<?> type) {
    if (node.isArray()) {
      com.fasterxml.jackson.databind.node.ArrayNode out = YAML.createArrayNode();
      node.forEach(v -> out.add(onlyRecordKeys(v, type)));
      return out;
    }
    if (!node.isObject() || !type.isRecord()) {
      return node;
    }
    com.fasterxml.jackson.databind.node.ObjectNode out = YAML.createObjectNode();
    for (java.lang.reflect.RecordComponent c : type.getRecordComponents()) {
      String key = new com.fasterxml.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy().translate(c.getName());
      if (node.has(key)) {
        Class<?> inner = c.getType();
        if (List.class.isAssignableFrom(inner) && c.getGenericType() instanceof java.lang.reflect.ParameterizedType pt
            && pt.getActualTypeArguments()[0] instanceof Class<?> item) {
          inner = item;
        }
        out.set(key, onlyRecordKeys(node.get(key), inner));
      }
    }
    return out;
  }

  /**
   * The two trees in one form: numbers as numbers (the record writer quotes them and writes codes
   * in decimal, the values' tree in hex), no empty lists or sections (the records write some).
   */
  private static JsonNode normalised(JsonNode node) {
    if (node.isObject()) {
      com.fasterxml.jackson.databind.node.ObjectNode out = YAML.createObjectNode();
      node.fields().forEachRemaining(e -> {
        JsonNode v = normalised(e.getValue());
        if (!(v.isContainerNode() && v.isEmpty())) {
          out.set(e.getKey(), v);
        }
      });
      return out;
    }
    if (node.isArray()) {
      com.fasterxml.jackson.databind.node.ArrayNode out = YAML.createArrayNode();
      node.forEach(v -> out.add(normalised(v)));
      return out;
    }
    String text = node.asText();
    if (text.matches("0x[0-9a-f]+")) {
      return YAML.getNodeFactory().textNode(Long.toString(Long.parseLong(text.substring(2), 16)));
    }
    if (text.matches("-?[0-9]+(\\.[0-9]+)?")) {
      return YAML.getNodeFactory().textNode(new java.math.BigDecimal(text).stripTrailingZeros().toPlainString());
    }
    return YAML.getNodeFactory().textNode(text);
  }
}
