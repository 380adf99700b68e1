package dev.rdpdoctor.casefile.vocabulary;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The shape of a section, and the fact type the rules match it as: {@code RdpSettings} is the
 * shape of {@code rdp:}. One type may be used in several places ({@code Certificate} is
 * {@code certificate}, {@code probe.tls.certificate} and {@code probe.gateway.certificate}).
 *
 * @param shorthand the key a bare value fills ({@code - 1058} is {@code - id: 1058})
 * @param root the type of the whole symptom file
 * @param requiredOneOf keys of which a section must hold at least one; empty when none is needed
 * @param missing what a section holding none of {@code requiredOneOf} is told, where the general
 *     message would say less ({@code an event needs its id, or its source and its text})
 */
public record SectionType(String name, String doc, List<Key> keys, Optional<String> shorthand, boolean root,
    List<String> requiredOneOf, Optional<String> missing) {

  public SectionType {
    keys = List.copyOf(keys);
    requiredOneOf = List.copyOf(requiredOneOf);
  }

  public SectionType(String name, String doc, List<Key> keys, Optional<String> shorthand, boolean root) {
    this(name, doc, keys, shorthand, root, List.of(), Optional.empty());
  }

  /**
   * What a section that holds none of {@link #requiredOneOf()} is told: the type's own message,
   * else {@code needs one of 'id', 'source', 'text'}.
   */
  public String missingOneOf() {
    return missing.orElseGet(() -> "needs one of " + String.join(", ", requiredOneOf.stream().map(k -> "'" + k + "'").toList()));
  }

  public Optional<Key> key(String name) {
    return keys.stream().filter(k -> k.name().equals(name)).findFirst();
  }

  /** The key the rules read as {@code field} ({@code nla_required} for {@code nlaRequired}). */
  public Optional<Key> keyOfField(String field) {
    for (Key k : keys) {
      if (k.field().equals(field)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }

  /** The keys by name, in the order written. */
  public Map<String, Key> byName() {
    Map<String, Key> out = new LinkedHashMap<>();
    keys.forEach(k -> out.put(k.name(), k));
    return out;
  }

  public List<String> keyNames() {
    return keys.stream().map(Key::name).toList();
  }
}
