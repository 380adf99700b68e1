package dev.rdpdoctor.engine;

import dev.rdpdoctor.knowledge.Cause;
import dev.rdpdoctor.knowledge.BaseRate;
import java.util.List;
import java.util.Optional;

/**
 * How strongly the evidence points at one cause.
 *
 * @param cf the combined certainty factor
 * @param supporting the positives combined
 * @param opposing the negatives combined
 */
public record CauseAssessment(
    Cause cause, double cf, double supporting, double opposing, List<Evidence> evidence, BaseRate fromBaseRate) {

  public CauseAssessment {
    evidence = List.copyOf(evidence);
  }

  public CauseAssessment(Cause cause, double cf, double supporting, double opposing, List<Evidence> evidence) {
    this(cause, cf, supporting, opposing, evidence, null);
  }

  /** A cause ranked only by how common it is, when no fact points at any cause. */
  static CauseAssessment fromBaseRate(Cause cause, BaseRate rate) {
    return new CauseAssessment(cause, rate.share() * Ranker.BASE_RATE_WEIGHT, 0, 0, List.of(), rate);
  }

  /** How common the cause is, when that alone ranks it: no fact of the case points at any cause. */
  public Optional<BaseRate> rankedByBaseRate() {
    return Optional.ofNullable(fromBaseRate);
  }

  public List<Evidence> evidenceFor() {
    return evidence.stream().filter(Evidence::supports).toList();
  }

  public List<Evidence> evidenceAgainst() {
    return evidence.stream().filter(e -> !e.supports()).toList();
  }
}
