package dev.rdpdoctor.engine;

import dev.rdpdoctor.casefile.CaseFile;
import dev.rdpdoctor.knowledge.Cause;
import dev.rdpdoctor.knowledge.Fix;
import dev.rdpdoctor.knowledge.KnowledgeBase;
import dev.rdpdoctor.knowledge.Restart;
import dev.rdpdoctor.knowledge.RuleInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns firings into evidence per cause, combines the CFs and ranks: by CF, ties to the cause
 * whose first fix is safer and lighter, then by id so the order is always the same.
 */
final class Ranker {

  private static final double EPSILON = 1e-9;

  private static final Comparator<CauseAssessment> ORDER =
      Comparator.<CauseAssessment>comparingDouble(a -> -Math.round(a.cf() / EPSILON) * EPSILON)
          .thenComparing(a -> a.cause().firstFixRisk())
          .thenComparing(a -> a.cause().fixesInSafeOrder().stream().findFirst().map(Fix::restart).orElse(Restart.REBOOT))
          .thenComparing(a -> a.cause().id());

  private final KnowledgeBase knowledge;

  Ranker(KnowledgeBase knowledge) {
    this.knowledge = knowledge;
  }

  Diagnosis rank(CaseFile caseFile, List<Firing> firings) {
    Map<String, Map<RuleInfo, List<Firing>>> byCause = new LinkedHashMap<>();
    for (Firing f : firings) {
      f.rule().cause().ifPresent(cause ->
          byCause.computeIfAbsent(cause, c -> new LinkedHashMap<>())
              .computeIfAbsent(f.rule(), r -> new ArrayList<>())
              .add(f));
    }
    List<CauseAssessment> ranked = new ArrayList<>();
    List<CauseAssessment> ruledOut = new ArrayList<>();
    byCause.forEach((causeId, rules) -> {
      Cause cause = knowledge.cause(causeId);
      List<Evidence> evidence = new ArrayList<>();
      rules.forEach((rule, fired) -> evidence.add(new Evidence(causeId, rule.cf().orElseThrow(), rule, fired)));
      evidence.sort(Comparator.comparingDouble((Evidence e) -> -Math.abs(e.cf())).thenComparing(e -> e.rule().id()));
      CertaintyFactors.Combined combined = CertaintyFactors.combine(evidence.stream().map(Evidence::cf).toList());
      CauseAssessment assessment =
          new CauseAssessment(cause, combined.cf(), combined.positive(), combined.negative(), evidence);
      (combined.cf() > EPSILON ? ranked : ruledOut).add(assessment);
    });
    ranked.sort(ORDER);
    ruledOut.sort(Comparator.comparingDouble(CauseAssessment::cf).thenComparing(a -> a.cause().id()));
    return new Diagnosis(caseFile, knowledge.origin(), ranked, ruledOut, firings);
  }
}
