package dev.rdpdoctor.ruletools;

import dev.rdpdoctor.casefile.Resolution;
import dev.rdpdoctor.engine.Diagnosis;
import dev.rdpdoctor.problem.InputError;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One resolved ticket read and diagnosed, to be measured: where its confirmed cause ranks.
 *
 * @param resolution its {@code resolution:}; empty for a ticket not resolved yet, which is skipped
 * @param diagnosis empty when the ticket could not be read
 * @param findings its own errors (it cannot be measured) and warnings, located
 */
public record TicketRun(Path file, Optional<Resolution> resolution, Optional<Diagnosis> diagnosis, List<InputError> findings) {

  public TicketRun {
    findings = List.copyOf(findings);
  }

  /** Read, diagnosed and resolved with ids the knowledge base knows: it counts. */
  public boolean measured() {
    return !invalid() && resolution.isPresent() && diagnosis.isPresent();
  }

  /** It has an error: it cannot be read, or its resolution names what the knowledge base lacks. */
  public boolean invalid() {
    return findings.stream().anyMatch(InputError::isError);
  }

  /** Read and valid, but with no resolution to measure against. */
  public boolean skipped() {
    return !invalid() && resolution.isEmpty();
  }
}
