package dev.rdpdoctor.consult;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.rdpdoctor.casefile.vocabulary.KeyType;
import dev.rdpdoctor.casefile.vocabulary.Place;
import dev.rdpdoctor.casefile.vocabulary.Vocabulary;
import dev.rdpdoctor.knowledge.KnowledgeBase;
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
 * A question made ready to ask: the key its answer goes to, as the vocabulary declares it, and
 * each answer's label with the value it writes ({@code null} writes nothing: "no" for an event
 * not seen).
 */
public record Askable(Question question, Place place, Map<String, JsonNode> answers) {

  private static final ObjectMapper YAML = YamlMapper.yaml();

  public Askable {
    answers = Collections.unmodifiableMap(new LinkedHashMap<>(answers));
  }

  /** The questions of a knowledge base that can be asked: those whose key its vocabulary declares. */
  public static List<Askable> all(KnowledgeBase knowledge) {
    return knowledge.questions().stream().map(q -> of(q, knowledge.vocabulary())).flatMap(Optional::stream).toList();
  }

  /**
   * The question, ready to ask; empty when its fact is not a key of {@code vocabulary}, or when
   * it lists no answers and its key is neither yes/no nor a value from a set.
   */
  public static Optional<Askable> of(Question q, Vocabulary vocabulary) {
    Optional<Place> place = vocabulary.place(q.fact());
    if (place.isEmpty()) {
      return Optional.empty();
    }
    KeyType type = place.get().key().type();
    KeyType item = type instanceof KeyType.ListOf l ? l.item() : type;
    Map<String, JsonNode> answers = new LinkedHashMap<>();
    if (!q.answers().isEmpty()) {
      q.answers().forEach((label, value) -> answers.put(label.toLowerCase(Locale.ROOT),
          value == null ? NullNode.getInstance() : YAML.valueToTree(value)));
    } else if (item instanceof KeyType.YesNo) {
      answers.put("yes", YAML.getNodeFactory().booleanNode(true));
      answers.put("no", YAML.getNodeFactory().booleanNode(false));
    } else if (item instanceof KeyType.OneOf set) {
      for (String spelling : set.set().spellings()) {
        answers.put(spelling, YAML.getNodeFactory().textNode(spelling));
      }
    } else {
      return Optional.empty();
    }
    return Optional.of(new Askable(q, place.get(), answers));
  }

  /** Whether the key holds a list ({@code events}), whose items are added one by one. */
  public boolean list() {
    return place.key().type() instanceof KeyType.ListOf;
  }

  public String fact() {
    return question.fact();
  }

  /**
   * The answers the user typed: one label, or for a list fact several separated by commas;
   * empty when one of them is not an answer to this question.
   */
  public Optional<List<String>> labels(String typed) {
    List<String> parts = list() ? List.of(typed.split(",")) : List.of(typed);
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
