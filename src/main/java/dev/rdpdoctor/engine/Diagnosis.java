package dev.rdpdoctor.engine;

import dev.rdpdoctor.casefile.CaseFile;
import java.util.List;
import java.util.Optional;

/**
 * The outcome for one case.
 *
 * @param facts what the rules were given: the case's facts, each with the section it was made from
 * @param ranked causes with a positive combined CF, most likely first
 * @param ruledOut causes the evidence argues against, with that evidence
 * @param firings every rule firing, in order: the raw trace
 */
public record Diagnosis(
    CaseFile caseFile,
    List<CaseFact> facts,
    String knowledgeOrigin,
    List<CauseAssessment> ranked,
    List<CauseAssessment> ruledOut,
    List<Firing> firings) {

  public Diagnosis {
    facts = List.copyOf(facts);
    ranked = List.copyOf(ranked);
    ruledOut = List.copyOf(ruledOut);
    firings = List.copyOf(firings);
  }

  public Optional<CauseAssessment> top() {
    return ranked.stream().findFirst();
  }

  public Firing firing(int sequence) {
    return firings.get(sequence - 1);
  }
}
