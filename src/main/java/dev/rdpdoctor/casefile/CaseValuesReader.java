package dev.rdpdoctor.casefile;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rdpdoctor.casefile.CaseValues.Section;
import dev.rdpdoctor.casefile.vocabulary.Key;
import dev.rdpdoctor.casefile.vocabulary.KeyType;
import dev.rdpdoctor.casefile.vocabulary.SectionType;
import dev.rdpdoctor.casefile.vocabulary.Stated;
import dev.rdpdoctor.casefile.vocabulary.ValueReader;
import dev.rdpdoctor.casefile.vocabulary.Vocabulary;
import dev.rdpdoctor.problem.InputError;
import dev.rdpdoctor.problem.InvalidInputException;
import dev.rdpdoctor.yaml.Located;
import dev.rdpdoctor.yaml.MappingErrors;
import dev.rdpdoctor.yaml.Shapes;
import dev.rdpdoctor.yaml.SourceMap;
import dev.rdpdoctor.yaml.StrictYamlReader;
import dev.rdpdoctor.yaml.YamlDocument;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a symptom file against a vocabulary, strictly: every key must be declared in its section
 * (an unknown one gets a did-you-mean and the keys allowed), every value must read as its key's
 * type, a required key must be written; the worked-out keys are computed, and a statement that
 * contradicts one is an error. Every independent problem is reported at once, located.
 * {@link #json} reads the same sections written as JSON, as in a JSON Lines stream of cases.
 */
public final class CaseValuesReader {

  /** The root key holding the date the symptoms were seen. */
  private static final String OBSERVED = "observed";

  private final Vocabulary vocabulary;
  private final StrictYamlReader yaml;
  private final Clock clock;

  public CaseValuesReader(Vocabulary vocabulary, Clock clock) {
    this(vocabulary, new StrictYamlReader(), clock);
  }

  private CaseValuesReader(Vocabulary vocabulary, StrictYamlReader yaml, Clock clock) {
    this.vocabulary = vocabulary;
    this.yaml = yaml;
    this.clock = clock;
  }

  /** A reader of symptom files written as JSON objects. */
  public static CaseValuesReader json(Vocabulary vocabulary, Clock clock) {
    return new CaseValuesReader(vocabulary, StrictYamlReader.json(), clock);
  }

  public CaseValues read(Path file) {
    return yaml.read(file, JsonNode.class, this::values);
  }

  /** A case that starts on line {@code firstLine} of {@code name}: its lines and errors count from there. */
  public CaseValues read(String name, int firstLine, byte[] content) {
    return yaml.read(name, firstLine, content, JsonNode.class, this::values);
  }

  /**
   * A case built in memory (the consultation's answers, a probe's findings merged into a file),
   * read with the same checks as a file and located by {@code map}: the file the values came
   * from, or none.
   */
  public CaseValues read(JsonNode tree, SourceMap map) {
    return new Pass(map).read(tree);
  }

  private CaseValues values(YamlDocument<JsonNode> document) {
    return new Pass(document.sourceMap()).read(document.value());
  }

  /** One reading of one document: its problems, and how worked-out values were obtained. */
  private final class Pass {

    private final SourceMap map;
    private final List<InputError> errors = new ArrayList<>();
    private final Map<String, String> derivations = new LinkedHashMap<>();
    private boolean observedUnreadable;
    /** The day the case is judged against: as written, else today; known before any value is read. */
    private LocalDate observed;

    Pass(SourceMap map) {
      this.map = map;
    }

    /**
     * The observed date as written, read before the rest so that the words of an approximate
     * date ({@code last week}) are judged against it wherever it is written; else today. One that
     * does not read is reported where the sections are read.
     */
    private LocalDate observed(JsonNode tree) {
      LocalDate today = LocalDate.now(clock);
      Key key = vocabulary.root().key(OBSERVED).orElse(null);
      JsonNode node = tree.isObject() ? tree.get(OBSERVED) : null;
      if (key == null || node == null || node.isNull()) {
        return today;
      }
      String written = map.find(OBSERVED).map(Located::text).filter(t -> !t.isEmpty()).orElse(node.asText());
      try {
        return ValueReader.read(key.type(), node, written, key.messages(), today) instanceof LocalDate d ? d : today;
      } catch (IllegalArgumentException e) {
        return today;
      }
    }

    CaseValues read(JsonNode tree) {
      observed = observed(tree);
      Section root = section(vocabulary.root(), tree, "");
      if (root == null) {
        throw new InvalidInputException(StrictYamlReader.capped(errors));
      }
      work(root, "", observed);
      root.values().putIfAbsent(OBSERVED, observed);
      if (!errors.isEmpty()) {
        throw new InvalidInputException(StrictYamlReader.capped(errors));
      }
      return new CaseValues(root, observed, map, derivations);
    }

    /** The section's values; null, with the first missing one reported, when a required key is not written. */
    private Section section(SectionType type, JsonNode node, String path) {
      Map<String, Object> values = new LinkedHashMap<>();
      java.util.Set<String> present = new java.util.HashSet<>();
      boolean misspelt = false;
      Map<String, Key> keys = type.byName();
      var fields = node.fields();
      while (fields.hasNext()) {
        var field = fields.next();
        String at = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
        Key key = keys.get(field.getKey());
        if (key == null) {
          misspelt = true;
          Located written = map.key(at).orElse(new Located(at, 1, 1, ""));
          errors.add(InputError.error(map.file(), written.line(), written.column(),
              MappingErrors.unknownKey(field.getKey(), path, type.keyNames().stream().sorted().toList())));
        } else if (!field.getValue().isNull()) {
          present.add(key.name());
          Object value = value(key, field.getValue(), at);
          if (value != null) {
            values.put(key.name(), value);
          }
        }
      }
      for (Key k : type.keys()) {
        if (k.required() && !present.contains(k.name()) && !misspelt) { // a misspelt key is the missing one, said once
          errors.add(map.errorAt(path, path + ": " + k.messages().missing().orElse(
              "needs its '" + k.name() + "'" + k.example().map(e -> ", e.g. '" + k.name() + ": " + e + "'").orElse(""))));
          return null;
        }
      }
      if (!type.requiredOneOf().isEmpty() && type.requiredOneOf().stream().noneMatch(present::contains) && !misspelt) {
        errors.add(map.errorAt(path, path + ": " + type.missingOneOf()));
        return null;
      }
      return new Section(type, values);
    }

    /** A key's value, or null when it has a problem (which is then reported). */
    private Object value(Key key, JsonNode node, String at) {
      if (key.type() instanceof KeyType.ListOf list) {
        List<Object> items = new ArrayList<>();
        List<JsonNode> nodes = new ArrayList<>();
        if (node.isArray()) {
          node.forEach(nodes::add);
        } else {
          nodes.add(node);
        }
        boolean failed = false;
        for (int i = 0; i < nodes.size(); i++) {
          Object item = one(key, list.item(), nodes.get(i), at + "[" + i + "]");
          failed |= item == null;
          if (item != null) {
            items.add(item);
          }
        }
        return failed ? null : List.copyOf(items);
      }
      return one(key, key.type(), node, at);
    }

    private Object one(Key key, KeyType type, JsonNode node, String at) {
      if (type instanceof KeyType.Section s) {
        SectionType inner = vocabulary.type(s.typeName()).orElseThrow();
        if (node.isObject()) {
          return section(inner, node, at);
        }
        if (inner.shorthand().isPresent() && node.isValueNode()) {
          Key shorthand = inner.key(inner.shorthand().get()).orElseThrow();
          Object value = scalar(shorthand, shorthand.type(), node, at);
          return value == null ? null : new Section(inner, new LinkedHashMap<>(Map.of(shorthand.name(), value)));
        }
        errors.add(map.errorAt(at, at + ": expected a section (key: value lines), got " + Shapes.describe(node)));
        return null;
      }
      return scalar(key, type, node, at);
    }

    private Object scalar(Key key, KeyType type, JsonNode node, String at) {
      String written = map.find(at).map(Located::text).filter(t -> !t.isEmpty()).orElse(node.asText());
      try {
        return ValueReader.read(type, node, written, key.messages(), observed);
      } catch (IllegalArgumentException e) {
        if (at.equals(OBSERVED)) {
          observedUnreadable = true;
        }
        errors.add(map.errorAt(at, at + ": " + e.getMessage()));
        return null;
      }
    }

    /** Adds the worked-out values, depth first, and reports the statements that contradict them. */
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
      for (Key key : section.type().keys()) {
        if (key.derived().isPresent()) {
          derive(section, key, key.derived().get(), path.isEmpty() ? key.name() : path + "." + key.name(), observed);
        }
      }
    }

    private void derive(Section section, Key key, Key.Derived derived, String at, LocalDate observed) {
      if (observedUnreadable && derived.by().judgesAgainstObserved()) {
        return;
      }
      List<Object> inputs = new ArrayList<>();
      for (String from : derived.from()) {
        Object value = section.values().get(from);
        if (value == null || value instanceof List<?> l && l.isEmpty()) {
          return;
        }
        inputs.add(value);
      }
      Object worked = derived.by().compute(inputs, observed);
      Object stated = section.values().get(key.name());
      if (stated != null && derived.stated() == Stated.MUST_AGREE && !stated.equals(worked)) {
        errors.add(map.errorAt(at, at + ": '" + key.name() + ": " + stated + "' "
            + derived.by().contradiction(derived.from(), inputs, worked, observed)));
      } else if (stated == null || derived.stated() == Stated.REPLACED) {
        derivations.put(at, derived.by().explain(derived.from(), inputs, worked, observed));
      }
      section.values().put(key.name(), worked);
    }
  }
}
