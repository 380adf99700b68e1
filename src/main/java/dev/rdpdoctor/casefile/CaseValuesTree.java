package dev.rdpdoctor.casefile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rdpdoctor.casefile.CaseValues.Section;
import dev.rdpdoctor.casefile.vocabulary.DateEstimate;
import dev.rdpdoctor.casefile.vocabulary.Key;
import dev.rdpdoctor.casefile.vocabulary.KeyType;
import java.time.LocalDate;
import java.util.List;

/**
 * A case's values as a tree of the keys and spellings a user writes: codes in hex
 * ({@code 0x904}), dates as {@code YYYY-MM-DD}, approximate dates in the words written
 * ({@code last week}), value sets by their spelling, unknown values left out. Read back against
 * the same observed date, it gives the same values.
 */
public final class CaseValuesTree {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private CaseValuesTree() {}

  public static ObjectNode of(Section section) {
    ObjectNode out = NODES.objectNode();
    for (Key key : section.type().keys()) {
      Object value = section.values().get(key.name());
      if (value instanceof List<?> items) {
        if (!items.isEmpty()) {
          ArrayNode list = out.putArray(key.name());
          KeyType item = ((KeyType.ListOf) key.type()).item();
          items.forEach(v -> list.add(node(item, v)));
        }
      } else if (value != null) {
        out.set(key.name(), node(key.type(), value));
      }
    }
    return out;
  }

  /**
   * One value as the tree holds it: a code in hex, a date as {@code YYYY-MM-DD}, a value set's
   * spelling as text, a section as its tree.
   */
  public static JsonNode node(KeyType type, Object value) {
    if (value instanceof Section s) {
      return of(s);
    } else if (value instanceof Boolean b) {
      return NODES.booleanNode(b);
    } else if (value instanceof Long n) {
      return type instanceof KeyType.Code ? NODES.textNode("0x" + Long.toHexString(n)) : NODES.numberNode(n);
    } else if (value instanceof Double d) {
      return NODES.numberNode(d);
    } else if (value instanceof LocalDate d) {
      return NODES.textNode(d.toString());
    } else if (value instanceof DateEstimate d) {
      return NODES.textNode(d.written());
    }
    return NODES.textNode(String.valueOf(value));
  }
}
