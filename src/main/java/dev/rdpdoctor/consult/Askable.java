package dev.rdpdoctor.consult;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.rdpdoctor.casefile.SymptomSchema;
import dev.rdpdoctor.knowledge.Question;
import dev.rdpdoctor.yaml.Spelled;
import dev.rdpdoctor.yaml.YamlMapper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A question made ready to ask: where its answer goes in the symptom file, and each answer's
 * label with the value it writes ({@code null} writes nothing: "no" for an event not seen).
 */
public record Askable(Question question, SymptomSchema.Slot slot, Map<String, JsonNode> answers) {

  private static final ObjectMapper YAML = YamlMapper.yaml();

  public Askable {
    answers = Collections.unmodifiableMap(new LinkedHashMap<>(answers));
  }

  /** The question, ready to ask; empty when its fact is not a symptom-file key. */
  public static Optional<Askable> of(Question q) {
    Optional<SymptomSchema.Slot> slot = SymptomSchema.slot(q.fact());
    if (slot.isEmpty()) {
      return Optional.empty();
    }
    Map<String, JsonNode> answers = new LinkedHashMap<>();
    if (!q.answers().isEmpty()) {
      q.answers().forEach((label, value) -> answers.put(label.toLowerCase(Locale.ROOT),
          value == null ? NullNode.getInstance() : YAML.valueToTree(value)));
    } else if (slot.get().type() == Boolean.class) {
      answers.put("yes", YAML.getNodeFactory().booleanNode(true));
      answers.put("no", YAML.getNodeFactory().booleanNode(false));
    } else if (slot.get().type().isEnum()) {
      for (Object constant : slot.get().type().getEnumConstants()) {
        String spelling = Spelled.spelling((Enum<?>) constant);
        answers.put(spelling, YAML.getNodeFactory().textNode(spelling));
      }
    } else {
      return Optional.empty();
    }
    return Optional.of(new Askable(q, slot.get(), answers));
  }

  public String fact() {
    return question.fact();
  }

  /**
   * The answers the user typed: one label, or for a list fact several separated by commas;
   * empty when one of them is not an answer to this question.
   */
  public Optional<List<String>> labels(String typed) {
    List<String> parts = slot.list() ? List.of(typed.split(",")) : List.of(typed);
    List<String> out = new ArrayList<>();
    for (String part : parts) {
      Optional<String> label = label(part);
      if (label.isEmpty()) {
        return Optional.empty();
      }
      if (!out.contains(label.get())) {
        out.add(label.get());
      }
    }
    return out.isEmpty() ? Optional.empty() : Optional.of(out);
  }

  /** The answer the user typed, matched to a label (case and spacing do not matter). */
  public Optional<String> label(String typed) {
    String t = Spelled.normalise(typed);
    for (String label : answers.keySet()) {
      if (Spelled.normalise(label).equals(t)) {
        return Optional.of(label);
      }
    }
    if (t.equals("y")) {
      return answers.containsKey("yes") ? Optional.of("yes") : Optional.empty();
    }
    if (t.equals("n")) {
      return answers.containsKey("no") ? Optional.of("no") : Optional.empty();
    }
    return Optional.empty();
  }
}
