package dev.rdpdoctor.engine;

import dev.rdpdoctor.knowledge.RuleInfo;
import java.util.List;

/**
 * One time a rule fired, with what it matched.
 *
 * @param sequence its place in firing order, from 1
 * @param facts the symptom-file values its conditions read
 * @param premises the firings that derived the findings it matched
 * @param findings the findings it matched
 */
public record Firing(
    int sequence, RuleInfo rule, List<MatchedFact> facts, List<Integer> premises, List<Finding> findings) {

  public Firing {
    facts = List.copyOf(facts);
    premises = List.copyOf(premises);
    findings = List.copyOf(findings);
  }
}
