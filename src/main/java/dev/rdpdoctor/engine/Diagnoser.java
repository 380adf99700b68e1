package dev.rdpdoctor.engine;

import dev.rdpdoctor.casefile.CaseFile;
import dev.rdpdoctor.casefile.Fact;
import dev.rdpdoctor.knowledge.KnowledgeBase;
import dev.rdpdoctor.knowledge.RuleInfo;
import dev.rdpdoctor.yaml.InputError;
import dev.rdpdoctor.yaml.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.ConsequenceException;

/** Runs the rules on one case. Thread-safe: each call has its own session. */
public final class Diagnoser {

  public static final int DEFAULT_FIRE_LIMIT = 10_000;

  private final KnowledgeBase knowledge;
  private final int fireLimit;
  private final RuleIndex rules;
  private final Ranker ranker;

  public Diagnoser(KnowledgeBase knowledge, int fireLimit) {
    if (fireLimit < 1) {
      throw new IllegalArgumentException("the fire limit must be at least 1");
    }
    this.knowledge = knowledge;
    this.fireLimit = fireLimit;
    this.rules = new RuleIndex(knowledge);
    this.ranker = new Ranker(knowledge);
  }

  public Diagnoser(KnowledgeBase knowledge) {
    this(knowledge, DEFAULT_FIRE_LIMIT);
  }

  public KnowledgeBase knowledge() {
    return knowledge;
  }

  public Diagnosis diagnose(CaseFile caseFile) {
    KieSession session = knowledge.kieBase().newKieSession();
    TraceRecorder recorder = new TraceRecorder(rules, caseFile);
    try {
      session.addEventListener((AgendaEventListener) recorder);
      session.addEventListener((RuleRuntimeEventListener) recorder);
      for (Fact fact : caseFile.facts()) {
        session.insert(fact.value());
      }
      int fired = session.fireAllRules(fireLimit);
      if (fired >= fireLimit) {
        throw looping(recorder);
      }
    } catch (ConsequenceException e) {
      RuleInfo rule = recorder.info(e.getRule());
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new InvalidInputException(InputError.error(rule.file(), rule.line(), 1,
          "rule '" + rule.name() + "' failed in its consequence: " + cause.getClass().getSimpleName()
              + (cause.getMessage() == null ? "" : ": " + cause.getMessage())));
    } finally {
      session.dispose();
    }
    return ranker.rank(caseFile, recorder.firings());
  }

  private InvalidInputException looping(TraceRecorder recorder) {
    List<InputError> errors = new ArrayList<>();
    for (Map.Entry<RuleInfo, Integer> e : recorder.busiestRules(3).entrySet()) {
      RuleInfo rule = e.getKey();
      errors.add(InputError.error(rule.file(), rule.line(), 1,
          "rule '" + rule.name() + "' fired " + e.getValue() + " times: the rules loop (the limit of "
              + fireLimit + " firings was reached); a consequence probably modifies what its own condition reads"));
    }
    return new InvalidInputException(errors);
  }
}
