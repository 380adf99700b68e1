package dev.rdpdoctor.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rdpdoctor.problem.InputError;
import dev.rdpdoctor.problem.InvalidInputException;
import dev.rdpdoctor.yaml.YamlMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A consultation as a request gives it, with no state on the server: the case it started from
 * (a symptom file's text, or its sections as JSON) and the answers so far.
 */
final class ConsultRequest {

  /** The most questions a consultation asks, whatever it is told. */
  static final int MAX_QUESTIONS = 60;

  private static final ObjectMapper YAML = YamlMapper.yaml();

  private ConsultRequest() {}

  /**
   * The case a consultation starts from: nothing, a symptom file's text (read with its located
   * errors), or its sections; its {@code expect:} and {@code resolution:} left out, and observed
   * today unless it says otherwise.
   */
  static ObjectNode start(Doctor doctor, JsonNode given) {
    ObjectNode tree;
    if (given == null || given.isNull()) {
      tree = YAML.createObjectNode();
    } else if (given.isTextual()) {
      tree = startFromText(doctor, given.asText().getBytes(StandardCharsets.UTF_8));
    } else if (given.isObject()) {
      tree = ((ObjectNode) given).deepCopy();
      doctor.read("case", Api.JSON_BYTES.apply(tree)); // its errors, as a file's
    } else {
      throw new HttpError(400, "'case' is a symptom file's text or its sections as a JSON object");
    }
    tree.remove("expect");
    tree.remove(CaseStore.RESOLUTION);
    if (!tree.has("observed")) {
      tree.put("observed", LocalDate.now(doctor.clock()).toString());
    }
    return tree;
  }

  /** The case a symptom file's text states, after checking that it reads as one. */
  static ObjectNode startFromText(Doctor doctor, byte[] text) {
    byte[] content = CaseStore.withoutResolution(text);
    if (new String(content, StandardCharsets.UTF_8).isBlank()) {
      return YAML.createObjectNode();
    }
    doctor.read("case", content);
    try {
      JsonNode node = YAML.readTree(content);
      return node instanceof ObjectNode o ? o : YAML.createObjectNode();
    } catch (IOException e) {
      throw new InvalidInputException(InputError.error("case", 1, 1, "cannot be read: " + e.getMessage()));
    }
  }

  /** An answer as given: one label, or several (a checklist) joined by commas as at the terminal. */
  static String reply(JsonNode answer) {
    if (answer.isArray()) {
      List<String> parts = new ArrayList<>();
      answer.forEach(a -> parts.add(a.asText()));
      return String.join(",", parts);
    }
    return answer.asText();
  }

  /** A consultation's case as the symptom file it would be saved as. */
  static byte[] yaml(ObjectNode tree) {
    return yamlText(tree).getBytes(StandardCharsets.UTF_8);
  }

  static String yamlText(ObjectNode tree) {
    try {
      String text = YAML.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
      return text.startsWith("---\n") ? text.substring(4) : text;
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
