package dev.rdpdoctor.casefile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rdpdoctor.casefile.vocabulary.Key;
import dev.rdpdoctor.casefile.vocabulary.KeyType;
import dev.rdpdoctor.casefile.vocabulary.SectionType;
import dev.rdpdoctor.casefile.vocabulary.Stated;
import dev.rdpdoctor.casefile.vocabulary.ValueReader;
import dev.rdpdoctor.casefile.vocabulary.Vocabulary;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Merges what a probe found into what the user stated, both as trees of symptom-file keys. The
 * user's statements win; the probe fills in what the user left unknown; a value both give
 * differently is kept as the user wrote it and listed as a conflict; a list of sections (the
 * evidence's events) adds the items found to the user's, completing those the user wrote. The {@code probe:} section
 * holds raw findings, not statements: a fresh probe's replaces one the file carries from an
 * earlier probe. A worked-out value the user stated (each key the vocabulary declares
 * {@code derived}, whose statement must agree) is not contradicted by a probed input: the
 * derivation's last input ({@code from:}), the evidence it judges, is left out when the probe gave
 * it, and the disagreement listed instead.
 */
final class SymptomMerger {

  /** Not facts: the user's are kept without comparing. */
  private static final Set<String> NOT_COMPARED = Set.of("title", "notes", "observed", "expect");

  /**
   * @param provenance for each value the probe filled in, by path, how it was found
   */
  record Merged(ObjectNode symptoms, List<Conflict> conflicts, Map<String, String> provenance) {

    Merged {
      conflicts = List.copyOf(conflicts);
      provenance = Collections.unmodifiableMap(new LinkedHashMap<>(provenance));
    }
  }

  private final Vocabulary vocabulary;

  /** @param vocabulary declares the worked-out keys whose statements are kept */
  SymptomMerger(Vocabulary vocabulary) {
    this.vocabulary = vocabulary;
  }

  Merged merge(ObjectNode stated, ProbedFacts probed) {
    Merging merging = new Merging(stated, probed);
    ObjectNode merged = merging.mine;
    JsonNode observed = merged.get("observed");
    keepWorkedOutStatements(vocabulary.root(), merged, "",
        observed == null || !observed.isTextual() ? null : LocalDate.parse(observed.asText()), merging);
    return merging.result();
  }

  /** What the probe found, with nothing stated to merge it into. */
  static Merged alone(ProbedFacts probed) {
    return new Merging(JsonNodeFactory.instance.objectNode(), probed).result();
  }

  /** One merge: the tree being built, the conflicts found, and where each probed value came from. */
  private static final class Merging {
    final ObjectNode mine;
    final List<Conflict> conflicts = new ArrayList<>();
    final Map<String, String> provenance = new LinkedHashMap<>();
    final ProbedFacts probed;

    Merging(ObjectNode stated, ProbedFacts probed) {
      this.probed = probed;
      mine = stated.deepCopy();
      ObjectNode theirs = probed.symptoms();
      if (theirs.has("probe")) {
        mine.remove("probe"); // an earlier probe's raw findings give way to the fresh ones
      }
      merge(mine, theirs, "", probed);
    }

    Merged result() {
      return new Merged(mine, conflicts, provenance);
    }

    private void merge(ObjectNode mine, ObjectNode theirs, String prefix, ProbedFacts probed) {
      for (Iterator<Map.Entry<String, JsonNode>> it = theirs.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        String name = field.getKey();
        String path = prefix.isEmpty() ? name : prefix + "." + name;
        JsonNode probedValue = field.getValue();
        JsonNode statedValue = mine.get(name);
        if (statedValue == null || statedValue.isNull()) {
          mine.set(name, probedValue);
          if (!prefix.isEmpty() || !NOT_COMPARED.contains(name)) {
            leaves(probedValue, path, probed);
          }
        } else if (prefix.isEmpty() && NOT_COMPARED.contains(name)) {
          continue;
        } else if (statedValue.isObject() && probedValue.isObject()) {
          merge((ObjectNode) statedValue, (ObjectNode) probedValue, path, probed);
        } else if (statedValue.isArray() && probedValue.isArray() && probedValue.size() > 0 && probedValue.get(0).isObject()) {
          add((ArrayNode) statedValue, (ArrayNode) probedValue, path, probed);
        } else if (!same(statedValue, probedValue)) {
          conflicts.add(new Conflict(path, text(statedValue), text(probedValue), probed.finder(), probed.citedReason(path)));
        }
      }
    }

    /**
     * A list of sections both give (the events): the user's items stay as written. An item found
     * that agrees with every key of an item the user wrote (the user's {@code 1058}, the export's
     * 1058 with its source and text) is that item, and fills in the keys the user left out; any
     * other item found is added after the user's. Nothing the user wrote is contradicted by an
     * event seen besides.
     */
    private void add(ArrayNode mine, ArrayNode theirs, String path, ProbedFacts probed) {
      int written = mine.size();
      boolean[] matched = new boolean[written];
      for (int i = 0; i < theirs.size(); i++) {
        JsonNode item = theirs.get(i);
        String found = probed.reasonFor(path + "[" + i + "]");
        int same = -1;
        for (int j = 0; j < written && same < 0; j++) {
          same = !matched[j] && mine.get(j) instanceof ObjectNode stated && item.isObject() && agrees(stated, item) ? j : -1;
        }
        if (same >= 0) {
          matched[same] = true;
          ObjectNode stated = (ObjectNode) mine.get(same);
          String at = path + "[" + same + "]";
          item.fields().forEachRemaining(f -> {
            if (!stated.has(f.getKey())) {
              stated.set(f.getKey(), f.getValue());
              provenance.put(at + "." + f.getKey(), found);
            }
          });
        } else {
          String at = path + "[" + mine.size() + "]";
          mine.add(item);
          item.fields().forEachRemaining(f -> provenance.put(at + "." + f.getKey(), found));
          provenance.put(at, found);
        }
      }
    }

    /** Every key the user wrote in {@code stated} is in {@code found}, with the same value. */
    private static boolean agrees(ObjectNode stated, JsonNode found) {
      for (Iterator<Map.Entry<String, JsonNode>> it = stated.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> f = it.next();
        JsonNode other = found.get(f.getKey());
        if (other == null || !same(f.getValue(), other)) {
          return false;
        }
      }
      return true;
    }

    /** Records how each value under {@code node} was found, by the paths the rules' trace quotes. */
    private void leaves(JsonNode node, String path, ProbedFacts probed) {
      if (node.isObject()) {
        node.fields().forEachRemaining(f -> leaves(f.getValue(), path + "." + f.getKey(), probed));
      } else if (node.isArray() && node.size() > 0 && node.get(0).isObject()) {
        for (int i = 0; i < node.size(); i++) {
          leaves(node.get(i), path + "[" + i + "]", probed);
        }
      } else {
        provenance.put(path, probed.reasonFor(path));
      }
    }
  }

  /**
   * A worked-out value the user stated stands; a probed input that would contradict it is left
   * out, so the case reads as the user described it, and the disagreement is listed. Every
   * section of {@code type} in {@code section} is looked at, in the order the vocabulary declares
   * its keys.
   *
   * @param observed the date the merged case is judged against; null when it has none
   */
  private void keepWorkedOutStatements(SectionType type, ObjectNode section, String prefix, LocalDate observed,
      Merging merging) {
    for (Key key : type.keys()) {
      JsonNode value = section.get(key.name());
      if (value == null || value.isNull()) {
        continue;
      }
      String path = prefix.isEmpty() ? key.name() : prefix + "." + key.name();
      if (key.derived().isPresent()) {
        keepStatement(type, key, section, prefix, observed, merging);
      }
      Optional<SectionType> inner = key.section().flatMap(s -> vocabulary.type(s.typeName()));
      if (inner.isPresent() && value instanceof ObjectNode object) {
        keepWorkedOutStatements(inner.get(), object, path, observed, merging);
      } else if (inner.isPresent() && value instanceof ArrayNode items) {
        for (int i = 0; i < items.size(); i++) {
          if (items.get(i) instanceof ObjectNode item) {
            keepWorkedOutStatements(inner.get(), item, path + "[" + i + "]", observed, merging);
          }
        }
      }
    }
  }

  private void keepStatement(SectionType type, Key key, ObjectNode section, String prefix, LocalDate observed, Merging merging) {
    Key.Derived derived = key.derived().orElseThrow();
    String at = prefix.isEmpty() ? "" : prefix + ".";
    String evidence = derived.from().get(derived.from().size() - 1);
    if (derived.stated() != Stated.MUST_AGREE || merging.provenance.containsKey(at + key.name())
        || !merging.provenance.containsKey(at + evidence)
        || (derived.by().judgesAgainstObserved() && observed == null)) {
      return; // not the user's statement, or nothing the probe gave to judge it by
    }
    List<Object> inputs = new ArrayList<>();
    for (String input : derived.from()) {
      JsonNode node = section.get(input);
      Optional<Key> declared = type.key(input);
      if (node == null || node.isNull() || declared.isEmpty()) {
        return;
      }
      inputs.add(value(declared.get().type(), node, observed));
    }
    Object worked = derived.by().compute(inputs, observed);
    JsonNode statement = section.get(key.name());
    if (!worked.equals(value(key.type(), statement, observed))) {
      merging.conflicts.add(new Conflict(at + key.name(), text(statement),
          worked + " (" + derived.by().evidence(derived.from(), inputs) + ")", merging.probed.finder(),
          merging.probed.citedReason(at + evidence)));
      section.remove(evidence);
      merging.provenance.remove(at + evidence);
    }
  }

  /** A value of the tree as the derivations take it, an approximate date's words judged against {@code observed}. */
  private static Object value(KeyType type, JsonNode node, LocalDate observed) {
    if (type instanceof KeyType.ListOf list) {
      List<Object> items = new ArrayList<>();
      node.forEach(item -> items.add(value(list.item(), item, observed)));
      return items;
    }
    if (type instanceof KeyType.Date) {
      return LocalDate.parse(node.asText());
    }
    if (type instanceof KeyType.ApproximateDate) {
      return ValueReader.read(type, node, node.asText(), Key.Messages.NONE, observed);
    }
    if (type instanceof KeyType.YesNo) {
      return node.asBoolean();
    }
    if (type instanceof KeyType.WholeNumber) {
      return node.asLong();
    }
    if (type instanceof KeyType.Decimal) {
      return node.asDouble();
    }
    return node.asText();
  }

  private static boolean same(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return a.asDouble() == b.asDouble();
    }
    if (a.isTextual() && b.isTextual()) {
      return a.asText().strip().equalsIgnoreCase(b.asText().strip());
    }
    if (a.isArray() && b.isArray() && allScalar(a) && allScalar(b)) {
      return folded(a).equals(folded(b));
    }
    return a.equals(b);
  }

  private static boolean allScalar(JsonNode array) {
    for (JsonNode n : array) {
      if (n.isContainerNode()) {
        return false;
      }
    }
    return true;
  }

  private static Set<String> folded(JsonNode array) {
    Set<String> values = new TreeSet<>();
    array.forEach(n -> values.add(n.asText().strip().toLowerCase(Locale.ROOT)));
    return values;
  }

  private static String text(JsonNode node) {
    if (node.isArray() && allScalar(node)) {
      List<String> values = new ArrayList<>();
      ((ArrayNode) node).forEach(n -> values.add(n.asText()));
      return "[" + String.join(", ", values) + "]";
    }
    return node.isValueNode() ? node.asText() : node.toString();
  }
}
