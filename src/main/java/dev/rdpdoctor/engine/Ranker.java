package dev.rdpdoctor.engine;

import dev.rdpdoctor.casefile.CaseFile;
import dev.rdpdoctor.knowledge.Cause;
import dev.rdpdoctor.knowledge.Fix;
import dev.rdpdoctor.knowledge.KnowledgeBase;
import dev.rdpdoctor.knowledge.Restart;
import dev.rdpdoctor.knowledge.Risk;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns firings into evidence per cause, combines the CFs and ranks: by CF, ties to the cause
 * whose first fix is safer and lighter, then by id so the order is always the same. One ranker
 * serves every diagnosis with a knowledge base; what it knows of each cause's fixes is worked
 * out once.
 */
final class Ranker {

  private static final double EPSILON = 1e-9;

  /**
   * What a base rate counts as when it alone ranks a case: a cause that explains every ticket
   * would get CF 0.1, less than the weakest evidence a rule gives.
   */
  static final double BASE_RATE_WEIGHT = 0.1;

  /** How many causes a case with no evidence lists, by how common they are. */
  static final int BASE_RATE_LEADERS = 5;

  private static final Comparator<Evidence> STRONGEST_FIRST =
      Comparator.comparingDouble((Evidence e) -> -Math.abs(e.cf())).thenComparing(e -> e.rule().id());

  private static final Comparator<CauseAssessment> RULED_OUT_ORDER =
      Comparator.comparingDouble(CauseAssessment::cf).thenComparing(a -> a.cause().id());

  /** What breaks a tie between causes: the risk and the restart of the fix offered first. */
  private record FirstFix(Risk risk, Restart restart) {

    static FirstFix of(Cause cause) {
      return new FirstFix(cause.firstFixRisk(),
          cause.fixesInSafeOrder().stream().findFirst().map(Fix::restart).orElse(Restart.REBOOT));
    }
  }

  private final KnowledgeBase knowledge;
  private final Map<String, FirstFix> firstFixes = new HashMap<>();
  private final Comparator<CauseAssessment> order;
  private final UnreadFacts unread;

  Ranker(KnowledgeBase knowledge) {
    this.knowledge = knowledge;
    this.unread = new UnreadFacts(knowledge);
    knowledge.causes().forEach((id, cause) -> firstFixes.put(id, FirstFix.of(cause)));
    this.order = Comparator.<CauseAssessment>comparingDouble(a -> -Math.round(a.cf() / EPSILON) * EPSILON)
        .thenComparing(a -> firstFix(a.cause()).risk())
        .thenComparing(a -> firstFix(a.cause()).restart())
        .thenComparing(a -> a.cause().id());
  }

  private FirstFix firstFix(Cause cause) {
    FirstFix f = firstFixes.get(cause.id());
    return f != null && knowledge.causes().get(cause.id()) == cause ? f : FirstFix.of(cause);
  }

  Diagnosis rank(CaseFile caseFile, List<CaseFact> facts, List<Firing> firings) {
    Map<String, Map<String, List<Firing>>> byCause = new LinkedHashMap<>();
    for (Firing f : firings) {
      f.rule().cause().ifPresent(cause ->
          byCause.computeIfAbsent(cause, c -> new LinkedHashMap<>())
              .computeIfAbsent(f.rule().key(), r -> new ArrayList<>())
              .add(f));
    }
    List<CauseAssessment> ranked = new ArrayList<>();
    List<CauseAssessment> ruledOut = new ArrayList<>();
    byCause.forEach((causeId, rules) -> {
      Cause cause = knowledge.cause(causeId);
      List<Evidence> evidence = new ArrayList<>(rules.size());
      List<Double> cfs = new ArrayList<>(rules.size());
      rules.forEach((rule, fired) -> {
        double cf = fired.get(0).rule().cf().orElseThrow();
        evidence.add(new Evidence(causeId, cf, fired.get(0).rule(), fired));
      });
      evidence.sort(STRONGEST_FIRST);
      evidence.forEach(e -> cfs.add(e.cf()));
      CertaintyFactors.Combined combined = CertaintyFactors.combine(cfs);
      CauseAssessment assessment =
          new CauseAssessment(cause, combined.cf(), combined.positive(), combined.negative(), evidence);
      (combined.cf() > EPSILON ? ranked : ruledOut).add(assessment);
    });
    if (ranked.isEmpty()) {
      // no fact points at any cause: say what is most common for this error, and that it is only that
      knowledge.causes().values().stream()
          .filter(c -> !byCause.containsKey(c.id()))
          .flatMap(c -> c.rate().filter(r -> r.share() > 0).map(r -> CauseAssessment.fromBaseRate(c, r)).stream())
          .sorted(order).limit(BASE_RATE_LEADERS).forEach(ranked::add);
    }
    ranked.sort(order);
    ruledOut.sort(RULED_OUT_ORDER);
    return new Diagnosis(caseFile, facts, knowledge.origin(), ranked, ruledOut, firings, unread.of(caseFile));
  }
}
