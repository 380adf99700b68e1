package dev.rdpdoctor.casefile;

import dev.rdpdoctor.yaml.SourceMap;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A case ready for the rules: the symptom file's values as read against the vocabulary, with
 * the values worked out from them (certificate expired, gateway name match) and where each
 * value was written.
 *
 * @param source the file name, as given on the command line
 * @param values the values by key, the worked-out ones, the observed date, where each was written
 * @param symptoms the same values as the records the rest of the tool still reads (the keys
 *     the records have; the rules read {@code values})
 * @param facts the records handed to rules written against them (the plain-Java floor)
 * @param conflicts values the user stated that a probe saw differently (the user's are used)
 */
public record CaseFile(
    String source,
    CaseValues values,
    SymptomFile symptoms,
    List<Fact> facts,
    List<Conflict> conflicts) {

  public CaseFile {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(values, "values");
    Objects.requireNonNull(symptoms, "symptoms");
    facts = List.copyOf(facts);
    conflicts = conflicts == null ? List.of() : List.copyOf(conflicts);
  }

  /** The date the symptoms were seen: as written, else the day the case was read. */
  public LocalDate observed() {
    return values.observed();
  }

  public SourceMap sourceMap() {
    return values.sourceMap();
  }

  /** How each worked-out or probed value was obtained, by path. */
  public Map<String, String> derivations() {
    return values.derivations();
  }

  public Optional<Expectation> expectation() {
    return Optional.ofNullable(symptoms.expect());
  }

  public ErrorReport error() {
    return symptoms.error() == null ? ErrorReport.unknown() : symptoms.error();
  }
}
