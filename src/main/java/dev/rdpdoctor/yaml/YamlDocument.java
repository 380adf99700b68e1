package dev.rdpdoctor.yaml;

import java.util.Set;

/**
 * A YAML file read into {@code T}, with where each of its values was written.
 *
 * @param leftOut the paths of keys that had problems and were taken out, in what could be read
 *     of a document with problems; empty for a document read whole
 */
public record YamlDocument<T>(T value, SourceMap sourceMap, Set<String> leftOut) {

  public YamlDocument {
    leftOut = Set.copyOf(leftOut);
  }

  public YamlDocument(T value, SourceMap sourceMap) {
    this(value, sourceMap, Set.of());
  }
}
