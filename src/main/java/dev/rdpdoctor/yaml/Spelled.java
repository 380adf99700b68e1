package dev.rdpdoctor.yaml;

import java.util.List;
import java.util.Locale;

/**
 * An enum whose constants are written in YAML in lower case with hyphens ({@code OS_UPGRADE} is
 * {@code os-upgrade}). Reading forgives case, spaces and underscores; {@link #aliases()} adds
 * other common spellings, such as {@code wifi} for {@code wi-fi}.
 */
public interface Spelled {

  /** Extra accepted spellings, in normalised form (lower case, hyphens). */
  default List<String> aliases() {
    return List.of();
  }

  static String spelling(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  static String normalise(String text) {
    return text.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_]+", "-");
  }
}
