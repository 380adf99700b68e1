package dev.rdpdoctor.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rdpdoctor.casefile.CaseFile;
import dev.rdpdoctor.casefile.CaseFileReader;
import dev.rdpdoctor.casefile.CaseValuesTree;
import dev.rdpdoctor.consult.Askable;
import dev.rdpdoctor.consult.ConsultSession;
import dev.rdpdoctor.consult.Outcome;
import dev.rdpdoctor.consult.QuestionPicker;
import dev.rdpdoctor.engine.Diagnoser;
import dev.rdpdoctor.engine.Diagnosis;
import dev.rdpdoctor.knowledge.KnowledgeBase;
import dev.rdpdoctor.report.NextCheck;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** When the evidence is thin, the few checks that would best separate the leading causes. */
final class NextChecks {

  static final int COUNT = 3;

  private final KnowledgeBase knowledge;
  private final Diagnoser diagnoser;
  private final boolean onAllCores;
  /**
   * Made when first needed, with the mapper that turns a case into the tree the picker varies:
   * most diagnoses are clear, and both take time to set up.
   */
  private QuestionPicker picker;

  /** @param onAllCores whether the checks are weighed on all cores: for one case, not for a batch's */
  NextChecks(KnowledgeBase knowledge, Diagnoser diagnoser, boolean onAllCores) {
    this.knowledge = knowledge;
    this.diagnoser = diagnoser;
    this.onAllCores = onAllCores;
  }

  /** Empty when the top cause is clear. */
  List<NextCheck> of(CaseFile caseFile, Diagnosis d) {
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
    return picker.nextChecks(tree, COUNT).stream().map(o -> check(d, o)).toList();
  }

  private static NextCheck check(Diagnosis d, Outcome o) {
    return new NextCheck(o.question().question().ask(), o.question().question().how(), o.question().question().cost(),
        ConsultSession.separated(d, o));
  }
}
