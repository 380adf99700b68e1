package dev.rdpdoctor.consult;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Replies a user who knows the whole truth of a case would give: each question answered from
 * the case's symptom file, "unknown" where the file says nothing. Records the questions asked.
 */
final class ScriptedReplies implements ConsultSession.Replies {

  private final ObjectNode truth;
  final List<String> asked = new ArrayList<>();
  final List<String> why = new ArrayList<>();
  private Outcome last;
  private final boolean askWhyFirst;

  ScriptedReplies(ObjectNode truth, boolean askWhyFirst) {
    this.truth = truth;
    this.askWhyFirst = askWhyFirst;
  }

  @Override
  public String next(Outcome question) {
    if (askWhyFirst && question != last) {
      last = question;
      why.add(question.question().question().ask());
      return "why";
    }
    asked.add(question.question().question().ask());
    return reply(question.question());
  }

  String reply(Askable q) {
    JsonNode value = CaseTree.at(truth, q.fact());
    if (q.list()) {
      // every item of the world is told, by the first (most specific) answer that covers it
      List<String> labels = new ArrayList<>();
      if (value instanceof ArrayNode items) {
        for (JsonNode item : items) {
          for (Map.Entry<String, JsonNode> a : q.answers().entrySet()) {
            if (a.getValue() != null && !a.getValue().isNull() && CaseTree.covers(item, a.getValue())) {
              if (!labels.contains(a.getKey())) {
                labels.add(a.getKey());
              }
              break;
            }
          }
        }
      }
      if (!labels.isEmpty()) {
        return String.join(", ", labels);
      }
      return q.answers().entrySet().stream().filter(a -> a.getValue() == null || a.getValue().isNull())
          .map(Map.Entry::getKey).findFirst().orElse("unknown");
    }
    if (value == null || value.isNull()) {
      return "unknown";
    }
    String best = "unknown";
    double bestDistance = Double.MAX_VALUE;
    for (Map.Entry<String, JsonNode> a : q.answers().entrySet()) {
      JsonNode v = a.getValue();
      if (v == null || v.isNull()) {
        continue;
      }
      if (v.isNumber() && (value.isNumber() || value.isTextual() && value.asText().matches("-?\\d+(\\.\\d+)?"))) {
        double d = Math.abs(v.asDouble() - value.asDouble());
        if (d < bestDistance) {
          bestDistance = d;
          best = a.getKey();
        }
      } else if (dev.rdpdoctor.yaml.Spelled.normalise(v.asText()).equals(dev.rdpdoctor.yaml.Spelled.normalise(value.asText()))) {
        return a.getKey();
      }
    }
    return best;
  }
}
