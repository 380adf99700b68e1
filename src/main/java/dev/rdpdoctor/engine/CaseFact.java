package dev.rdpdoctor.engine;

import dev.rdpdoctor.casefile.CaseValues.Section;
import java.util.Objects;

/**
 * One fact handed to the rules: an instance of a type the knowledge base declared, made from a
 * section of the case, with the symptom-file path it came from ({@code events[1]}).
 */
public record CaseFact(String path, Object value, Section section) {

  public CaseFact {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(section, "section");
  }
}
