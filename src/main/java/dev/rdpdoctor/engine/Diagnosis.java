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
 * @param unread what the user gave that no rule reads (the notes always), in the file's order
 */
public record Diagnosis(
    CaseFile caseFile,
    List<CaseFact> facts,
    String knowledgeOrigin,
    List<CauseAssessment> ranked,
    List<CauseAssessment> ruledOut,
    List<Firing> firings,
    List<Unread> unread) {

  /** A fact the user gave that no rule reads: its path, and its value as written. */
  public record Unread(String path, String value) {}

  public Diagnosis {
    facts = List.copyOf(facts);
    ranked = List.copyOf(ranked);
    ruledOut = List.copyOf(ruledOut);
    firings = List.copyOf(firings);
    unread = List.copyOf(unread);
  }

  public Optional<CauseAssessment> top() {
    return ranked.stream().findFirst();
  }

  public Firing firing(int sequence) {
    return firings.get(sequence - 1);
  }
}
