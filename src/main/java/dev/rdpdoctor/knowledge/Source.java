package dev.rdpdoctor.knowledge;

import java.util.Objects;

/**
 * A document a rule may cite: {@code sources.yaml}.
 *
 * @param where an address, or a path inside the knowledge base for the seed documents
 */
public record Source(String id, String title, String where, Reliability reliability, String note) {

  public Source {
    require(id, "id");
    require(title, "title");
    require(where, "where");
    Objects.requireNonNull(reliability, "a source needs its reliability: high, medium or low");
  }

  private static void require(String value, String key) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("a source needs '" + key + "'");
    }
  }
}
