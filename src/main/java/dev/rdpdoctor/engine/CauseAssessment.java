package dev.rdpdoctor.engine;

import dev.rdpdoctor.knowledge.Cause;
import java.util.List;

/**
 * How strongly the evidence points at one cause.
 *
 * @param cf the combined certainty factor
 * @param supporting the positives combined
 * @param opposing the negatives combined
 */
public record CauseAssessment(
    Cause cause, double cf, double supporting, double opposing, List<Evidence> evidence) {

  public CauseAssessment {
    evidence = List.copyOf(evidence);
  }

  public List<Evidence> evidenceFor() {
    return evidence.stream().filter(Evidence::supports).toList();
  }

  public List<Evidence> evidenceAgainst() {
    return evidence.stream().filter(e -> !e.supports()).toList();
  }
}
