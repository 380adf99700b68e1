package dev.rdpdoctor.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rdpdoctor.casefile.vocabulary.Place;
import dev.rdpdoctor.yaml.Spelled;
import java.time.LocalDate;
import java.util.List;

/**
 * The symptom file the probe writes, key by key, as a tree of the keys and spellings a user
 * writes: dates as {@code YYYY-MM-DD}, values of a set by their spelling, unknown values left
 * out. Each key must be one of the probe's contract ({@link ProbeContract}) and its value of the
 * kind the contract says; anything else is a mistake in the probe, refused as such. Keys are kept
 * in the order written.
 */
final class SymptomTree {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final ObjectNode root = NODES.objectNode();

  /**
   * Writes {@code value} at {@code path} ({@code probe.tcp.port}, {@code probe.negotiation[2].detail}),
   * with the sections it is in; nothing when it is null (unknown).
   */
  SymptomTree put(String path, Object value) {
    if (value == null) {
      return this;
    }
    ProbeContract.Kind kind = kindAt(path);
    if (!kind.holds(value)) {
      throw new IllegalArgumentException("the probe writes " + path + " as " + kind.describe() + ", not " + value);
    }
    int dot = path.lastIndexOf('.');
    ObjectNode parent = dot < 0 ? root : section(path.substring(0, dot));
    parent.set(path.substring(dot + 1), node(value));
    return this;
  }

  /** The section at {@code path} ({@code probe.tls}, {@code probe.negotiation[0]}), written empty if it was not yet. */
  ObjectNode section(String path) {
    int dot = path.lastIndexOf('.');
    ObjectNode parent = dot < 0 ? root : section(path.substring(0, dot));
    String name = path.substring(dot + 1);
    int bracket = name.indexOf('[');
    if (bracket < 0) {
      requireKind(path, ProbeContract.Section.class);
      JsonNode here = parent.get(name);
      return here instanceof ObjectNode o ? o : parent.putObject(name);
    }
    ArrayNode items = list(path.substring(0, path.lastIndexOf('[')));
    int index = Integer.parseInt(name.substring(bracket + 1, name.length() - 1));
    if (index < items.size()) {
      return (ObjectNode) items.get(index);
    }
    if (index > items.size()) {
      throw new IllegalArgumentException("the probe writes " + path + " before the items ahead of it");
    }
    return items.addObject();
  }

  /** The list of sections at {@code path} ({@code probe.negotiation}), written empty if it was not yet. */
  ArrayNode list(String path) {
    requireKind(path, ProbeContract.SectionList.class);
    int dot = path.lastIndexOf('.');
    ObjectNode parent = dot < 0 ? root : section(path.substring(0, dot));
    String name = path.substring(dot + 1);
    JsonNode here = parent.get(name);
    return here instanceof ArrayNode a ? a : parent.putArray(name);
  }

  /** What was written. */
  ObjectNode tree() {
    return root.deepCopy();
  }

  private static ProbeContract.Kind kindAt(String path) {
    return ProbeContract.key(Place.pattern(path)).map(ProbeContract.Key::kind)
        .orElseThrow(() -> new IllegalArgumentException("the probe's contract has no key " + path));
  }

  private static void requireKind(String path, Class<? extends ProbeContract.Kind> kind) {
    if (!kind.isInstance(kindAt(path))) {
      throw new IllegalArgumentException("the probe writes " + path + " as " + kindAt(path).describe());
    }
  }

  private static JsonNode node(Object value) {
    if (value instanceof Boolean b) {
      return NODES.booleanNode(b);
    } else if (value instanceof Long n) {
      return NODES.numberNode(n);
    } else if (value instanceof Double d) {
      return NODES.numberNode(d);
    } else if (value instanceof LocalDate d) {
      return NODES.textNode(d.toString());
    } else if (value instanceof Enum<?> e) {
      return NODES.textNode(Spelled.spelling(e));
    } else if (value instanceof List<?> items) {
      ArrayNode list = NODES.arrayNode();
      items.forEach(item -> list.add(item == null ? NODES.nullNode() : node(item)));
      return list;
    }
    return NODES.textNode((String) value);
  }
}
