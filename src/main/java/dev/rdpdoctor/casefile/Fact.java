package dev.rdpdoctor.casefile;

import java.util.Objects;

/** One object handed to the rules, with the symptom-file path it came from ({@code events[1]}). */
public record Fact(String path, Object value) {

  public Fact {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(value, "value");
  }
}
