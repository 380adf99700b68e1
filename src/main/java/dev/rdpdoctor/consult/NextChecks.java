package dev.rdpdoctor.consult;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rdpdoctor.casefile.CaseFile;
import dev.rdpdoctor.casefile.CaseFileReader;
import dev.rdpdoctor.casefile.CaseValuesTree;
import dev.rdpdoctor.engine.Diagnoser;
import dev.rdpdoctor.engine.Diagnosis;
import dev.rdpdoctor.knowledge.KnowledgeBase;
import dev.rdpdoctor.knowledge.Question;
import java.time.Clock;
import java.util.List;

/**
 * When the evidence is thin, the few checks that would best separate the leading causes. Used by
 * one thread at a time.
 */
public final class NextChecks {

  public static final int COUNT = 3;

  /**
   * A check to suggest.
   *
   * @param separates the causes its answer would move most, most first
   */
  public record Suggestion(Question question, List<String> separates) {

    public Suggestion {
      separates = List.copyOf(separates);
    }
  }

  private final KnowledgeBase knowledge;
  private final Diagnoser diagnoser;
  private final boolean onAllCores;
  /**
   * Made when first needed, with the mapper that turns a case into the tree the picker varies:
   * most diagnoses are clear, and both take time to set up.
   */
  private QuestionPicker picker;

  /** @param onAllCores whether the checks are weighed on all cores: for one case, not for a batch's */
  public NextChecks(KnowledgeBase knowledge, Diagnoser diagnoser, boolean onAllCores) {
    this.knowledge = knowledge;
    this.diagnoser = diagnoser;
    this.onAllCores = onAllCores;
  }

  /** Empty when the top cause is clear. */
  public List<Suggestion> of(CaseFile caseFile, Diagnosis d) {
    if (QuestionPicker.clear(d)) {
      return List.of();
    }
    if (picker == null) {
      List<Askable> questions = Askable.all(knowledge);
      picker = new QuestionPicker(diagnoser, new CaseFileReader(knowledge.vocabulary(), Clock.systemDefaultZone()), questions,
          onAllCores);
    }
    ObjectNode tree = CaseValuesTree.of(caseFile.values().root());
    tree.remove("expect");
    return picker.nextChecks(tree, COUNT).stream()
        .map(o -> new Suggestion(o.question().question(), ConsultSession.separated(d, o)))
        .toList();
  }
}
