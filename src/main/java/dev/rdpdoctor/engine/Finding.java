package dev.rdpdoctor.engine;

import java.util.Objects;

/**
 * An intermediate conclusion a rule derives for other rules to use, e.g.
 * {@code insertLogical(new Finding("tls-unusable", "the server cannot start TLS"))}. The trace
 * shows which rule derived it from which facts.
 */
public record Finding(String name, String detail) {

  public Finding {
    Objects.requireNonNull(name, "a finding needs a name");
  }

  public Finding(String name) {
    this(name, null);
  }
}
