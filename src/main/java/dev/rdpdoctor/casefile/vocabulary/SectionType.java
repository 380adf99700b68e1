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
 */
public record SectionType(String name, String doc, List<Key> keys, Optional<String> shorthand, boolean root) {

  public SectionType {
    keys = List.copyOf(keys);
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
