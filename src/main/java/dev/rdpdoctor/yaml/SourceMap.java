package dev.rdpdoctor.yaml;

import dev.rdpdoctor.problem.InputError;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every scalar and section of a YAML document by its path ({@code host.rdp.port},
 * {@code events[0].id}), with its position and the text as written. Lets reports quote the
 * user's own words and lets later checks point at the line that holds a value.
 */
public final class SourceMap {

  private final String file;
  private final Map<String, Located> entries;
  private final Map<String, Located> keys;

  SourceMap(String file, Map<String, Located> entries, Map<String, Located> keys) {
    this.file = file;
    this.entries = Map.copyOf(entries);
    this.keys = Map.copyOf(keys);
  }

  public static SourceMap empty(String file) {
    return new SourceMap(file, Map.of(), Map.of());
  }

  /** The keys written directly under the section at {@code path}. */
  public List<Located> childKeys(String path) {
    String prefix = path.isEmpty() ? "" : path + ".";
    return keys.values().stream()
        .filter(k -> k.path().startsWith(prefix) && k.path().indexOf('.', prefix.length()) < 0
            && k.path().indexOf('[', prefix.length()) < 0)
        .sorted(Comparator.comparingInt(Located::line).thenComparingInt(Located::column))
        .toList();
  }

  /** Where the key of {@code path} is written ({@code nla_required:} of {@code rdp.nla_required}). */
  public Optional<Located> key(String path) {
    return Optional.ofNullable(keys.get(path));
  }

  public String file() {
    return file;
  }

  public Optional<Located> find(String path) {
    return Optional.ofNullable(entries.get(path));
  }

  /** The entry for {@code path}, or for the nearest section that contains it. */
  public Optional<Located> nearest(String path) {
    String p = path;
    while (!p.isEmpty()) {
      Located hit = entries.get(p);
      if (hit != null) {
        return Optional.of(hit);
      }
      int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
      p = cut < 0 ? "" : p.substring(0, cut);
    }
    return Optional.empty();
  }

  /** An error located at {@code path}, or at the start of the file when the path was not written. */
  public InputError errorAt(String path, String message) {
    return at(path, InputError.Severity.ERROR, message);
  }

  /** A warning located like {@link #errorAt}. */
  public InputError warningAt(String path, String message) {
    return at(path, InputError.Severity.WARNING, message);
  }

  private InputError at(String path, InputError.Severity severity, String message) {
    Located l = nearest(path).orElse(new Located(path, 1, 1, ""));
    return new InputError(file, l.line(), l.column(), severity, message);
  }
}
