package dev.rdpdoctor.casefile;

import dev.rdpdoctor.casefile.vocabulary.SectionType;
import dev.rdpdoctor.yaml.SourceMap;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A symptom file's values, read against a vocabulary: each key's value converted to its type
 * ({@code Boolean}, {@code Long}, {@code Double}, {@code String}, {@code LocalDate}, a value
 * set's spelling, a {@link Section}, or a {@code List} of these), with the worked-out values
 * added and where each was written.
 *
 * @param root the whole file
 * @param observed the date the symptoms were seen: as written, else the day it was read
 * @param sourceMap where each value was written
 * @param derivations how each worked-out value was obtained, by path
 */
public record CaseValues(Section root, LocalDate observed, SourceMap sourceMap, Map<String, String> derivations) {

  public CaseValues {
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(observed, "observed");
    Objects.requireNonNull(sourceMap, "sourceMap");
    derivations = Map.copyOf(derivations);
  }

  /** A section as written, by key, with the values worked out from it. */
  public record Section(SectionType type, Map<String, Object> values) {

    public Section {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(values, "values");
    }

    public Optional<Object> get(String key) {
      return Optional.ofNullable(values.get(key));
    }
  }

  /** The value at a path ({@code rdp.port}, {@code events[0].id}), when it was written or worked out. */
  public Optional<Object> at(String path) {
    Object here = root;
    int i = 0;
    while (i < path.length()) {
      if (path.charAt(i) == '[') {
        int end = path.indexOf(']', i);
        int index = Integer.parseInt(path.substring(i + 1, end));
        if (!(here instanceof List<?> items) || index >= items.size()) {
          return Optional.empty();
        }
        here = items.get(index);
        i = end + 1;
      } else {
        int start = path.charAt(i) == '.' ? i + 1 : i;
        int end = start;
        while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
          end++;
        }
        if (!(here instanceof Section s)) {
          return Optional.empty();
        }
        here = s.values().get(path.substring(start, end));
        if (here == null) {
          return Optional.empty();
        }
        i = end;
      }
    }
    return Optional.of(here);
  }
}
