package dev.rdpdoctor.knowledge;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A question the consultation may ask: {@code questions.yaml → questions[]}.
 *
 * @param fact the symptom-file path the answer fills ({@code rdp.nla_required}); for a list
 *     ({@code events}) each answer adds an item
 * @param ask the question, in plain language
 * @param how how to find the answer on Windows
 * @param cost what it takes to find out
 * @param answers label to symptom-file value ({@code yes: {id: 1058}}); may be left out for a
 *     true/false fact or a fact with a fixed set of values, whose answers are those values
 * @param requires asked only once these facts are known to have one of the values listed
 *     ({@code path.kind: [rd-gateway, avd]} for a question about the gateway)
 */
public record Question(
    String fact, String ask, String how, Cost cost, Map<String, Object> answers, Map<String, List<String>> requires) {

  public Question {
    if (fact == null || fact.isBlank()) {
      throw new IllegalArgumentException("a question needs the 'fact' it asks about");
    }
    if (ask == null || ask.isBlank()) {
      throw new IllegalArgumentException("the question about '" + fact + "' needs its text ('ask')");
    }
    Objects.requireNonNull(cost, () -> "the question about '" + fact + "' needs a 'cost': low, medium or high");
    answers = answers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(answers));
    requires = requires == null ? Map.of() : Map.copyOf(requires);
  }

  /** An id to tell questions apart: the fact, and for a list the first answer's value. */
  public String key() {
    return answers.isEmpty() ? fact : fact + " " + answers.values().iterator().next();
  }
}
