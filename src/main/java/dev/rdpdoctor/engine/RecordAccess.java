package dev.rdpdoctor.engine;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dev.rdpdoctor.casefile.Hex;
import dev.rdpdoctor.casefile.Reads;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Reads record components by name, and what a helper method declares it reads, looking each
 * class up once: the trace reads a few fields of every fact a rule matches, millions of times in
 * a batch.
 */
final class RecordAccess {

  private static final PropertyNamingStrategies.SnakeCaseStrategy SNAKE =
      new PropertyNamingStrategies.SnakeCaseStrategy();

  /** A record type's components, by name. */
  private record Shape(Map<String, Method> accessors, Map<String, List<String>> readsByMethod, Set<String> hex) {}

  private static final ClassValue<Optional<Shape>> SHAPES = new ClassValue<>() {
    @Override
    protected Optional<Shape> computeValue(Class<?> type) {
      if (!type.isRecord()) {
        return Optional.empty();
      }
      Map<String, Method> accessors = new HashMap<>();
      Set<String> hex = new HashSet<>();
      for (RecordComponent c : type.getRecordComponents()) {
        accessors.put(c.getName(), c.getAccessor());
        if (c.isAnnotationPresent(Hex.class)) {
          hex.add(c.getName());
        }
      }
      Map<String, List<String>> reads = new HashMap<>();
      for (Method m : type.getMethods()) {
        Reads r = m.getAnnotation(Reads.class);
        if (r != null) {
          reads.merge(m.getName(), List.of(r.value()), (a, b) ->
              Stream.concat(a.stream(), b.stream()).distinct().toList());
        }
      }
      return Optional.of(new Shape(Map.copyOf(accessors), Map.copyOf(reads), Set.copyOf(hex)));
    }
  };

  private static final Map<String, String> SNAKE_NAMES = new ConcurrentHashMap<>();
  private static final Map<String, String[]> PARTS = new ConcurrentHashMap<>();

  private RecordAccess() {}

  static boolean isRecord(Object value) {
    return value != null && SHAPES.get(value.getClass()).isPresent();
  }

  /**
   * The component's value (empty for null), or null when {@code record} has no such component or
   * it cannot be read.
   */
  static Optional<Object> component(Object record, String name) {
    Method accessor = SHAPES.get(record.getClass()).map(s -> s.accessors().get(name)).orElse(null);
    if (accessor == null) {
      return null;
    }
    try {
      return Optional.ofNullable(accessor.invoke(record));
    } catch (IllegalAccessException | InvocationTargetException e) {
      return null;
    }
  }

  /** Whether the component is a code the user writes in hex ({@link Hex}). */
  static boolean isHex(Object record, String name) {
    return SHAPES.get(record.getClass()).map(s -> s.hex().contains(name)).orElse(false);
  }

  /** The fields a helper method of this fact declares it reads ({@link Reads}). */
  static List<String> readBy(Object fact, String method) {
    return SHAPES.get(fact.getClass()).map(s -> s.readsByMethod().getOrDefault(method, List.of()))
        .orElseGet(() -> Arrays.stream(fact.getClass().getMethods())
            .filter(m -> m.getName().equals(method))
            .map(m -> m.getAnnotation(Reads.class))
            .filter(Objects::nonNull)
            .flatMap(r -> Arrays.stream(r.value()))
            .distinct()
            .toList());
  }

  /** {@code notAfter} as the symptom file spells it: {@code not_after}. */
  static String snake(String field) {
    String s = SNAKE_NAMES.get(field);
    return s != null ? s : SNAKE_NAMES.computeIfAbsent(field, SNAKE::translate);
  }

  /** A dotted field path split into its parts. */
  static String[] parts(String fieldPath) {
    String[] p = PARTS.get(fieldPath);
    return p != null ? p : PARTS.computeIfAbsent(fieldPath, f -> f.split("\\."));
  }
}
