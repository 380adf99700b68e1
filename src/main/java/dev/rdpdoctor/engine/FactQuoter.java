package dev.rdpdoctor.engine;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dev.rdpdoctor.casefile.CaseFile;
import dev.rdpdoctor.casefile.Reads;
import dev.rdpdoctor.yaml.Located;
import dev.rdpdoctor.yaml.Spelled;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Quotes the values a rule read on a fact, as paths and text of the user's symptom file. */
final class FactQuoter {

  private static final PropertyNamingStrategies.SnakeCaseStrategy SNAKE =
      new PropertyNamingStrategies.SnakeCaseStrategy();

  private final CaseFile caseFile;

  FactQuoter(CaseFile caseFile) {
    this.caseFile = caseFile;
  }

  List<MatchedFact> quote(Object fact, String factPath, List<String> fields) {
    List<MatchedFact> out = new ArrayList<>();
    for (String field : fields) {
      if (field.endsWith("()")) {
        for (String read : readBy(fact, field.substring(0, field.length() - 2))) {
          resolve(fact, factPath, read).ifPresent(out::add);
        }
      } else {
        resolve(fact, factPath, field).ifPresent(out::add);
      }
    }
    if (out.isEmpty()) {
      out.add(quoteValue(factPath, fact));
    }
    return out;
  }

  private Optional<MatchedFact> resolve(Object fact, String factPath, String fieldPath) {
    Object value = fact;
    StringBuilder path = new StringBuilder(factPath);
    boolean hex = false;
    for (String part : fieldPath.split("\\.")) {
      if (value == null || !value.getClass().isRecord()) {
        return Optional.empty();
      }
      hex = isHex(value.getClass(), part);
      Optional<Object> next = component(value, part);
      if (next == null) {
        return Optional.empty();
      }
      value = next.orElse(null);
      path.append('.').append(SNAKE.translate(part));
    }
    Object shown = hex && value instanceof Long code ? "0x" + Long.toHexString(code).toUpperCase(java.util.Locale.ROOT) : value;
    return Optional.of(quoteValue(path.toString(), shown));
  }

  private static boolean isHex(Class<?> record, String component) {
    for (RecordComponent c : record.getRecordComponents()) {
      if (c.getName().equals(component)) {
        return c.isAnnotationPresent(dev.rdpdoctor.casefile.Hex.class);
      }
    }
    return false;
  }

  /** The fields a helper method declares it reads ({@link Reads}). */
  private static List<String> readBy(Object fact, String method) {
    return java.util.Arrays.stream(fact.getClass().getMethods())
        .filter(m -> m.getName().equals(method))
        .map(m -> m.getAnnotation(Reads.class))
        .filter(java.util.Objects::nonNull)
        .flatMap(r -> java.util.Arrays.stream(r.value()))
        .distinct()
        .toList();
  }

  /** The component's value (empty for null), or null when the record has no such component. */
  private static Optional<Object> component(Object record, String name) {
    for (RecordComponent c : record.getClass().getRecordComponents()) {
      if (c.getName().equals(name)) {
        try {
          return Optional.ofNullable(c.getAccessor().invoke(record));
        } catch (IllegalAccessException | InvocationTargetException e) {
          return null;
        }
      }
    }
    return null;
  }

  private MatchedFact quoteValue(String path, Object value) {
    Optional<Located> written = caseFile.sourceMap().find(path);
    Optional<Located> near = written.isPresent() ? written : caseFile.sourceMap().nearest(path);
    String derivation = caseFile.derivations().get(path);
    String text =
        written.map(Located::text).filter(t -> !t.isEmpty()).orElseGet(() -> format(value));
    if (written.isEmpty() && derivation == null && near.isPresent() && !near.get().text().isEmpty()) {
      text = near.get().text();
    }
    Optional<Integer> line = derivation != null && written.isEmpty()
        ? Optional.empty()
        : near.map(Located::line);
    return new MatchedFact(path, text, line, Optional.ofNullable(derivation));
  }

  static String format(Object value) {
    if (value == null) {
      return "unknown";
    }
    if (value instanceof Enum<?> e) {
      return Spelled.spelling(e);
    }
    if (value instanceof Collection<?> c) {
      return c.stream().map(FactQuoter::format).collect(Collectors.joining(", ", "[", "]"));
    }
    if (value instanceof Finding f) {
      return f.name();
    }
    return String.valueOf(value);
  }
}
