package dev.rdpdoctor.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rdpdoctor.casefile.vocabulary.Derivation;
import dev.rdpdoctor.casefile.vocabulary.Key;
import dev.rdpdoctor.casefile.vocabulary.KeyType;
import dev.rdpdoctor.casefile.vocabulary.SectionType;
import dev.rdpdoctor.casefile.vocabulary.Stated;
import dev.rdpdoctor.casefile.vocabulary.ValueReader;
import dev.rdpdoctor.casefile.vocabulary.Vocabulary;
import dev.rdpdoctor.problem.InputError;
import dev.rdpdoctor.problem.InvalidInputException;
import dev.rdpdoctor.yaml.SourceMap;
import dev.rdpdoctor.yaml.Suggestions;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prototype: a symptom file read against the vocabulary instead of Java records: every value
 * checked and converted to its key's type, worked-out values added, each problem located. A
 * section is a {@link Section}: its type and its values by key ({@code Section} for a section,
 * {@code List} for a list).
 */
final class CaseValues {

  /** A section as written, with the values worked out from it. */
  record Section(SectionType type, Map<String, Object> values) {}

  private final Vocabulary vocabulary;
  private final SourceMap map;
  private final List<InputError> errors = new ArrayList<>();
  /** Each type's keys by name, made once: a type's list is short, but read for every value of every case. */
  private static final Map<SectionType, Map<String, Key>> KEYS =
      java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());
  /** How each worked-out value was obtained, by path. */
  final Map<String, String> derivations = new LinkedHashMap<>();

  CaseValues(Vocabulary vocabulary, SourceMap map) {
    this.vocabulary = vocabulary;
    this.map = map;
  }

  /** The root section of {@code tree}, worked out against {@code observed} (today when the file gives none). */
  Section read(JsonNode tree, LocalDate today) {
    Section root = section(vocabulary.root(), tree, "");
    Object observed = root.values().get("observed");
    work(root, "", observed instanceof LocalDate d ? d : today);
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return root;
  }

  private Section section(SectionType type, JsonNode node, String path) {
    Map<String, Object> values = new LinkedHashMap<>();
    if (!node.isObject()) {
      if (type.shorthand().isPresent() && node.isValueNode()) {
        Key k = type.key(type.shorthand().get()).orElseThrow();
        scalar(k, node, path, values);
        return new Section(type, values);
      }
      errors.add(map.errorAt(path, path + ": expected a section (key: value lines)"));
      return new Section(type, values);
    }
    node.fields().forEachRemaining(e -> {
      String at = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
      Key key = KEYS.computeIfAbsent(type, SectionType::byName).get(e.getKey());
      if (key == null) {
        String hint = Suggestions.closest(e.getKey(), type.keyNames()).map(s -> " did you mean '" + s + "'?").orElse("");
        errors.add(map.key(at).map(l -> InputError.error(map.file(), l.line(), l.column(), ""))
            .map(x -> new InputError(x.file(), x.line(), x.column(), InputError.Severity.ERROR,
                "unknown key '" + e.getKey() + "' in " + (path.isEmpty() ? "the top level" : "'" + path + "'") + ";"
                    + hint + " allowed keys: " + String.join(", ", type.keyNames())))
            .orElseGet(() -> map.errorAt(at, "unknown key '" + e.getKey() + "'")));
        return;
      }
      if (e.getValue().isNull()) {
        return;
      }
      if (key.type() instanceof KeyType.ListOf list) {
        List<Object> items = new ArrayList<>();
        JsonNode v = e.getValue();
        List<JsonNode> nodes = new ArrayList<>();
        if (v.isArray()) {
          v.forEach(nodes::add);
        } else {
          nodes.add(v);
        }
        for (int i = 0; i < nodes.size(); i++) {
          String itemAt = at + "[" + i + "]";
          if (list.item() instanceof KeyType.Section s) {
            items.add(section(vocabulary.type(s.typeName()).orElseThrow(), nodes.get(i), itemAt));
          } else {
            Map<String, Object> one = new LinkedHashMap<>();
            scalar(key, nodes.get(i), itemAt, one);
            items.addAll(one.values());
          }
        }
        values.put(key.name(), List.copyOf(items));
      } else if (key.type() instanceof KeyType.Section s) {
        values.put(key.name(), section(vocabulary.type(s.typeName()).orElseThrow(), e.getValue(), at));
      } else {
        scalar(key, e.getValue(), at, values);
      }
    });
    for (Key k : type.keys()) {
      if (k.required() && !values.containsKey(k.name()) && errors.isEmpty()) {
        errors.add(map.errorAt(path, path + ": needs its '" + k.name() + "'"));
      }
    }
    return new Section(type, values);
  }

  private void scalar(Key key, JsonNode node, String at, Map<String, Object> out) {
    if (!node.isValueNode()) {
      errors.add(map.errorAt(at, at + ": expected " + key.type().describe() + ", got a " + (node.isArray() ? "list" : "section")));
      return;
    }
    Object raw = node.isBoolean() ? node.booleanValue() : node.isNumber() ? node.numberValue() : node.asText();
    try {
      out.put(key.name(), ValueReader.read(key.type(), raw));
    } catch (IllegalArgumentException e) {
      errors.add(map.errorAt(at, at + ": " + e.getMessage()));
    }
  }

  /** Adds the worked-out values, depth first, and reports statements that contradict them. */
  private void work(Section section, String path, LocalDate observed) {
    for (Key key : section.type().keys()) {
      Object v = section.values().get(key.name());
      String at = path.isEmpty() ? key.name() : path + "." + key.name();
      if (v instanceof Section inner) {
        work(inner, at, observed);
      } else if (v instanceof List<?> items) {
        for (int i = 0; i < items.size(); i++) {
          if (items.get(i) instanceof Section inner) {
            work(inner, at + "[" + i + "]", observed);
          }
        }
      }
    }
    if (path.isEmpty()) {
      section.values().putIfAbsent("observed", observed);
    }
    for (Key key : section.type().keys()) {
      if (key.derived().isEmpty()) {
        continue;
      }
      Key.Derived d = key.derived().get();
      List<Object> inputs = new ArrayList<>();
      for (String from : d.from()) {
        Object value = section.values().get(from);
        if (value == null || value instanceof List<?> l && l.isEmpty()) {
          inputs = null;
          break;
        }
        inputs.add(value);
      }
      if (inputs == null) {
        continue;
      }
      String at = path.isEmpty() ? key.name() : path + "." + key.name();
      Derivation by = d.by();
      Object worked = by.compute(inputs, observed);
      Object stated = section.values().get(key.name());
      if (stated != null && d.stated() == Stated.MUST_AGREE && !stated.equals(worked)) {
        errors.add(map.errorAt(at, at + ": '" + key.name() + ": " + stated + "' " + by.contradiction(d.from(), inputs, worked, observed)));
      } else if (stated == null || d.stated() == Stated.REPLACED) {
        derivations.put(at, by.explain(d.from(), inputs, worked, observed));
      }
      section.values().put(key.name(), worked);
    }
  }
}
