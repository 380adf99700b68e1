package dev.rdpdoctor.ruletools;

import dev.rdpdoctor.casefile.Expectation;
import dev.rdpdoctor.engine.Diagnosis;
import dev.rdpdoctor.problem.InputError;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One sample run against its expectation.
 *
 * @param failures what differs from the expectation, one sentence each; empty when it passed
 * @param invalid the sample's own errors when it could not be read
 */
public record ScenarioResult(
    Path sample,
    Optional<Expectation> expectation,
    Optional<Diagnosis> diagnosis, List<String> failures, List<InputError> invalid) {

  public ScenarioResult {
    failures = List.copyOf(failures);
    invalid = List.copyOf(invalid);
  }

  public boolean passed() {
    return failures.isEmpty() && invalid.isEmpty();
  }
}
