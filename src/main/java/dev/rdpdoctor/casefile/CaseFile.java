package dev.rdpdoctor.casefile;

import dev.rdpdoctor.yaml.SourceMap;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A case ready for the rules: the symptom file as read, with the values worked out from it
 * (certificate expired, gateway name match), the facts to insert, and where each value was
 * written.
 *
 * @param source the file name, as given on the command line
 * @param observed the date the symptoms were seen
 * @param derivations how each worked-out value was obtained, by path
 * @param conflicts values the user stated that a probe saw differently (the user's are used)
 */
public record CaseFile(
    String source,
    SymptomFile symptoms,
    LocalDate observed,
    List<Fact> facts,
    SourceMap sourceMap,
    Map<String, String> derivations,
    List<Conflict> conflicts) {

  public CaseFile {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(symptoms, "symptoms");
    Objects.requireNonNull(observed, "observed");
    facts = List.copyOf(facts);
    derivations = Map.copyOf(derivations);
    conflicts = conflicts == null ? List.of() : List.copyOf(conflicts);
  }

  /** A case read from one file, with nothing probed to conflict with. */
  public CaseFile(String source, SymptomFile symptoms, LocalDate observed, List<Fact> facts,
      SourceMap sourceMap, Map<String, String> derivations) {
    this(source, symptoms, observed, facts, sourceMap, derivations, List.of());
  }

  CaseFile withConflicts(List<Conflict> found) {
    return new CaseFile(source, symptoms, observed, facts, sourceMap, derivations, found);
  }

  public Optional<Expectation> expectation() {
    return Optional.ofNullable(symptoms.expect());
  }

  public ErrorReport error() {
    return symptoms.error() == null ? ErrorReport.unknown() : symptoms.error();
  }
}
