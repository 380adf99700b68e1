package dev.rdpdoctor.yaml;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The accepted spellings of one {@link Spelled} enum, and the error for anything else. */
public final class SpelledValues<E extends Enum<E>> {

  private final Map<String, E> bySpelling = new LinkedHashMap<>();
  private final List<String> allowed;

  private SpelledValues(Class<E> type) {
    for (E constant : type.getEnumConstants()) {
      bySpelling.put(Spelled.spelling(constant), constant);
      bySpelling.put(Spelled.normalise(constant.name()), constant);
      if (constant instanceof Spelled spelled) {
        spelled.aliases().forEach(a -> bySpelling.putIfAbsent(Spelled.normalise(a), constant));
      }
    }
    allowed = Arrays.stream(type.getEnumConstants()).map(Spelled::spelling).toList();
  }

  public static <E extends Enum<E>> SpelledValues<E> of(Class<E> type) {
    return new SpelledValues<>(type);
  }

  /** The constant written as {@code text}; an unknown value names the allowed ones. */
  public E parse(String text) {
    E hit = bySpelling.get(Spelled.normalise(text));
    if (hit != null) {
      return hit;
    }
    String hint =
        Suggestions.closest(Spelled.normalise(text), allowed)
            .map(s -> " did you mean '" + s + "'?")
            .orElse("");
    throw new IllegalArgumentException(
        "'" + Excerpt.of(text) + "' is not allowed;" + hint + " allowed: " + allowed());
  }

  public String allowed() {
    return String.join(", ", allowed);
  }
}
