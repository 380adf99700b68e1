package dev.rdpdoctor.consult;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rdpdoctor.yaml.Spelled;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A symptom file as a YAML tree, and how an answer is written into it. */
final class CaseTree {

  private CaseTree() {}

  /** A copy of {@code tree} with each answer's value written at the question's fact. */
  static ObjectNode withAnswers(ObjectNode tree, Askable q, List<String> labels) {
    ObjectNode out = tree;
    for (String label : labels) {
      out = withAnswer(out, q, label);
    }
    return out == tree ? tree.deepCopy() : out;
  }

  /** True when the answer writes no value (an event that is not in the log): the case stays as it is. */
  static boolean writesNothing(Askable q, String label) {
    JsonNode value = q.answers().get(label);
    return value == null || value.isNull();
  }

  /** A copy of {@code tree} with the answer's value written at the question's fact. */
  static ObjectNode withAnswer(ObjectNode tree, Askable q, String label) {
    ObjectNode copy = tree.deepCopy();
    if (writesNothing(q, label)) {
      return copy;
    }
    JsonNode value = q.answers().get(label);
    String[] parts = q.fact().split("\\.");
    ObjectNode section = copy;
    for (int i = 0; i < parts.length - 1; i++) {
      JsonNode next = section.get(parts[i]);
      section = next instanceof ObjectNode o ? o : section.putObject(parts[i]);
    }
    String key = parts[parts.length - 1];
    if (q.list()) {
      JsonNode list = section.get(key);
      (list instanceof ArrayNode a ? a : section.putArray(key)).add(value.deepCopy());
    } else {
      section.set(key, value.deepCopy());
    }
    return copy;
  }

  /** True when the tree says nothing yet that this question would tell. */
  static boolean unknown(ObjectNode tree, Askable q) {
    JsonNode at = at(tree, q.fact());
    if (!q.list()) {
      return at == null || at.isNull();
    }
    if (!(at instanceof ArrayNode items)) {
      return true;
    }
    for (JsonNode answer : q.answers().values()) {
      if (answer != null && !answer.isNull()) {
        for (JsonNode item : items) {
          if (covers(item, answer)) {
            return false;
          }
        }
      }
    }
    return true;
  }

  /** True when every fact the question requires is known and has one of the listed values. */
  static boolean applies(ObjectNode tree, Askable q) {
    for (Map.Entry<String, List<String>> r : q.question().requires().entrySet()) {
      JsonNode at = at(tree, r.getKey());
      if (at == null || at.isNull()) {
        return false;
      }
      String value = Spelled.normalise(at.asText());
      if (r.getValue().stream().map(Spelled::normalise).noneMatch(value::equals)) {
        return false;
      }
    }
    return true;
  }

  /** The value at a dotted path, or null. */
  static JsonNode at(JsonNode tree, String path) {
    JsonNode node = tree;
    for (String part : path.split("\\.")) {
      if (node == null || !node.isObject()) {
        return null;
      }
      node = node.get(part);
    }
    return node;
  }

  /** True when {@code item} states everything {@code answer} would (a text only needs to contain it). */
  static boolean covers(JsonNode item, JsonNode answer) {
    if (!answer.isObject()) {
      return item.isObject() && item.size() > 0
          ? item.elements().next().asText().equalsIgnoreCase(answer.asText())
          : item.asText().equalsIgnoreCase(answer.asText());
    }
    JsonNode normalized = item.isObject() ? item : JsonNodeFactory.instance.objectNode().set(firstKey(answer), item);
    for (Iterator<Map.Entry<String, JsonNode>> it = answer.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode mine = normalized.get(e.getKey());
      if (mine == null) {
        return false;
      }
      boolean same = e.getValue().isTextual()
          ? mine.asText().toLowerCase(Locale.ROOT).contains(e.getValue().asText().toLowerCase(Locale.ROOT))
          : mine.asText().equals(e.getValue().asText());
      if (!same) {
        return false;
      }
    }
    return true;
  }

  private static String firstKey(JsonNode object) {
    return object.fieldNames().hasNext() ? object.fieldNames().next() : "id";
  }
}
