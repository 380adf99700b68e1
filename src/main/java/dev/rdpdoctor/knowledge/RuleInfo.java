package dev.rdpdoctor.knowledge;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the tools know of a rule without running it: its metadata and where it is written.
 *
 * @param key the package-qualified rule name, unique in a knowledge base
 * @param id the {@code @id}, or the rule name when the rule has none
 * @param idDeclared whether the rule has an {@code @id}
 * @param file the DRL file, as shown to the user
 * @param cause the {@code @cause} it gives evidence for or against; empty for a rule that only
 *     derives an intermediate finding
 * @param cf the {@code @cf}, in [-1, 1], when the rule has a cause
 * @param consequence the text of its {@code then} part
 * @param consequenceLine the line its {@code then} part starts on
 */
public record RuleInfo(
    String key,
    String id,
    boolean idDeclared,
    String name,
    String file,
    int line,
    Optional<String> cause,
    Optional<Double> cf,
    List<String> sources,
    List<PatternInfo> patterns,
    String consequence,
    int consequenceLine) {

  public RuleInfo {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(id, "id");
    sources = List.copyOf(sources);
    patterns = List.copyOf(patterns);
    consequence = consequence == null ? "" : consequence;
  }

  public String location() {
    return file + ":" + line;
  }

  /** The fields this rule reads on facts of the given type. */
  public List<String> fieldsOf(String type) {
    return patterns.stream()
        .filter(p -> p.type().equals(type))
        .flatMap(p -> p.fields().stream())
        .distinct()
        .toList();
  }
}
